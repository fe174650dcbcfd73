import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type OutsourcingType = Schemas['OutsourcingTypeDto'];
export type CatalogueService = Schemas['CatalogueServiceDto'];

const catalogueKey = (includeRetired: boolean) => ['catalogue', includeRetired] as const;

export const useCatalogue = (includeRetired = false) =>
  useQuery({
    queryKey: catalogueKey(includeRetired),
    queryFn: async () => unwrap(await api.GET('/api/v1/catalogue', { params: { query: { includeRetired } } })),
    staleTime: 5 * 60_000, // the catalogue changes rarely
  });

export const useAddService = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Schemas['AddServiceRequest']) => unwrap(await api.POST('/api/v1/operator/catalogue/services', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
  });
};

export const useSetRetired = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ serviceId, retire }: { serviceId: string; retire: boolean }) =>
      unwrap(
        retire
          ? await api.POST('/api/v1/operator/catalogue/services/{serviceId}/retire', { params: { path: { serviceId } } })
          : await api.POST('/api/v1/operator/catalogue/services/{serviceId}/restore', { params: { path: { serviceId } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
  });
};

/** The name in the UI's language. */
export const nameOf = (item: { nameJa: string; nameEn: string }, language: string) => (language === 'en' ? item.nameEn : item.nameJa);
