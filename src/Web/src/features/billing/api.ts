import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

/**
 * One key for the page's visit: a retried request (a second click, a retry after a network error) gets the same
 * Stripe session back instead of a second one (the Api adds the plan to it).
 */
const useAttemptKey = () => useRef(crypto.randomUUID().replaceAll('-', '')).current;

/** Asks for a Stripe Checkout session for the plan and sends the browser there. */
export const useStartCheckout = () => {
  const key = useAttemptKey();
  return useMutation({
    mutationFn: async (plan: string) => unwrap(await api.POST('/api/v1/vendor/billing/checkout', { body: { plan }, headers: { 'Idempotency-Key': key } })),
    onSuccess: (redirect) => window.location.assign(redirect.url),
  });
};

/** Asks for a Stripe customer portal session and sends the browser there. */
export const useOpenPortal = () => {
  const key = useAttemptKey();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/vendor/billing/portal', { headers: { 'Idempotency-Key': key } })),
    onSuccess: (redirect) => window.location.assign(redirect.url),
  });
};
