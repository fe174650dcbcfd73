import { Badge, Button, Card, Group, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { VersionTimeline } from '@/components/VersionTimeline';
import { ApiError } from '@/lib/api/problem';
import { formatDates } from '@/lib/i18n';
import { useProposalsSummary } from '@/lib/api/proposals-summary';
import { useRfpActivity, useRfpParticipationActions, type RfpActivity } from './api';

/**
 * A published RFP as the client follows it: how many vendors take part (not who, until proposals open), the
 * questions to answer, clarifications, and the versions with their change summaries.
 */
export function ActivityPanel({ organisationId, rfpId, canAnswer }: { organisationId: string; rfpId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const activity = useRfpActivity(organisationId, rfpId);
  if (activity.isPending) return <Skeleton height={160} aria-busy />;
  if (activity.isError) return <ErrorAlert inline error={activity.error} onRetry={() => void activity.refetch()} />;
  const data = activity.data;
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="activity-heading">
        <Title order={3} size="h4" id="activity-heading" mb="xs">
          {t('rfp.activityTitle')}
        </Title>
        <Text fw={600}>{t('rfp.participants', { count: Number(data.participants) })}</Text>
        <Text size="xs" c="dimmed" mb="sm">
          {t('rfp.participantsHint')}
        </Text>
        <SealedProposals organisationId={organisationId} rfpId={rfpId} />
        <Text size="sm" fw={600}>
          {t('rfp.invitations')}
        </Text>
        {data.invitations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('rfp.noInvitations')}
          </Text>
        ) : (
          <Group gap={6} mt={4}>
            {data.invitations.map((i) => (
              <Badge key={i.vendorId} variant="light" color="orange">
                {i.vendorName}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm" fw={600} mt="md" mb={4}>
          {t('versions.title')}
        </Text>
        <VersionTimeline versions={data.versions} />
      </Paper>
      <QuestionsPanel organisationId={organisationId} rfpId={rfpId} data={data} canAnswer={canAnswer} />
    </Stack>
  );
}

function QuestionsPanel({ organisationId, rfpId, data, canAnswer }: { organisationId: string; rfpId: string; data: RfpActivity; canAnswer: boolean }) {
  const { t } = useTranslation();
  const { clarify } = useRfpParticipationActions(organisationId, rfpId);
  const [clarification, setClarification] = useState('');
  const clarifyError = clarify.error instanceof ApiError ? clarify.error.fieldErrors().text : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="questions-heading">
      <Title order={3} size="h4" id="questions-heading">
        {t('rfp.questionsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('rfp.answerHint')}
      </Text>
      <Stack gap="sm">
        {data.questions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('rfp.noQuestions')}
          </Text>
        )}
        {data.questions.map((q) => (
          <QuestionCard key={q.id} organisationId={organisationId} rfpId={rfpId} question={q} canAnswer={canAnswer} askersBlind={data.askersBlind ?? false} />
        ))}
        {canAnswer && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              clarify.mutate(clarification, { onSuccess: () => setClarification('') });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('rfp.clarifyLabel')}
                autosize
                minRows={2}
                value={clarification}
                onChange={(e) => setClarification(e.currentTarget.value)}
                error={clarifyError}
              />
              <Button type="submit" variant="light" loading={clarify.isPending} disabled={!clarification.trim()} style={{ alignSelf: 'flex-start' }}>
                {t('rfp.clarify')}
              </Button>
              {clarify.isError && !clarifyError && <ErrorAlert error={clarify.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function QuestionCard({
  organisationId,
  rfpId,
  question,
  canAnswer,
  askersBlind,
}: {
  organisationId: string;
  rfpId: string;
  question: RfpActivity['questions'][number];
  canAnswer: boolean;
  askersBlind: boolean;
}) {
  const { t } = useTranslation();
  const { answer } = useRfpParticipationActions(organisationId, rfpId);
  const [text, setText] = useState('');
  const error = answer.error instanceof ApiError ? answer.error.fieldErrors().answer : undefined;
  return (
    <Card withBorder padding="sm" component="article">
      {question.question ? (
        <>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {question.vendorName ? t('rfp.askedBy', { name: question.vendorName }) : t(askersBlind ? 'rfp.askedByBlind' : 'rfp.askedBySealed')}
            </Text>
            {!question.answer && (
              <Badge size="sm" color="red" variant="light">
                {t('rfp.unanswered')}
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {question.question}
          </Text>
        </>
      ) : (
        <Badge size="sm" variant="light" color="grape">
          {t('rfp.clarificationBadge')}
        </Badge>
      )}
      {question.answer && (
        <Text size="sm" mt={6} pl="sm" style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-teal-6)' }}>
          {question.answer}
        </Text>
      )}
      {!question.answer && canAnswer && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ questionId: question.id, answer: text });
          }}
        >
          <Stack gap="xs" mt="xs">
            <Textarea label={t('rfp.answerLabel')} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
            <Button type="submit" size="xs" loading={answer.isPending} disabled={!text.trim()} style={{ alignSelf: 'flex-start' }}>
              {t('rfp.sendAnswer')}
            </Button>
            {answer.isError && !error && <ErrorAlert error={answer.error} />}
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** How many proposals are in: before the deadline only the number, sealed (never whose). */
function SealedProposals({ organisationId, rfpId }: { organisationId: string; rfpId: string }) {
  const { t } = useTranslation();
  const summary = useProposalsSummary(organisationId, rfpId, true);
  if (!summary.data) return null;
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const count = Number(summary.data.submitted);
  return (
    <Stack gap={2} mb="sm" data-testid="sealed-proposals">
      <Group gap="xs">
        <IconLock size={16} aria-hidden />
        <Text fw={600}>{summary.data.sealed ? t('proposal.clientSealed', { count }) : t('proposal.clientOpened', { count })}</Text>
      </Group>
      {summary.data.sealed && summary.data.opensAt && (
        <Text size="xs" c="dimmed">
          {t('proposal.clientSealedNote', { deadline: dates.format(new Date(summary.data.opensAt)) })}
        </Text>
      )}
      {!summary.data.sealed && (
        <Group gap="xs">
          <Button component={Link} to={`/client/rfps/${rfpId}/proposals`} size="xs" variant="light">
            {t('proposal.viewProposals')}
          </Button>
          <Button component={Link} to={`/client/rfps/${rfpId}/evaluation`} size="xs">
            {t('evaluation.open')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
