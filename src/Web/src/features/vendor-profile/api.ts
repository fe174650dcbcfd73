import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type VendorProfile = Schemas['VendorProfileInput'];
export type VendorProfileView = Schemas['VendorProfileDto'];
export type Vocabulary = Schemas['VendorVocabularyDto'];

const profileKey = (organisationId: string) => ['vendor-profile', organisationId] as const;

export const useVendorProfile = (organisationId: string) =>
  useQuery({ queryKey: profileKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/vendor-profile')) });

export const useVocabulary = () =>
  useQuery({ queryKey: ['vendor-vocabulary'], queryFn: async () => unwrap(await api.GET('/api/v1/vendor-vocabulary')), staleTime: Infinity });

export const useSaveVendorProfile = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (profile: VendorProfile) => unwrap(await api.PUT('/api/v1/vendor-profile', { body: profile })),
    onSuccess: (saved) => queryClient.setQueryData(profileKey(organisationId), saved),
  });
};
