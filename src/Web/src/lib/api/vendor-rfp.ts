import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

// Shared by the vendor's RFP page and the proposal editor, which reads the RFP it answers.

export type VendorRfp = Schemas['VendorRfpDto'];

export const vendorRfpKey = (organisationId: string, id: string) => ['vendor-rfps', organisationId, id] as const;

export const useVendorRfp = (organisationId: string, id: string) =>
  useQuery({
    queryKey: vendorRfpKey(organisationId, id),
    queryFn: async () => unwrap(await api.GET('/api/v1/vendor/rfps/{rfpId}', { params: { path: { rfpId: id } } })),
  });
