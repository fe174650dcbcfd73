import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileDescription, IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { QuotaLine } from '@/components/QuotaLine';
import { useVendorBilling } from '@/lib/api/vendor-billing';
import { useVendorProfile } from '@/lib/api/vendor-profile';
import { useClientHome, useVendorHome } from './api';
import { HomeList } from './HomeList';

/** The client's home: what needs doing now, for the person signed in (decision 0022). */
export function ClientHomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('client.title'));
  return (
    <Stack gap="lg">
      <Title order={2}>{t('client.title')}</Title>
      <RequireOrganisationKind kind="client" icon={<IconFileDescription size={26} />} title={t('client.emptyTitle')} body={t('client.emptyBody')}>
        {(organisation) => <ClientHome organisation={organisation} />}
      </RequireOrganisationKind>
    </Stack>
  );
}

function ClientHome({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const home = useClientHome(organisation.id);
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const monthOf = formatDates({ year: 'numeric', month: 'long' });
  if (home.isPending) return <Skeleton height={320} aria-busy />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const h = home.data;
  if (Number(h.rfpCount) === 0)
    return (
      <EmptyState
        icon={<IconFileDescription size={26} />}
        title={t('client.noRfpsTitle')}
        body={t('client.ownBody', { name: organisation.name })}
        actionLabel={t('client.ownAction')}
        actionTo="/client/work-inventory"
      />
    );
  const at = (iso: string | null | undefined) => (iso ? dates.format(new Date(iso)) : '');
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button component={Link} to="/client/rfps">
          {t('client.home.allRfps', { count: Number(h.rfpCount) })}
        </Button>
        <Button component={Link} to="/client/work-inventory" variant="default">
          {t('client.ownAction')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <HomeList
          title={t('client.home.drafts')}
          empty={t('client.home.draftsEmpty')}
          items={h.drafts.map((r) => ({
            key: r.rfpId,
            to: `/client/rfps/${r.rfpId}`,
            title: r.title || t('rfp.untitled'),
            detail: t('client.home.editedAt', { at: at(r.at) }),
          }))}
        />
        <HomeList
          title={t('client.home.questions')}
          empty={t('client.home.questionsEmpty')}
          items={h.questionsToAnswer.map((r) => ({
            key: r.rfpId,
            to: `/client/rfps/${r.rfpId}`,
            title: r.title,
            detail: t('client.home.questionsDetail', { count: Number(r.count), at: at(r.at) }),
          }))}
        />
        <HomeList
          title={t('client.home.deadlines')}
          empty={t('client.home.deadlinesEmpty')}
          items={h.deadlines.map((r) => ({
            key: r.rfpId,
            to: `/client/rfps/${r.rfpId}/proposals`,
            title: r.title,
            detail: t('client.home.deadlineAt', { at: at(r.at) }),
          }))}
        />
        <HomeList
          title={t('client.home.evaluations')}
          empty={t('client.home.evaluationsEmpty')}
          items={h.evaluationsWaiting.map((r) => ({ key: r.rfpId, to: `/client/rfps/${r.rfpId}/evaluation`, title: r.title }))}
        />
        <HomeList
          title={t('client.home.approvals')}
          empty={t('client.home.approvalsEmpty')}
          items={h.approvalsWaiting.map((r) => ({
            key: r.rfpId,
            to: `/client/rfps/${r.rfpId}/evaluation`,
            title: r.title,
            detail: t('client.home.approvalDetail', { vendor: r.vendorName, at: at(r.at) }),
          }))}
        />
        <HomeList
          title={t('client.home.reviews')}
          empty={t('client.home.reviewsEmpty')}
          more={{ label: t('client.home.allContracts'), to: '/contracts' }}
          items={h.kpiReviewsDue.map((c) => ({
            key: c.contractId,
            to: `/contracts/${c.contractId}`,
            title: c.title,
            detail: t('client.home.reviewDetail', { vendor: c.vendorName, month: monthOf.format(new Date(`${c.month}-15T00:00:00`)) }),
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The vendor's home: the profile and plan at a glance, and the RFPs and proposals that need doing now. */
export function VendorHomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('vendor.title'));
  return (
    <Stack gap="lg">
      <Title order={2}>{t('vendor.title')}</Title>
      <RequireOrganisationKind kind="vendor" icon={<IconId size={26} />} title={t('vendor.emptyTitle')} body={t('vendor.emptyBody')}>
        {(organisation) => <VendorHome organisation={organisation} />}
      </RequireOrganisationKind>
    </Stack>
  );
}

function VendorHome({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const home = useVendorHome(organisation.id);
  const profile = useVendorProfile(organisation.id);
  const billing = useVendorBilling(organisation.id);
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  if (home.isPending) return <Skeleton height={320} aria-busy />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const h = home.data;
  const percent = Number(profile.data?.completeness.percent ?? 0);
  const deadline = (iso: string | null | undefined, client: string) => t('vendor.home.detail', { client, at: iso ? dates.format(new Date(iso)) : '—' });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="home-profile">
          <Title order={3} size="h5" id="home-profile" mb="xs">
            {t('vendor.home.profile', { percent })}
          </Title>
          {profile.isPending ? (
            <Skeleton height={8} />
          ) : (
            <Progress.Root>
              <Progress.Section value={percent} aria-labelledby="home-profile" color={percent === 100 ? 'teal' : 'blue'} />
            </Progress.Root>
          )}
          <Text size="sm" c="dimmed" mt="xs">
            {percent === 100 ? t('vendor.home.profileDone') : t('vendor.ownBody', { name: organisation.name })}
          </Text>
          <Anchor component={Link} to="/vendor/profile" size="sm">
            {t('vendor.ownAction')}
          </Anchor>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="home-plan">
          <Title order={3} size="h5" id="home-plan" mb="xs">
            {t('vendor.home.plan', { plan: billing.data?.plan.name ?? '' })}
          </Title>
          {billing.isPending ? <Skeleton height={16} /> : billing.data && <QuotaLine quota={billing.data.quota} />}
          <Text size="sm" c="dimmed" mt="xs">
            {t('vendor.home.submittedOpen', { count: Number(h.submittedOpen) })}
          </Text>
          <Anchor component={Link} to="/vendor/billing" size="sm">
            {t('vendor.home.planLink')}
          </Anchor>
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <HomeList
          title={t('vendor.home.invitations')}
          empty={t('vendor.home.invitationsEmpty')}
          items={h.invitations.map((o) => ({ key: o.rfpId, to: `/vendor/rfps/${o.rfpId}`, title: o.title, detail: deadline(o.deadline, o.clientName) }))}
        />
        <HomeList
          title={t('vendor.home.matches')}
          empty={t('vendor.home.matchesEmpty')}
          more={{ label: t('vendor.home.allRfps'), to: '/vendor/rfps' }}
          items={h.newMatches.map((o) => ({ key: o.rfpId, to: `/vendor/rfps/${o.rfpId}`, title: o.title, detail: deadline(o.deadline, o.clientName) }))}
        />
        <HomeList
          title={t('vendor.home.drafts')}
          empty={t('vendor.home.draftsEmpty')}
          items={h.drafts.map((o) => ({ key: o.rfpId, to: `/vendor/rfps/${o.rfpId}/proposal`, title: o.title, detail: deadline(o.deadline, o.clientName) }))}
        />
        <HomeList
          title={t('vendor.home.reconfirm')}
          empty={t('vendor.home.reconfirmEmpty')}
          items={h.toReconfirm.map((o) => ({
            key: o.rfpId,
            to: `/vendor/rfps/${o.rfpId}/proposal`,
            title: o.title,
            detail: deadline(o.deadline, o.clientName),
            badge: t('vendor.home.addendum'),
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}
