import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

// Shared by the RFP's activity panel and the proposals page.

export type ProposalsSummary = Schemas['ProposalsSummaryDto'];

/** The client's view before the deadline: how many proposals, sealed. */
export const useProposalsSummary = (organisationId: string, rfpId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['proposals-summary', organisationId, rfpId],
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/proposals/summary', { params: { path: { rfpId } } })),
    enabled,
  });
