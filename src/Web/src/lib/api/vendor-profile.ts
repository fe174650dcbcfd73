import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

// Shared by the profile page and the vendor's home (which shows how complete the profile is).

export type VendorProfile = Schemas['VendorProfileInput'];
export type VendorProfileView = Schemas['VendorProfileDto'];

export const vendorProfileKey = (organisationId: string) => ['vendor-profile', organisationId] as const;

export const useVendorProfile = (organisationId: string) =>
  useQuery({ queryKey: vendorProfileKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/vendor-profile')) });
