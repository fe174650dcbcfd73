import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { ifMatch, inOrder, once } from '@/lib/api/concurrency';
import { ApiError, unwrap } from '@/lib/api/problem';

export type Proposal = Schemas['ProposalDto'];
export type ProposalContent = Schemas['ProposalContent'];

const proposalKey = (organisationId: string, rfpId: string) => ['proposal', organisationId, rfpId] as const;

/** This vendor's proposal to the RFP; `null` when it has none yet (404 from the Api). */
export const useMyProposal = (organisationId: string, rfpId: string) =>
  useQuery({
    queryKey: proposalKey(organisationId, rfpId),
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/vendor/rfps/{rfpId}/proposal', { params: { path: { rfpId } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });

export const useProposalActions = (organisationId: string, rfpId: string) => {
  const queryClient = useQueryClient();
  const path = { params: { path: { rfpId } } };
  const key = proposalKey(organisationId, rfpId);
  const store = (proposal: Proposal) => queryClient.setQueryData(key, proposal);
  /**
   * A change to the proposal, one at a time and each with the revision the previous answer gave (If-Match): a save
   * on its way delays a submit instead of racing it, and a change made in another tab is refused, not overwritten.
   */
  const change = (send: (headers: Record<string, string>) => Promise<{ data?: Proposal; error?: unknown; response: Response }>) =>
    inOrder(`proposal:${rfpId}`, async () => {
      const changed = unwrap(await send(ifMatch(queryClient.getQueryData<Proposal | null>(key)?.revision)));
      store(changed);
      return changed;
    });
  return {
    start: useMutation({
      mutationFn: () => once(`start-proposal:${rfpId}`, async () => unwrap(await api.POST('/api/v1/vendor/rfps/{rfpId}/proposal', path))),
      onSuccess: store,
    }),
    // The working copy as the vendor types: the page keeps its own state, so the answer only refreshes the rest.
    save: useMutation({
      mutationFn: (content: ProposalContent) => change((headers) => api.PUT('/api/v1/vendor/rfps/{rfpId}/proposal', { ...path, body: content, headers })),
    }),
    submit: useMutation({
      // A double click submits once: the second click is the first one's request.
      mutationFn: () => once(`submit:${rfpId}`, () => change((headers) => api.POST('/api/v1/vendor/rfps/{rfpId}/proposal/submit', { ...path, headers }))),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['vendor-billing', organisationId] }), // a first submission uses the quota
    }),
    withdraw: useMutation({
      mutationFn: () => once(`withdraw:${rfpId}`, () => change((headers) => api.POST('/api/v1/vendor/rfps/{rfpId}/proposal/withdraw', { ...path, headers }))),
    }),
    reopen: useMutation({
      mutationFn: () => once(`reopen:${rfpId}`, () => change((headers) => api.POST('/api/v1/vendor/rfps/{rfpId}/proposal/reopen', { ...path, headers }))),
    }),
    detach: useMutation({
      mutationFn: (attachmentId: string) =>
        change((headers) =>
          api.DELETE('/api/v1/vendor/rfps/{rfpId}/proposal/attachments/{attachmentId}', { params: { path: { rfpId, attachmentId } }, headers }),
        ),
    }),
    /** An upload answers the proposal as it now stands. */
    attached: store,
  };
};

export type ClientProposalSummary = Schemas['ClientProposalSummaryDto'];
export type ClientProposal = Schemas['ClientProposalDto'];

/** The opened proposals (after the deadline), cheapest total first. */
export const useClientProposals = (organisationId: string, rfpId: string) =>
  useQuery({
    queryKey: ['client-proposals', organisationId, rfpId],
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/proposals', { params: { path: { rfpId } } })),
  });

export const useClientProposal = (organisationId: string, rfpId: string, proposalId: string | null) =>
  useQuery({
    queryKey: ['client-proposals', organisationId, rfpId, proposalId],
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/proposals/{proposalId}', { params: { path: { rfpId, proposalId: proposalId! } } })),
    enabled: proposalId !== null,
  });
