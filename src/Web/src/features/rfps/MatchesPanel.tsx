import { Anchor, Badge, Group, List, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useRfpMatches } from './api';

/** The matched vendors, best fit first, each with its score and why. */
export function MatchesPanel({ organisationId, rfpId }: { organisationId: string; rfpId: string }) {
  const { t } = useTranslation();
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
          {matches.data.slice(0, 20).map((m) => (
            <div key={m.vendorId}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/vendors/${m.slug}`} fw={600}>
                  {m.vendorName}
                </Anchor>
                <Badge variant="light">{t('rfp.score', { score: Number(m.score) })}</Badge>
              </Group>
              <Progress value={Number(m.score)} size="sm" my={4} aria-label={t('rfp.scoreOf', { name: m.vendorName, score: Number(m.score) })} />
              <List size="xs" spacing={2}>
                {m.reasons.map((r) => (
                  <List.Item key={r.code}>{r.text}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
