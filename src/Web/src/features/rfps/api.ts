import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type Rfp = Schemas['RfpDto'];
export type RfpContent = Schemas['RfpContent'];
export type RfpSummary = Schemas['RfpSummaryDto'];

const listKey = (organisationId: string) => ['rfps', organisationId] as const;
const rfpKey = (organisationId: string, id: string) => ['rfps', organisationId, id] as const;

export const useRfps = (organisationId: string) =>
  useQuery({ queryKey: listKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/rfps')) });

export const useRfp = (organisationId: string, id: string) =>
  useQuery({ queryKey: rfpKey(organisationId, id), queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}', { params: { path: { rfpId: id } } })) });

/** The checklist and the axes come in the reader's language. */
export const useRfpVocabulary = (language: string) =>
  useQuery({ queryKey: ['rfp-vocabulary', language], queryFn: async () => unwrap(await api.GET('/api/v1/rfps/vocabulary')), staleTime: Infinity });

export const useCreateRfp = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ title = null, fromTaskIds = null, fromTemplateId = null }: { title?: string | null; fromTaskIds?: string[] | null; fromTemplateId?: string | null }) =>
      unwrap(await api.POST('/api/v1/rfps', { body: { title, fromTaskIds, fromTemplateId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(organisationId) }),
  });
};

/** Saves the whole draft; the answer (with the live problems and findings) replaces the cached RFP. */
export const useSaveRfp = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (content: RfpContent) => unwrap(await api.PUT('/api/v1/rfps/{rfpId}', { params: { path: { rfpId: id } }, body: content })),
    onSuccess: (saved) => queryClient.setQueryData(rfpKey(organisationId, id), saved),
  });
};

export const useRfpAction = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  const done = (rfp: Rfp) => {
    queryClient.setQueryData(rfpKey(organisationId, id), rfp);
    void queryClient.invalidateQueries({ queryKey: listKey(organisationId) });
  };
  return {
    publish: useMutation({
      mutationFn: async (acknowledgeFindings: boolean) =>
        unwrap(await api.POST('/api/v1/rfps/{rfpId}/publish', { params: { path: { rfpId: id } }, body: { acknowledgeFindings } })),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: async (reason: string) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/cancel', { params: { path: { rfpId: id } }, body: { reason } })),
      onSuccess: done,
    }),
    copy: useMutation({
      mutationFn: async () => unwrap(await api.POST('/api/v1/rfps/{rfpId}/copy', { params: { path: { rfpId: id } } })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(organisationId) }),
    }),
    remove: useMutation({
      mutationFn: async () => {
        const result = await api.DELETE('/api/v1/rfps/{rfpId}', { params: { path: { rfpId: id } } });
        if (!result.response.ok) unwrap(result);
      },
      onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(organisationId) }),
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
      unwrap(await api.GET('/api/v1/rfps/{rfpId}/matches', {
        params: { path: { rfpId: id }, query: { offset: (page - 1) * matchesPageSize, limit: matchesPageSize } },
      })),
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

export const useRfpParticipationActions = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: activityKey(organisationId, id) });
  const path = { params: { path: { rfpId: id } } };
  return {
    invite: useMutation({
      mutationFn: async (vendorIds: string[]) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/invitations', { ...path, body: { vendorIds } })),
      onSuccess: (activity) => queryClient.setQueryData(activityKey(organisationId, id), activity),
    }),
    answer: useMutation({
      mutationFn: async ({ questionId, answer }: { questionId: string; answer: string }) =>
        unwrap(await api.POST('/api/v1/rfps/{rfpId}/questions/{questionId}/answer', { params: { path: { rfpId: id, questionId } }, body: { answer } })),
      onSuccess: refresh,
    }),
    clarify: useMutation({
      mutationFn: async (text: string) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/clarifications', { ...path, body: { text } })),
      onSuccess: refresh,
    }),
    addendum: useMutation({
      mutationFn: async (body: { content: RfpContent; changeSummary: string; acknowledgeFindings: boolean }) =>
        unwrap(await api.POST('/api/v1/rfps/{rfpId}/addenda', { ...path, body })),
      onSuccess: (rfp) => {
        queryClient.setQueryData(rfpKey(organisationId, id), rfp);
        void refresh();
        void queryClient.invalidateQueries({ queryKey: listKey(organisationId) });
      },
    }),
  };
};

const templatesKey = (organisationId: string) => ['rfp-templates', organisationId] as const;

export const useRfpTemplates = (organisationId: string) =>
  useQuery({ queryKey: templatesKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/rfps/templates')) });

export const useRfpTemplateActions = (organisationId: string) => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: templatesKey(organisationId) });
  return {
    save: useMutation({
      mutationFn: async ({ rfpId, name }: { rfpId: string; name: string }) =>
        unwrap(await api.POST('/api/v1/rfps/{rfpId}/template', { params: { path: { rfpId } }, body: { name } })),
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
