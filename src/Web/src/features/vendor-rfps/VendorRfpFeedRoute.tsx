import { Anchor, Badge, Card, Group, List, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useVendorRfpFeed, type VendorRfpSummary } from './api';

export const statusColour: Record<string, string> = { published: 'teal', closed: 'gray', evaluating: 'indigo', awarded: 'grape', cancelled: 'red' };

/** The vendor's RFP feed: matched, invited and joined RFPs, open ones first, each with why it matched. */
export function VendorRfpFeedRoute() {
  const { t } = useTranslation();
  usePageTitle(t('vendorRfp.feedTitle'));
  return (
    <RequireOrganisationKind kind="vendor" icon={<IconInbox size={26} />} title={t('vendorRfp.notVendorTitle')} body={t('vendorRfp.notVendorBody')}>
      {(organisation) => <Feed organisation={organisation} />}
    </RequireOrganisationKind>
  );
}

function Feed({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const feed = useVendorRfpFeed(organisation.id);
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('vendorRfp.feedTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('vendorRfp.feedLead')}
        </Text>
      </div>
      {feed.isPending ? (
        <Skeleton height={240} aria-busy />
      ) : feed.isError ? (
        <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.data.length === 0 ? (
        <EmptyState
          icon={<IconInbox size={26} />}
          title={t('vendorRfp.emptyTitle')}
          body={t('vendorRfp.emptyBody')}
          actionLabel={t('vendorRfp.toProfile')}
          actionTo="/vendor/profile"
        />
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {feed.data.map((rfp) => (
            <li key={rfp.rfpId}>
              <FeedCard rfp={rfp} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function FeedCard({ rfp }: { rfp: VendorRfpSummary }) {
  const { t } = useTranslation();
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const score = rfp.score === null || rfp.score === undefined ? null : Number(rfp.score);
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`rfp-${rfp.rfpId}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Anchor component={Link} to={`/vendor/rfps/${rfp.rfpId}`} fw={700} size="lg" id={`rfp-${rfp.rfpId}`}>
            {rfp.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('vendorRfp.client')}: {rfp.clientName}
          </Text>
        </div>
        <Group gap={6}>
          <Badge color={statusColour[rfp.status] ?? 'gray'} variant="light">
            {t(`rfp.status.${rfp.status}`)}
          </Badge>
          {rfp.invited && (
            <Badge color="orange" variant="light">
              {t('vendorRfp.invited')}
            </Badge>
          )}
          {rfp.participating && (
            <Badge color="blue" variant="light">
              {t('vendorRfp.participating')}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap="lg" mt="xs">
        {rfp.questionDeadline && (
          <Text size="sm">
            {t('vendorRfp.questionDeadline')}: {dates.format(new Date(rfp.questionDeadline))}
          </Text>
        )}
        {rfp.proposalDeadline && (
          <Text size="sm">
            {t('vendorRfp.proposalDeadline')}: {dates.format(new Date(rfp.proposalDeadline))}
          </Text>
        )}
      </Group>
      {score !== null && (
        <Stack gap={4} mt="sm">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('vendorRfp.why')}
            </Text>
            <Badge variant="light">{t('vendorRfp.score', { score })}</Badge>
          </Group>
          <Progress value={score} size="sm" aria-label={t('vendorRfp.score', { score })} />
          <List size="sm" spacing={2}>
            {rfp.reasons.map((r) => (
              <List.Item key={r.code}>{r.text}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
