import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { createOnce, ifMatch, inOrder, intentKeys, once } from '@/lib/api/concurrency';
import { unwrap } from '@/lib/api/problem';

export type Rfp = Schemas['RfpDto'];
export type RfpContent = Schemas['RfpContent'];
export type RfpSummary = Schemas['RfpSummaryDto'];

const listKey = (organisationId: string) => ['rfps', organisationId] as const;
const rfpKey = (organisationId: string, id: string) => ['rfps', organisationId, id] as const;

export const useRfps = (organisationId: string) => useQuery({ queryKey: listKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/rfps')) });

export const useRfp = (organisationId: string, id: string) =>
  useQuery({ queryKey: rfpKey(organisationId, id), queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}', { params: { path: { rfpId: id } } })) });

/** The checklist and the axes come in the reader's language. */
export const useRfpVocabulary = (language: string) =>
  useQuery({ queryKey: ['rfp-vocabulary', language], queryFn: async () => unwrap(await api.GET('/api/v1/rfps/vocabulary')), staleTime: Infinity });

const createKeys = intentKeys();

export const useCreateRfp = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      title = null,
      fromTaskIds = null,
      fromTemplateId = null,
    }: {
      title?: string | null;
      fromTaskIds?: string[] | null;
      fromTemplateId?: string | null;
    }) => {
      const body = { title, fromTaskIds, fromTemplateId };
      return createOnce(createKeys, body, async (headers) => unwrap(await api.POST('/api/v1/rfps', { body, headers })));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(organisationId) }),
  });
};

/**
 * A change to the RFP (a save, publishing, cancelling, an addendum), one at a time and each with the revision the
 * previous answer gave; the answer replaces the cached RFP before the next change reads it.
 */
const useRfpChange = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  return async (send: (headers: Record<string, string>) => Promise<{ data?: Rfp; error?: unknown; response: Response }>) =>
    inOrder(`rfp:${id}`, async () => {
      const revision = queryClient.getQueryData<Rfp>(rfpKey(organisationId, id))?.revision;
      const changed = unwrap(await send(ifMatch(revision)));
      queryClient.setQueryData(rfpKey(organisationId, id), changed);
      return changed;
    });
};

/** Saves the whole draft; the answer (with the live problems and findings) replaces the cached RFP. */
export const useSaveRfp = (organisationId: string, id: string) => {
  const change = useRfpChange(organisationId, id);
  return useMutation({
    mutationFn: (content: RfpContent) => change((headers) => api.PUT('/api/v1/rfps/{rfpId}', { params: { path: { rfpId: id } }, body: content, headers })),
  });
};

export const useRfpAction = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  const change = useRfpChange(organisationId, id);
  const path = { params: { path: { rfpId: id } } };
  const listChanged = () => queryClient.invalidateQueries({ queryKey: listKey(organisationId) });
  return {
    publish: useMutation({
      mutationFn: (acknowledgeFindings: boolean) =>
        once(`publish:${id}`, () => change((headers) => api.POST('/api/v1/rfps/{rfpId}/publish', { ...path, body: { acknowledgeFindings }, headers }))),
      onSuccess: listChanged,
    }),
    cancel: useMutation({
      mutationFn: (reason: string) =>
        once(`cancel:${id}`, () => change((headers) => api.POST('/api/v1/rfps/{rfpId}/cancel', { ...path, body: { reason }, headers }))),
      onSuccess: listChanged,
    }),
    copy: useMutation({
      mutationFn: () => once(`copy:${id}`, async () => unwrap(await api.POST('/api/v1/rfps/{rfpId}/copy', path))),
      onSuccess: listChanged,
    }),
    remove: useMutation({
      mutationFn: () =>
        once(`delete:${id}`, async () => {
          const result = await api.DELETE('/api/v1/rfps/{rfpId}', path);
          if (!result.response.ok) unwrap(result);
        }),
      onSuccess: listChanged,
    }),
  };
};

export type RfpMatch = Schemas['RfpMatchDto'];

export const matchesPageSize = 10;

/**
 * One page of the vendors a published RFP matched, best first, with how many matched in all. The Workers fill them in
 * moments after publishing, so a refresh shows them.
 */
export const useRfpMatches = (organisationId: string, id: string, page: number, poll: boolean) =>
  useQuery({
    queryKey: ['rfps', organisationId, id, 'matches', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/rfps/{rfpId}/matches', {
          params: { path: { rfpId: id }, query: { offset: (page - 1) * matchesPageSize, limit: matchesPageSize } },
        }),
      ),
    placeholderData: (previous) => previous,
    // Every 3 s while none have arrived and the caller still waits (an RFP nobody matches stays empty).
    refetchInterval: (query) => (poll && Number(query.state.data?.total ?? 0) === 0 ? 3000 : false),
  });

export type RfpActivity = Schemas['RfpActivityDto'];

const activityKey = (organisationId: string, id: string) => ['rfps', organisationId, id, 'activity'] as const;

/** Participants (a count), invitations, questions and versions of a published RFP. */
export const useRfpActivity = (organisationId: string, id: string) =>
  useQuery({
    queryKey: activityKey(organisationId, id),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/activity', { params: { path: { rfpId: id } } })),
  });

const clarificationKeys = intentKeys();

export const useRfpParticipationActions = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  const change = useRfpChange(organisationId, id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: activityKey(organisationId, id) });
  const path = { params: { path: { rfpId: id } } };
  return {
    invite: useMutation({
      mutationFn: (vendorIds: string[]) =>
        once(`invite:${id}:${vendorIds.join()}`, async () => unwrap(await api.POST('/api/v1/rfps/{rfpId}/invitations', { ...path, body: { vendorIds } }))),
      onSuccess: (activity) => queryClient.setQueryData(activityKey(organisationId, id), activity),
    }),
    answer: useMutation({
      mutationFn: ({ questionId, answer }: { questionId: string; answer: string }) =>
        once(`answer:${questionId}`, async () =>
          unwrap(await api.POST('/api/v1/rfps/{rfpId}/questions/{questionId}/answer', { params: { path: { rfpId: id, questionId } }, body: { answer } })),
        ),
      onSuccess: refresh,
    }),
    clarify: useMutation({
      mutationFn: (text: string) =>
        createOnce(clarificationKeys, { id, text }, async (headers) =>
          unwrap(await api.POST('/api/v1/rfps/{rfpId}/clarifications', { ...path, body: { text }, headers })),
        ),
      onSuccess: refresh,
    }),
    addendum: useMutation({
      mutationFn: (body: { content: RfpContent; changeSummary: string; acknowledgeFindings: boolean }) =>
        once(`addendum:${id}`, () => change((headers) => api.POST('/api/v1/rfps/{rfpId}/addenda', { ...path, body, headers }))),
      onSuccess: () => {
        void refresh();
        void queryClient.invalidateQueries({ queryKey: listKey(organisationId) });
      },
    }),
  };
};

const templatesKey = (organisationId: string) => ['rfp-templates', organisationId] as const;
const templateKeys = intentKeys();

export const useRfpTemplates = (organisationId: string) =>
  useQuery({ queryKey: templatesKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/rfps/templates')) });

export const useRfpTemplateActions = (organisationId: string) => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: templatesKey(organisationId) });
  return {
    save: useMutation({
      mutationFn: ({ rfpId, name }: { rfpId: string; name: string }) =>
        createOnce(templateKeys, { rfpId, name }, async (headers) =>
          unwrap(await api.POST('/api/v1/rfps/{rfpId}/template', { params: { path: { rfpId } }, body: { name }, headers })),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (templateId: string) => {
        const result = await api.DELETE('/api/v1/rfps/templates/{templateId}', { params: { path: { templateId } } });
        if (!result.response.ok) unwrap(result);
      },
      onSuccess: refresh,
    }),
  };
};

export type RfpAttachment = Schemas['RfpAttachmentDto'];

const attachmentsKey = (organisationId: string, id: string) => ['rfps', organisationId, id, 'attachments'] as const;

export const useRfpAttachments = (organisationId: string, id: string) =>
  useQuery({
    queryKey: attachmentsKey(organisationId, id),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/attachments', { params: { path: { rfpId: id } } })),
  });

export const useRemoveRfpAttachment = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (attachmentId: string) => {
      const result = await api.DELETE('/api/v1/rfps/{rfpId}/attachments/{attachmentId}', { params: { path: { rfpId: id, attachmentId } } });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsKey(organisationId, id) }),
  });
};

/** Refetches the list after an upload (the upload itself goes through uploadWithProgress, for its progress). */
export const useRefreshRfpAttachments = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: attachmentsKey(organisationId, id) });
};
