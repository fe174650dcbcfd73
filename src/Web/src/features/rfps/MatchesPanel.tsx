import { Anchor, Badge, Button, Group, List, Loader, Pagination, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { matchesPageSize, useRfpActivity, useRfpMatches, useRfpParticipationActions } from './api';

/**
 * The matched vendors, best fit first, each with its score and why, a page at a time: every match can be read and,
 * while the RFP is published, invited from here (for an invite-only RFP, the only way a vendor sees it).
 */
export function MatchesPanel({ organisationId, rfpId, canInvite }: { organisationId: string; rfpId: string; canInvite: boolean }) {
  const { t } = useTranslation();
  const activity = useRfpActivity(organisationId, rfpId);
  const { invite } = useRfpParticipationActions(organisationId, rfpId);
  const invited = new Set((activity.data?.invitations ?? []).map((i) => i.vendorId));
  const [page, setPage] = useState(1);
  // Matching takes moments after publishing; wait two minutes at most before saying that nobody matched.
  const [waiting, setWaiting] = useState(true);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaiting(false), 120_000);
    return () => window.clearTimeout(timer);
  }, []);
  const matches = useRfpMatches(organisationId, rfpId, page, waiting);
  const total = Number(matches.data?.total ?? 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="matches-heading">
      <Title order={3} size="h4" id="matches-heading" mb="xs">
        {t('rfp.matchesTitle')}
      </Title>
      {matches.isPending ? (
        <Loader size="sm" aria-label={t('rfp.matching')} />
      ) : matches.isError ? (
        <ErrorAlert inline error={matches.error} onRetry={() => void matches.refetch()} />
      ) : total === 0 && waiting ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('rfp.matchingEmpty')}
          </Text>
        </Group>
      ) : total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rfp.noMatches')}
        </Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('rfp.matchesLead', { count: total })}
          </Text>
          {invite.isError && <ErrorAlert error={invite.error} />}
          {matches.data.items.map((m) => (
            <div key={m.vendorId}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/vendors/${m.slug}`} fw={600}>
                  {m.vendorName}
                </Anchor>
                <Group gap={6}>
                  <Badge variant="light">{t('rfp.score', { score: Number(m.score) })}</Badge>
                  {invited.has(m.vendorId) ? (
                    <Badge color="orange" variant="light">
                      {t('rfp.invited')}
                    </Badge>
                  ) : (
                    canInvite && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        loading={invite.isPending && invite.variables?.[0] === m.vendorId}
                        aria-label={`${t('rfp.invite')}: ${m.vendorName}`}
                        onClick={() => invite.mutate([m.vendorId])}
                      >
                        {t('rfp.invite')}
                      </Button>
                    )
                  )}
                </Group>
              </Group>
              <Progress value={Number(m.score)} size="sm" my={4} aria-label={t('rfp.scoreOf', { name: m.vendorName, score: Number(m.score) })} />
              <List size="xs" spacing={2}>
                {m.reasons.map((r) => (
                  <List.Item key={r.code}>{r.text}</List.Item>
                ))}
              </List>
            </div>
          ))}
          {total > matchesPageSize && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" aria-live="polite">
                {t('rfp.matchesRange', { from: (page - 1) * matchesPageSize + 1, to: Math.min(page * matchesPageSize, total), total })}
              </Text>
              <Pagination
                size="sm"
                total={Math.ceil(total / matchesPageSize)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`rfp.matchesPage.${control}`) })}
                getItemProps={(item) => ({ 'aria-label': t('rfp.matchesPageNumber', { page: item }) })}
              />
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
