import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type ClientHome = Schemas['ClientHomeDto'];
export type VendorHome = Schemas['VendorHomeDto'];

export const useClientHome = (organisationId: string) =>
  useQuery({ queryKey: ['client-home', organisationId], queryFn: async () => unwrap(await api.GET('/api/v1/client/home')) });

export const useVendorHome = (organisationId: string) =>
  useQuery({ queryKey: ['vendor-home', organisationId], queryFn: async () => unwrap(await api.GET('/api/v1/vendor/home')) });
