import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Organisation } from './register-organisation';

export const getOrganisation = async (id: string): Promise<Organisation> =>
  unwrap(await api.GET('/api/v1/organisations/{organisationId}', { params: { path: { organisationId: id } }, headers: { 'X-Organisation-Id': id } }));

export const organisationQueryOptions = (id: string) => queryOptions({ queryKey: ['organisations', id], queryFn: () => getOrganisation(id) });

/** Polls every second until the first notification (the welcome) has arrived from the Workers. */
export const useOrganisation = (id: string) =>
  useQuery({
    ...organisationQueryOptions(id),
    refetchInterval: (query) => ((query.state.data?.notifications.length ?? 0) > 0 ? false : 1000),
  });
