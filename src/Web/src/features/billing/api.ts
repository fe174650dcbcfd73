import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type VendorBilling = Schemas['VendorBillingDto'];

export const billingKey = (organisationId: string) => ['vendor-billing', organisationId] as const;

/** The vendor's plan, entitlements and this month's proposal quota. */
export const useVendorBilling = (organisationId: string) =>
  useQuery({ queryKey: billingKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/vendor/billing')) });
