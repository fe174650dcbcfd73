import { Alert, Badge, Button, Card, Grid, Group, List, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconInbox, IconMessageQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '@/components/AttachmentList';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RfpDocument } from '@/components/RfpDocument';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { VersionTimeline } from '@/components/VersionTimeline';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useVendorRfp, type VendorRfp } from '@/lib/api/vendor-rfp';
import { useVendorRfpActions } from './api';
import { statusColour } from './VendorRfpFeedRoute';

const takerRoles = ['owner', 'admin', 'sales'];

/** One RFP as a vendor reads it: the version in force, its changes, the shared answers; take part and ask. */
export function VendorRfpRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('vendorRfp.contentTitle'));
  return (
    <RequireOrganisationKind kind="vendor" icon={<IconInbox size={26} />} title={t('vendorRfp.notVendorTitle')} body={t('vendorRfp.notVendorBody')}>
      {(organisation) => <Loaded key={id} organisation={organisation} id={id} />}
    </RequireOrganisationKind>
  );
}

function Loaded({ organisation, id }: { organisation: MyOrganisation; id: string }) {
  const rfp = useVendorRfp(organisation.id, id);
  if (rfp.isPending) return <Skeleton height={400} aria-busy />;
  if (rfp.isError) return <ErrorAlert error={rfp.error} onRetry={() => void rfp.refetch()} />;
  return <Page organisation={organisation} rfp={rfp.data} />;
}

function Page({ organisation, rfp }: { organisation: MyOrganisation; rfp: VendorRfp }) {
  const { t } = useTranslation();
  const { summary, content } = rfp;
  const actions = useVendorRfpActions(organisation.id, summary.rfpId);
  const canTake = takerRoles.includes(organisation.role);
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const score = summary.score === null || summary.score === undefined ? null : Number(summary.score);
  return (
    <Stack gap="lg">
      <div>
        <Group gap="xs">
          <Title order={2}>{summary.title}</Title>
          <Badge color={statusColour[summary.status] ?? 'gray'} variant="light">
            {t(`rfp.status.${summary.status}`)}
          </Badge>
          {summary.invited && (
            <Badge color="orange" variant="light">
              {t('vendorRfp.invited')}
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {t('vendorRfp.client')}: {summary.clientName} ・ {t('versions.version', { number: Number(summary.version) })}
        </Text>
        <Group gap="lg" mt={4}>
          {summary.questionDeadline && (
            <Text size="sm">
              {t('vendorRfp.questionDeadline')}: {dates.format(new Date(summary.questionDeadline))}
            </Text>
          )}
          {summary.proposalDeadline && (
            <Text size="sm">
              {t('vendorRfp.proposalDeadline')}: {dates.format(new Date(summary.proposalDeadline))}
            </Text>
          )}
        </Group>
      </div>
      {rfp.cancellationReason && (
        <Alert color="red" title={t('vendorRfp.cancelled')}>
          {rfp.cancellationReason}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <RfpDocument content={content} weights={rfp.weights} label={t('vendorRfp.contentTitle')} />
            <QuestionsPanel organisation={organisation} rfp={rfp} canTake={canTake} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              {summary.participating ? (
                <Group gap="xs">
                  <IconCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden />
                  <Text fw={600}>{t('vendorRfp.joined')}</Text>
                </Group>
              ) : (
                <Stack gap="xs">
                  <Text size="sm">{t('vendorRfp.joinHint')}</Text>
                  {canTake && summary.status === 'published' && (
                    <Button onClick={() => actions.join.mutate()} loading={actions.join.isPending}>
                      {t('vendorRfp.join')}
                    </Button>
                  )}
                  {actions.join.isError && <ErrorAlert error={actions.join.error} />}
                </Stack>
              )}
            </Card>
            <Card withBorder component="section" aria-labelledby="proposal-heading">
              <Text fw={600} mb="xs" id="proposal-heading">
                {t('proposal.rfpCardTitle')}
              </Text>
              <Text size="sm" mb="xs">
                {t('proposal.sealedNote')}
              </Text>
              <Button component={Link} to={`/vendor/rfps/${summary.rfpId}/proposal`} variant={summary.status === 'published' ? 'filled' : 'light'}>
                {summary.status === 'published' ? t('proposal.create') : t('proposal.open')}
              </Button>
            </Card>
            {score !== null && (
              <Card withBorder>
                <Group gap="xs" mb="xs">
                  <Text fw={600}>{t('vendorRfp.why')}</Text>
                  <Badge variant="light">{t('vendorRfp.score', { score })}</Badge>
                </Group>
                <List size="sm" spacing={2}>
                  {summary.reasons.map((r) => (
                    <List.Item key={r.code}>{r.text}</List.Item>
                  ))}
                </List>
              </Card>
            )}
            <Card withBorder component="section" aria-labelledby="attachments-heading">
              <Text fw={600} mb="xs" id="attachments-heading">
                {t('vendorRfp.attachments')}
              </Text>
              <AttachmentList
                items={rfp.attachments}
                downloadPath={(id) => `/api/v1/vendor/rfps/${summary.rfpId}/attachments/${id}`}
                empty={t('vendorRfp.noAttachments')}
              />
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('versions.title')}
              </Text>
              <VersionTimeline versions={rfp.versions} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function QuestionsPanel({ organisation, rfp, canTake }: { organisation: MyOrganisation; rfp: VendorRfp; canTake: boolean }) {
  const { t } = useTranslation();
  const actions = useVendorRfpActions(organisation.id, rfp.summary.rfpId);
  const [question, setQuestion] = useState('');
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const fieldError = actions.ask.error instanceof ApiError ? actions.ask.error.fieldErrors().question : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="qa-heading">
      <Title order={3} size="h4" id="qa-heading">
        {t('vendorRfp.qaTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('vendorRfp.qaLead')}
      </Text>
      <Stack gap="sm">
        {rfp.questions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('vendorRfp.qaEmpty')}
          </Text>
        )}
        {rfp.questions.map((q) => (
          <Card key={q.id} withBorder padding="sm" component="article">
            {q.question ? (
              <>
                <Group gap="xs">
                  <IconMessageQuestion size={16} aria-hidden />
                  {q.mine && (
                    <Badge size="sm" variant="light">
                      {t('vendorRfp.yourQuestion')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {q.question}
                </Text>
              </>
            ) : (
              <Badge size="sm" variant="light" color="grape">
                {t('vendorRfp.clarification')}
              </Badge>
            )}
            {q.answer ? (
              <Text size="sm" mt={6} pl="sm" style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-teal-6)' }}>
                {q.question && <strong>{t('vendorRfp.answer')}: </strong>}
                {q.answer}
              </Text>
            ) : (
              <Text size="xs" c="dimmed" mt={4}>
                {t('vendorRfp.awaitingAnswer')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {dates.format(new Date(q.answeredAt ?? q.askedAt))}
            </Text>
          </Card>
        ))}
        {rfp.canAsk && canTake ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              actions.ask.mutate(question, { onSuccess: () => setQuestion('') });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('vendorRfp.askLabel')}
                autosize
                minRows={2}
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
                error={fieldError}
                description={
                  rfp.summary.questionDeadline ? t('vendorRfp.askHint', { deadline: dates.format(new Date(rfp.summary.questionDeadline)) }) : undefined
                }
              />
              <Group>
                <Button type="submit" loading={actions.ask.isPending} disabled={!question.trim()}>
                  {t('vendorRfp.ask')}
                </Button>
                {actions.ask.isSuccess && (
                  <Text size="sm" c="teal" role="status">
                    {t('vendorRfp.asked')}
                  </Text>
                )}
              </Group>
              {actions.ask.isError && !fieldError && <ErrorAlert error={actions.ask.error} />}
            </Stack>
          </form>
        ) : (
          !rfp.canAsk && (
            <Text size="sm" c="dimmed">
              {t('vendorRfp.questionsClosed')}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
