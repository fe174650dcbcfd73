import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from '@/lib/api/notifications';
import { formatDates } from '@/lib/i18n';

/** Where a notification leads, when it is about something with a page. */
const linkOf = (type: string, data: Record<string, unknown>) => {
  if (type === 'billing.past-due') return '/vendor/billing';
  if (type === 'rfp.awarded' && data.contractId) return `/contracts/${String(data.contractId)}`;
  if (type === 'certification.verified' || type === 'certification.rejected') return '/vendor/profile';
  if (!type.startsWith('rfp.') || !data.rfpId) return undefined;
  // The client opens its own RFP in the builder; vendors open it from their feed.
  return type === 'rfp.closed' ? `/client/rfps/${String(data.rfpId)}` : `/vendor/rfps/${String(data.rfpId)}`;
};

/** The header's bell: the unread count, the latest notifications, mark read. */
export function NotificationBell({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notifications = useNotifications(organisationId);
  const markRead = useMarkRead(organisationId);
  const [opened, setOpened] = useState(false);
  const unread = Number(notifications.data?.unread ?? 0);
  const dateFormat = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
      {/* The popover's target is the button itself, so that aria-expanded sits on the button, not on a wrapper. */}
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => markRead.mutate('all')}>
              {t('notifications.readAll')}
            </Button>
          )}
        </Group>
        {(notifications.data?.items.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={0}>
              {notifications.data!.items.map((n, i) => {
                const data = (n.data ?? {}) as Record<string, unknown>;
                const link = linkOf(n.type, data);
                return (
                  <div key={n.id}>
                    {i > 0 && <Divider />}
                    <UnstyledButton
                      w="100%"
                      p="xs"
                      onClick={() => {
                        if (!n.readAt) markRead.mutate(n.id);
                        if (link) {
                          setOpened(false);
                          void navigate(link);
                        }
                      }}
                    >
                      <Text size="sm" fw={n.readAt ? 400 : 700}>
                        {t(`notification.${n.type}`, { defaultValue: t('notification.unknown'), ...data })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateFormat.format(new Date(n.createdAt))}
                        {!n.readAt && ` · ${t('notifications.unread')}`}
                      </Text>
                    </UnstyledButton>
                  </div>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
