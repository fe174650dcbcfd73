import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type AwardState = Schemas['AwardStateDto'];
export type Award = Schemas['AwardDto'];
export type Contract = Schemas['ContractDto'];
export type ContractSummary = Schemas['ContractSummaryDto'];

const awardKey = (organisationId: string, rfpId: string) => ['award', organisationId, rfpId] as const;
const path = (rfpId: string) => ({ params: { path: { rfpId } } });

export const useAward = (organisationId: string, rfpId: string) =>
  useQuery({ queryKey: awardKey(organisationId, rfpId), queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/award', path(rfpId))) });

export const useAwardActions = (organisationId: string, rfpId: string) => {
  const queryClient = useQueryClient();
  const store = (state: AwardState) => {
    queryClient.setQueryData(awardKey(organisationId, rfpId), state);
    return queryClient.invalidateQueries({ queryKey: ['evaluation', organisationId, rfpId] });
  };
  return {
    propose: useMutation({
      mutationFn: async (body: Schemas['ProposeAwardRequest']) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/award', { ...path(rfpId), body })),
      onSuccess: store,
    }),
    approve: useMutation({
      mutationFn: async (body: Schemas['DecideAwardRequest']) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/award/approve', { ...path(rfpId), body })),
      onSuccess: store,
    }),
    reject: useMutation({
      mutationFn: async (body: Schemas['DecideAwardRequest']) => unwrap(await api.POST('/api/v1/rfps/{rfpId}/award/reject', { ...path(rfpId), body })),
      onSuccess: store,
    }),
  };
};

export const useContracts = (organisationId: string) =>
  useQuery({ queryKey: ['contracts', organisationId], queryFn: async () => unwrap(await api.GET('/api/v1/contracts')) });

const contractKey = (organisationId: string, contractId: string) => ['contracts', organisationId, contractId] as const;

export const useContract = (organisationId: string, contractId: string) =>
  useQuery({
    queryKey: contractKey(organisationId, contractId),
    queryFn: async () => unwrap(await api.GET('/api/v1/contracts/{contractId}', { params: { path: { contractId } } })),
  });

export const useRecordReview = (organisationId: string, contractId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ month, body }: { month: string; body: Schemas['RecordKpiReviewRequest'] }) =>
      unwrap(await api.PUT('/api/v1/contracts/{contractId}/kpi-reviews/{month}', { params: { path: { contractId, month } }, body })),
    onSuccess: (contract) => queryClient.setQueryData(contractKey(organisationId, contractId), contract),
  });
};
