import { Alert, Button, Card, Checkbox, Group, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/Dialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { api, type Schemas } from '@/lib/api/client';
import { download } from '@/lib/api/download';
import { ApiError, unwrap } from '@/lib/api/problem';
import { useMe } from '@/lib/auth/me';
import { confirmAction } from '@/lib/confirm';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { certificationTypes, CertificationSummary } from './CertificationsPanel';

type Queued = Schemas['QueuedCertificationDto'];
type Filters = { type?: string; waitedDays?: number; expiring?: boolean };

/** The operators' verification queue: evidence first, then the mark, or a reason the vendor is told. */
export function CertificationQueueRoute() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  return (
    <RequireSignIn>
      <Queue />
    </RequireSignIn>
  );
}

const waitingChoices = [1, 3, 7, 14] as const;
const dayMs = 24 * 3600_000;

function Queue() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const queue = useQuery({
    queryKey: ['certification-queue', filters],
    queryFn: async () => unwrap(await api.GET('/api/v1/operator/certifications', { params: { query: filters } })),
    enabled: me.data?.isPlatformOperator === true,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['certification-queue'] });
  const verify = useMutation({
    mutationFn: async (certificationId: string) =>
      unwrap(await api.POST('/api/v1/operator/certifications/{certificationId}/verify', { params: { path: { certificationId } } })),
    onSettled: refresh,
  });
  const [rejecting, setRejecting] = useState<Queued | null>(null);
  // The last decision, said where the person's focus goes next (the list may have moved under it).
  const [result, setResult] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const announce = (text: string) => setResult(text);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const since = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const typeName = (q: Queued) => q.certification.otherName ?? t(`certifications.types.${q.certification.type}`);

  if (me.isPending) return <Skeleton height={200} />;
  if (!me.data?.isPlatformOperator)
    return (
      <EmptyState
        icon={<IconCertificate size={26} />}
        title={t('queue.notAllowedTitle')}
        body={t('queue.notAllowedBody')}
        actionLabel={t('nav.home')}
        actionTo="/"
      />
    );

  const confirmVerify = async (q: Queued) => {
    const yes = await confirmAction({
      title: t('queue.confirmVerify', { vendor: q.organisationName, type: typeName(q) }),
      body: t('queue.confirmVerifyBody', { number: q.certification.registrationNumber }),
      confirmLabel: t('queue.verify'),
      danger: false,
      returnFocus: false,
    });
    if (yes) verify.mutate(q.certification.id, { onSuccess: () => announce(t('queue.verified', { vendor: q.organisationName, type: typeName(q) })) });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('queue.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('queue.lead')}
        </Text>
      </div>
      <Group align="flex-end" wrap="wrap" role="group" aria-label={t('queue.filters')}>
        <Select
          label={t('certifications.type')}
          placeholder={t('queue.allTypes')}
          clearable
          w={220}
          value={filters.type ?? null}
          data={certificationTypes.map((c) => ({ value: c, label: t(`certifications.types.${c}`) }))}
          onChange={(type) => setFilters((f) => ({ ...f, type: type ?? undefined }))}
        />
        <Select
          label={t('queue.waited')}
          placeholder={t('queue.waitedAny')}
          clearable
          w={200}
          value={filters.waitedDays ? String(filters.waitedDays) : null}
          data={waitingChoices.map((d) => ({ value: String(d), label: t('queue.waitedAtLeast', { count: d }) }))}
          onChange={(v) => setFilters((f) => ({ ...f, waitedDays: v ? Number(v) : undefined }))}
        />
        <Checkbox
          label={t('queue.expiringOnly')}
          checked={filters.expiring === true}
          mb={8}
          onChange={(e) => setFilters((f) => ({ ...f, expiring: e.currentTarget.checked || undefined }))}
        />
      </Group>
      {result && (
        <Alert
          ref={resultRef}
          tabIndex={-1}
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('autosave.dismiss')}
          onClose={() => setResult(null)}
        >
          {result}
        </Alert>
      )}
      {verify.isError && <ErrorAlert error={verify.error} />}
      {downloadError !== null && <ErrorAlert error={downloadError} />}
      {queue.isPending ? (
        <Skeleton height={160} aria-busy />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <EmptyState
          icon={<IconCertificate size={26} />}
          title={t('queue.emptyTitle')}
          body={filters.type || filters.waitedDays || filters.expiring ? t('queue.emptyFiltered') : t('queue.emptyBody')}
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('queue.count', { count: queue.data.length })}
          </Text>
          {queue.data.map((q) => {
            const days = Math.floor((Date.now() - new Date(q.waitingSince).getTime()) / dayMs);
            return (
              <Card withBorder key={q.certification.id} padding="md" component="article" aria-label={`${q.organisationName} ${typeName(q)}`}>
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {q.organisationName}
                  </Text>
                  <Text size="xs" c={days >= 7 ? 'orange' : 'dimmed'}>
                    {t('queue.waitingSince', { count: days, since: since.format(new Date(q.waitingSince)) })}
                  </Text>
                </Group>
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <CertificationSummary certification={q.certification} />
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconDownload size={14} />}
                      onClick={() =>
                        download(`/api/v1/operator/certifications/${q.certification.id}/evidence`, q.certification.evidence?.fileName ?? 'evidence').catch(
                          setDownloadError,
                        )
                      }
                    >
                      {t('queue.evidence')}
                    </Button>
                    <Button size="xs" variant="default" color="red" onClick={() => setRejecting(q)}>
                      {t('queue.reject')}
                    </Button>
                    <Button size="xs" onClick={() => void confirmVerify(q)} loading={verify.isPending && verify.variables === q.certification.id}>
                      {t('queue.verify')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {rejecting && (
        <RejectDialog
          queued={rejecting}
          typeName={typeName(rejecting)}
          onClose={() => setRejecting(null)}
          onRejected={() => {
            announce(t('queue.rejected', { vendor: rejecting.organisationName, type: typeName(rejecting) }));
            setRejecting(null);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** Declining asks for the reason, which the vendor reads in its notification and on its profile. */
function RejectDialog({ queued, typeName, onClose, onRejected }: { queued: Queued; typeName: string; onClose: () => void; onRejected: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reject = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/operator/certifications/{certificationId}/reject', {
          params: { path: { certificationId: queued.certification.id } },
          body: { reason },
        }),
      ),
    onSuccess: onRejected,
  });
  const errors = reject.error instanceof ApiError ? reject.error.fieldErrors() : {};
  return (
    <Dialog opened onClose={onClose} returnFocus={false} title={t('queue.rejectTitle', { vendor: queued.organisationName, type: typeName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reject.mutate();
        }}
      >
        <Stack>
          <Textarea
            label={t('queue.reason')}
            description={t('queue.reasonHelp')}
            autosize
            minRows={3}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          {reject.isError && !errors.reason && <ErrorAlert error={reject.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending} disabled={!reason.trim()}>
              {t('queue.rejectSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
