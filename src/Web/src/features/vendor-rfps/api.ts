import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { createOnce, intentKeys } from '@/lib/api/concurrency';
import { unwrap } from '@/lib/api/problem';
import { vendorRfpKey } from '@/lib/api/vendor-rfp';

const questionKeys = intentKeys();

export type VendorRfpSummary = Schemas['VendorRfpSummaryDto'];

const feedKey = (organisationId: string) => ['vendor-rfps', organisationId] as const;

export const useVendorRfpFeed = (organisationId: string) =>
  useQuery({ queryKey: feedKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/vendor/rfps')) });

export const useVendorRfpActions = (organisationId: string, id: string) => {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: vendorRfpKey(organisationId, id) }),
      queryClient.invalidateQueries({ queryKey: feedKey(organisationId), exact: true }),
    ]);
  return {
    join: useMutation({
      mutationFn: async () => {
        const result = await api.POST('/api/v1/vendor/rfps/{rfpId}/participation', { params: { path: { rfpId: id } } });
        if (!result.response.ok) unwrap(result);
      },
      onSuccess: refresh,
    }),
    ask: useMutation({
      mutationFn: (question: string) =>
        createOnce(questionKeys, { id, question }, async (headers) =>
          unwrap(await api.POST('/api/v1/vendor/rfps/{rfpId}/questions', { params: { path: { rfpId: id } }, body: { question }, headers })),
        ),
      onSuccess: refresh,
    }),
  };
};
