import { usePageTitle } from '@/lib/use-page-title';
import { Badge, Card, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { formatDates } from '@/lib/i18n';
import { useOrganisation } from '../api/get-organisation';

export function OrganisationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  usePageTitle(organisation.data?.name);
  const dateFormat = formatDates({ dateStyle: 'medium', timeStyle: 'short' });

  if (organisation.isPending) return <Skeleton height={160} radius="md" aria-busy />;
  if (organisation.isError)
    return organisation.error instanceof ApiError && organisation.error.status === 404 ? (
      <Text role="alert">{t('organisation.notFound')}</Text>
    ) : (
      <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />
    );

  const o = organisation.data;
  return (
    <Stack gap="lg" maw={720}>
      <Group gap="sm">
        <Title order={2}>{o.name}</Title>
        <Badge variant="light">{t(`organisation.kind.${o.kind}`)}</Badge>
      </Group>
      <Text c="dimmed">
        {t('organisation.registeredAt')}: {dateFormat.format(new Date(o.createdAt))}
      </Text>
      <section aria-labelledby="notifications-heading">
        <Title order={3} id="notifications-heading" mb="sm">
          {t('organisation.notifications')}
        </Title>
        {o.notifications.length === 0 ? (
          <Paper withBorder p="md" role="status" aria-live="polite">
            <Group gap="sm">
              <Loader size="sm" aria-hidden />
              <div>
                <Text fw={600}>{t('organisation.waiting')}</Text>
                <Text size="sm" c="dimmed">
                  {t('organisation.waitingHelp')}
                </Text>
              </div>
            </Group>
          </Paper>
        ) : (
          <Stack gap="sm" aria-live="polite">
            {o.notifications.map((n) => (
              <Card withBorder key={n.id} padding="md">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <IconBell size={20} aria-hidden />
                  <div>
                    <Text data-testid="notification-text">
                      {t(`notification.${n.type}`, { defaultValue: t('notification.unknown'), ...(n.data as Record<string, unknown>) })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {dateFormat.format(new Date(n.createdAt))}
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
