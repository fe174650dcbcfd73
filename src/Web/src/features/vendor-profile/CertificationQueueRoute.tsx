import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { api } from '@/lib/api/client';
import { download } from '@/lib/api/download';
import { unwrap } from '@/lib/api/problem';
import { useMe } from '@/lib/auth/me';
import { usePageTitle } from '@/lib/use-page-title';
import { CertificationSummary } from './CertificationsPanel';

/** The operators' verification queue: evidence first, then the mark. */
export function CertificationQueueRoute() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  return (
    <RequireSignIn>
      <Queue />
    </RequireSignIn>
  );
}

function Queue() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: ['certification-queue'],
    queryFn: async () => unwrap(await api.GET('/api/v1/operator/certifications')),
    enabled: me.data?.isPlatformOperator === true,
  });
  const verify = useMutation({
    mutationFn: async (certificationId: string) =>
      unwrap(await api.POST('/api/v1/operator/certifications/{certificationId}/verify', { params: { path: { certificationId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['certification-queue'] }),
  });
  const [downloadError, setDownloadError] = useState<unknown>(null);

  if (me.isPending) return <Skeleton height={200} />;
  if (!me.data?.isPlatformOperator)
    return <EmptyState icon={<IconCertificate size={26} />} title={t('queue.notAllowedTitle')} body={t('queue.notAllowedBody')} actionLabel={t('nav.home')} actionTo="/" />;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('queue.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('queue.lead')}
        </Text>
      </div>
      {verify.isError && <ErrorAlert error={verify.error} />}
      {downloadError !== null && <ErrorAlert error={downloadError} />}
      {queue.isPending ? (
        <Skeleton height={160} aria-busy />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <EmptyState icon={<IconCertificate size={26} />} title={t('queue.emptyTitle')} body={t('queue.emptyBody')} />
      ) : (
        <Stack gap="sm">
          {queue.data.map(({ organisationName, certification }) => (
            <Card withBorder key={certification.id} padding="md">
              <Text size="sm" c="dimmed">
                {organisationName}
              </Text>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <CertificationSummary certification={certification} />
                <Group gap="xs">
                  <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />}
                    onClick={() => download(`/api/v1/operator/certifications/${certification.id}/evidence`, certification.evidence?.fileName ?? 'evidence').catch(setDownloadError)}>
                    {t('queue.evidence')}
                  </Button>
                  <Button size="xs" onClick={() => verify.mutate(certification.id)} loading={verify.isPending && verify.variables === certification.id}>
                    {t('queue.verify')}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
