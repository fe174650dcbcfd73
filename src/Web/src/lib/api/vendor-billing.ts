import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

// Shared by the billing page, the vendor's home and the proposal editor (each shows the plan's quota).

export type VendorBilling = Schemas['VendorBillingDto'];

export const billingKey = (organisationId: string) => ['vendor-billing', organisationId] as const;

/** The vendor's plan, entitlements and this month's proposal quota; <paramref name="poll"/> re-reads it while Stripe confirms a payment. */
export const useVendorBilling = (organisationId: string, poll?: number | false) =>
  useQuery({
    queryKey: billingKey(organisationId),
    queryFn: async () => unwrap(await api.GET('/api/v1/vendor/billing')),
    refetchInterval: poll ?? false,
  });
