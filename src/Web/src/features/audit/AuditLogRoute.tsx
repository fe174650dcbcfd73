import { Anchor, Button, Group, Select, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { api, type Schemas } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/problem';
import { useActiveOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';

const actionPrefixes = ['organisation.', 'member.', 'invitation.', 'api-client.', 'rfp.', 'proposal.'] as const;

export function AuditLogRoute() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireSignIn>
      <AuditLog />
    </RequireSignIn>
  );
}

/** The organisation's audit log for its owners: newest first, filterable, older pages on request. */
function AuditLog() {
  const { t } = useTranslation();
  const { active, isOwner } = useActiveOrganisation();
  const [action, setAction] = useState<string | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [filters, setFilters] = useState<{ action?: string; from?: string; to?: string }>({});
  const entries = useInfiniteQuery({
    queryKey: ['audit-log', active?.id, filters],
    enabled: !!active && isOwner,
    initialPageParam: undefined as number | string | undefined,
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/api/v1/audit-log', { params: { query: { ...filters, before: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const dateFormat = formatDates({ dateStyle: 'short', timeStyle: 'medium' });
  const fieldErrors = entries.error instanceof ApiError ? entries.error.fieldErrors() : {};

  if (!active || !isOwner)
    return (
      <EmptyState
        icon={<IconListDetails size={26} />}
        title={t('audit.notAllowedTitle')}
        body={t('audit.notAllowedBody')}
        actionLabel={t('nav.home')}
        actionTo="/"
      />
    );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      action: action ?? undefined,
      from: fromDate ? new Date(`${fromDate}T00:00:00`).toISOString() : undefined,
      to: toDate ? new Date(`${toDate}T23:59:59`).toISOString() : undefined,
    });
  };
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('audit.lead')}
        </Text>
      </div>
      <form onSubmit={apply} aria-label={t('audit.filters')}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            clearable
            w={220}
            value={action}
            onChange={setAction}
            data={actionPrefixes.map((p) => ({ value: p, label: t(`audit.actions.${p}`) }))}
          />
          <TextInput type="date" label={t('audit.from')} value={fromDate} onChange={(e) => setFromDate(e.currentTarget.value)} error={fieldErrors.from} />
          <TextInput type="date" label={t('audit.to')} value={toDate} onChange={(e) => setToDate(e.currentTarget.value)} error={fieldErrors.to} />
          <Button type="submit" variant="light">
            {t('audit.apply')}
          </Button>
        </Group>
      </form>
      {entries.isPending ? (
        <Skeleton height={160} aria-busy />
      ) : entries.isError ? (
        <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.when')}</Table.Th>
              <Table.Th scope="col">{t('audit.who')}</Table.Th>
              <Table.Th scope="col">{t('audit.action')}</Table.Th>
              <Table.Th scope="col">{t('audit.object')}</Table.Th>
              <Table.Th scope="col">{t('audit.ip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{dateFormat.format(new Date(e.occurredAt))}</Table.Td>
                <Table.Td>
                  {e.actorName ?? (e.actor === 'system' ? t('audit.system') : e.actor === 'anonymous' ? t('audit.anonymous') : t('audit.deletedMember'))}
                </Table.Td>
                <Table.Td>{t(`audit.did.${e.action}`, { defaultValue: e.action })}</Table.Td>
                <Table.Td>
                  <AuditObject entry={e} kind={active.kind} />
                </Table.Td>
                <Table.Td>{e.ipAddress ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entries.hasNextPage && (
        <Button variant="default" w="fit-content" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}

type Entry = Schemas['AuditEntryDto'];

/** Where an object of the log is opened, for the organisation reading it; null when it has no page of its own. */
function objectPath(e: Entry, kind: string): string | null {
  const side = kind === 'vendor' ? 'vendor' : 'client';
  switch (e.objectType) {
    case 'rfp':
      return e.rfpId ? `/${side}/rfps/${e.rfpId}` : null;
    case 'proposal':
      return e.rfpId ? (side === 'vendor' ? `/vendor/rfps/${e.rfpId}/proposal` : `/client/rfps/${e.rfpId}/proposals`) : null;
    case 'contract':
      return `/contracts/${e.objectId}`;
    case 'membership':
    case 'invitation':
      return '/settings/members';
    case 'api-client':
      return '/settings/api-clients';
    case 'organisation':
      return `/organisations/${e.objectId}`;
    case 'vendor-subscription':
      return '/vendor/billing';
    case 'certification':
      return side === 'vendor' ? '/vendor/profile' : null;
    default:
      return null;
  }
}

/** "RFP 経理業務の委託" with a link, or the kind of object and that it is gone. */
function AuditObject({ entry, kind }: { entry: Entry; kind: string }) {
  const { t } = useTranslation();
  if (!entry.objectType) return <>—</>;
  const type = t(`audit.objectType.${entry.objectType}`, { defaultValue: entry.objectType });
  const path = entry.objectName ? objectPath(entry, kind) : null;
  return (
    <>
      <Text span size="sm" c="dimmed">
        {type}
      </Text>{' '}
      {entry.objectName ? (
        path ? (
          <Anchor component={Link} to={path} size="sm">
            {entry.objectName}
          </Anchor>
        ) : (
          <Text span size="sm">
            {entry.objectName}
          </Text>
        )
      ) : (
        <Text span size="sm" c="dimmed">
          {t('audit.unknownObject')}
        </Text>
      )}
    </>
  );
}
