import { Alert, Badge, Button, Group, Paper, Select, Skeleton, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconGavel, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { download } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import { formatDates } from '@/lib/i18n';
import { useAward, useAwardActions, type Award } from './api';

const statusColor: Record<string, string> = { proposed: 'yellow', approved: 'teal', rejected: 'gray' };

/**
 * The decision (稟議): procurement proposes one proposal with the reason; a second person, an owner or admin who did
 * not propose it, approves or sends it back. Approval creates the contract and tells every vendor that proposed.
 */
export function AwardPanel({ organisationId, rfpId, proposals }: { organisationId: string; rfpId: string; proposals: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  const award = useAward(organisationId, rfpId);
  const { propose, approve, reject } = useAwardActions(organisationId, rfpId);
  const [proposalId, setProposalId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [ocdsError, setOcdsError] = useState<unknown>(null);
  if (award.isPending) return <Skeleton height={240} aria-busy />;
  if (award.isError) return <ErrorAlert inline error={award.error} onRetry={() => void award.refetch()} />;
  const state = award.data;
  const current = state.current;
  const errors = propose.error instanceof ApiError ? propose.error.fieldErrors() : {};
  const decideError = approve.error ?? reject.error;
  return (
    <Stack>
      {current ? (
        <Paper withBorder p="md" component="section" aria-labelledby="award-current">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4" id="award-current">
              {t('award.currentTitle')}
            </Title>
            <Badge color={statusColor[current.status]} variant="light">
              {t(`award.status.${current.status}`)}
            </Badge>
          </Group>
          <AwardDetails award={current} />
          {current.status === 'approved' && current.contractId && (
            <Button component={Link} to={`/contracts/${current.contractId}`} mt="md" variant="light">
              {t('award.openContract')}
            </Button>
          )}
          {current.status === 'proposed' &&
            (state.mayDecide ? (
              <Stack mt="md" gap="xs">
                <Textarea label={t('award.decisionComment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
                {decideError != null && <ErrorAlert error={decideError} />}
                <Group>
                  <Button
                    leftSection={<IconCheck size={16} aria-hidden />}
                    color="teal"
                    loading={approve.isPending}
                    onClick={() => approve.mutate({ comment: comment || null })}
                  >
                    {t('award.approve')}
                  </Button>
                  <Button
                    leftSection={<IconX size={16} aria-hidden />}
                    variant="default"
                    loading={reject.isPending}
                    onClick={() => reject.mutate({ comment: comment || null })}
                  >
                    {t('award.reject')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Alert mt="md" color="yellow" icon={<IconGavel size={18} />}>
                {t('award.waiting')}
              </Alert>
            ))}
        </Paper>
      ) : state.mayPropose ? (
        <Paper withBorder p="md" component="section" aria-labelledby="award-propose">
          <Title order={3} size="h4" id="award-propose">
            {t('award.proposeTitle')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('award.proposeLead')}
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              propose.mutate({ proposalId, reason });
            }}
          >
            <Stack gap="sm" maw={560}>
              <Select
                label={t('award.proposal')}
                data={proposals.map((p) => ({ value: p.id, label: p.label }))}
                value={proposalId}
                onChange={setProposalId}
                error={errors.proposalId}
                allowDeselect={false}
              />
              <Textarea
                label={t('award.reason')}
                description={t('award.reasonHint')}
                autosize
                minRows={3}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
              />
              {propose.isError && Object.keys(errors).length === 0 && <ErrorAlert error={propose.error} />}
              <Group>
                <Button type="submit" leftSection={<IconGavel size={16} aria-hidden />} loading={propose.isPending}>
                  {t('award.propose')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Alert icon={<IconGavel size={18} />} title={t('award.notYetTitle')}>
          {t(state.rfpStatus === 'evaluating' ? 'award.notYetRole' : 'award.notYetStatus')}
        </Alert>
      )}
      {state.history.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="award-history">
          <Title order={3} size="h4" id="award-history" mb="sm">
            {t('award.historyTitle')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {state.history.map((a) => (
              <Timeline.Item
                key={a.id}
                title={
                  <Group gap="xs">
                    {a.vendorName}
                    <Badge size="sm" color={statusColor[a.status]} variant="light">
                      {t(`award.status.${a.status}`)}
                    </Badge>
                  </Group>
                }
              >
                <AwardDetails award={a} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="ocds-heading">
        <Title order={3} size="h4" id="ocds-heading">
          {t('award.ocdsTitle')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('award.ocdsLead')}
        </Text>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => download(`/api/v1/rfps/${rfpId}/ocds?download=true`, `ocds-${rfpId}.json`).then(() => setOcdsError(null), setOcdsError)}
        >
          {t('award.ocdsDownload')}
        </Button>
        {ocdsError != null && <ErrorAlert error={ocdsError} />}
      </Paper>
    </Stack>
  );
}

function AwardDetails({ award }: { award: Award }) {
  const { t } = useTranslation();
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack gap={4}>
      <Text size="sm">
        <b>{t('award.proposal')}</b>：{award.vendorName}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <b>{t('award.reason')}</b>：{award.reason}
      </Text>
      <Text size="xs" c="dimmed">
        {t('award.proposedBy', { by: award.proposedBy, at: dates.format(new Date(award.proposedAt)) })}
      </Text>
      {award.decidedAt && (
        <Text size="xs" c="dimmed">
          {t('award.decidedBy', { by: award.decidedBy ?? '', at: dates.format(new Date(award.decidedAt)) })}
          {award.decisionComment ? `：${award.decisionComment}` : ''}
        </Text>
      )}
    </Stack>
  );
}
