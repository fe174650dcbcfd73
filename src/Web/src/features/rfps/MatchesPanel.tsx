import { Anchor, Badge, Button, Group, List, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useRfpActivity, useRfpMatches, useRfpParticipationActions } from './api';

/**
 * The matched vendors, best fit first, each with its score and why. While the RFP is published the client invites
 * from here (for an invite-only RFP, the only way a vendor sees it).
 */
export function MatchesPanel({ organisationId, rfpId, canInvite }: { organisationId: string; rfpId: string; canInvite: boolean }) {
  const { t } = useTranslation();
  const activity = useRfpActivity(organisationId, rfpId);
  const { invite } = useRfpParticipationActions(organisationId, rfpId);
  const invited = new Set((activity.data?.invitations ?? []).map((i) => i.vendorId));
  // The best five first; the rest of the top 20 on request (each comes with its reasons).
  const [showAll, setShowAll] = useState(false);
  // Matching takes moments after publishing; wait two minutes at most before saying that nobody matched.
  const [waiting, setWaiting] = useState(true);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaiting(false), 120_000);
    return () => window.clearTimeout(timer);
  }, []);
  const matches = useRfpMatches(organisationId, rfpId, waiting);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="matches-heading">
      <Title order={3} size="h4" id="matches-heading" mb="xs">
        {t('rfp.matchesTitle')}
      </Title>
      {matches.isPending ? (
        <Loader size="sm" aria-label={t('rfp.matching')} />
      ) : matches.isError ? (
        <ErrorAlert error={matches.error} onRetry={() => void matches.refetch()} />
      ) : matches.data.length === 0 && waiting ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">{t('rfp.matchingEmpty')}</Text>
        </Group>
      ) : matches.data.length === 0 ? (
        <Text size="sm" c="dimmed">{t('rfp.noMatches')}</Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{t('rfp.matchesLead', { count: matches.data.length })}</Text>
          {invite.isError && <ErrorAlert error={invite.error} />}
          {matches.data.slice(0, showAll ? 20 : 5).map((m) => (
            <div key={m.vendorId}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/vendors/${m.slug}`} fw={600}>
                  {m.vendorName}
                </Anchor>
                <Group gap={6}>
                  <Badge variant="light">{t('rfp.score', { score: Number(m.score) })}</Badge>
                  {invited.has(m.vendorId) ? (
                    <Badge color="orange" variant="light">{t('rfp.invited')}</Badge>
                  ) : (
                    canInvite && (
                      <Button size="compact-xs" variant="light" loading={invite.isPending && invite.variables?.[0] === m.vendorId}
                        aria-label={`${t('rfp.invite')}: ${m.vendorName}`} onClick={() => invite.mutate([m.vendorId])}>
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
          {!showAll && matches.data.length > 5 && (
            <Button variant="subtle" size="xs" onClick={() => setShowAll(true)} style={{ alignSelf: 'flex-start' }}>
              {t('rfp.showMoreMatches', { count: Math.min(20, matches.data.length) - 5 })}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
