import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from './client';
import { unwrap } from './problem';

export type NotificationList = Schemas['NotificationListDto'];

const key = (organisationId: string) => ['notifications', organisationId] as const;

/** The active organisation's latest notifications and unread count, refreshed every minute. */
export const useNotifications = (organisationId: string | undefined) =>
  useQuery({
    queryKey: key(organisationId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications')),
    enabled: !!organisationId,
    refetchInterval: 60_000,
  });

export const useMarkRead = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all') => {
      const result =
        id === 'all'
          ? await api.POST('/api/v1/notifications/read-all')
          : await api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId: id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organisationId) }),
  });
};
