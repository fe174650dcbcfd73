import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAuth } from 'react-oidc-context';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { setActiveOrganisationId, useActiveOrganisationId } from './active-organisation';

export type Me = Schemas['MeDto'];
export type MyOrganisation = Schemas['MyOrganisationDto'];

export const meQueryKey = ['me'] as const;

/** The signed-in person and their organisations; nothing is asked while nobody is signed in. */
export const useMe = () => {
  const auth = useAuth();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me> => unwrap(await api.GET('/api/v1/me')),
    enabled: auth.isAuthenticated,
  });
};

/**
 * The organisation the person works in now: the remembered choice if they still belong to it, else their first.
 * Roles decide what the SPA offers; the Api decides what is allowed.
 */
export const useActiveOrganisation = () => {
  const me = useMe();
  const chosen = useActiveOrganisationId();
  const organisations = me.data?.organisations ?? [];
  const active = organisations.find((o) => o.id === chosen) ?? organisations[0];
  // Only once the list is fresh: just after joining or creating an organisation the cached list lacks it, and the
  // new choice must not be undone.
  const settled = me.isSuccess && !me.isFetching;
  useEffect(() => {
    if (settled && (active?.id ?? null) !== chosen) setActiveOrganisationId(active?.id ?? null);
  }, [settled, active, chosen]);
  const role = active?.role;
  return {
    me,
    organisations,
    active,
    canManage: role === 'owner' || role === 'admin',
    isOwner: role === 'owner',
  };
};
