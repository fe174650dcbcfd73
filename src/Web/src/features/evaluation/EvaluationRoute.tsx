import { BarChart, RadarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconDownload, IconFileText, IconLock, IconPrinter, IconScale } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { download } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { Dialog } from '@/components/Dialog';
import {
  useConsensus,
  useEvaluation,
  useEvaluationActions,
  useProposalComparison,
  useScorecard,
  type ConsensusView,
  type Evaluation,
  type ProposalComparison,
  type Scorecard,
} from './api';

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
const scores = ['1', '2', '3', '4', '5'];
/** One colour per proposal, the same in the radar and the bars. */
const palette = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'red.6', 'lime.7', 'pink.6'];

/**
 * The evaluation of an RFP's opened proposals (decision 0015): procurement sets the panel; each evaluator scores on
 * their own; the consensus view shows where they disagree; the comparison puts everything side by side.
 */
/** What the evaluation page shows from other features, given by the app that composes them (features never import each other). */
export type EvaluationSlots = {
  /** The award tab, for procurement: propose and approve the award among the evaluated proposals. */
  awardPanel: (props: { organisationId: string; rfpId: string; proposals: { id: string; label: string }[] }) => ReactNode;
  /** Reads one proposal beside the scorecard; closed when proposalId is null. */
  proposalReader: (props: { organisationId: string; rfpId: string; proposalId: string | null; onClose: () => void }) => ReactNode;
};

export function EvaluationRoute({ awardPanel, proposalReader }: EvaluationSlots) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('evaluation.title'));
  return (
    <RequireOrganisationKind kind="client" icon={<IconScale size={26} />} title={t('rfp.notClientTitle')} body={t('rfp.notClientBody')}>
      {(organisation) => <Loaded key={id} organisation={organisation} rfpId={id} awardPanel={awardPanel} proposalReader={proposalReader} />}
    </RequireOrganisationKind>
  );
}

function Loaded({ organisation, rfpId, awardPanel, proposalReader }: { organisation: MyOrganisation; rfpId: string } & EvaluationSlots) {
  const { t } = useTranslation();
  const evaluation = useEvaluation(organisation.id, rfpId);
  const [reading, setReading] = useState<string | null>(null);
  if (evaluation.isPending) return <Skeleton height={320} aria-busy />;
  if (evaluation.isError) {
    const status = evaluation.error instanceof ApiError ? evaluation.error.status : 0;
    if (status === 404)
      return (
        <EmptyState
          icon={<IconLock size={26} />}
          title={t('proposal.sealedTitle')}
          body={t('evaluation.sealedBody')}
          actionLabel={t('proposal.backToClientRfp')}
          actionTo={`/client/rfps/${rfpId}`}
        />
      );
    if (status === 403)
      return (
        <EmptyState
          icon={<IconScale size={26} />}
          title={t('evaluation.notOnPanelTitle')}
          body={t('evaluation.notOnPanelBody')}
          actionLabel={t('proposal.backToClientRfp')}
          actionTo={`/client/rfps/${rfpId}`}
        />
      );
    return <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  }
  const data = evaluation.data;
  const lead = data.myRole.startsWith('lead');
  const evaluator = data.myRole.endsWith('evaluator');
  const mayCompare = evaluator ? data.submitted : lead;
  return (
    <Stack gap="lg">
      <div className="no-print">
        <Text size="sm">
          <Link to={`/client/rfps/${rfpId}`}>{t('proposal.backToClientRfp')}</Link>
        </Text>
        <Group gap="xs" align="center">
          <Title order={2}>{t('evaluation.title')}</Title>
          <Badge variant="light">{t(`evaluation.status.${data.status}`, { defaultValue: data.status })}</Badge>
          {data.blind && (
            <Badge variant="light" color="grape">
              {t('evaluation.blindBadge')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('evaluation.lead')}
        </Text>
      </div>
      {data.proposals.length === 0 ? (
        <EmptyState
          icon={<IconFileText size={26} />}
          title={t('evaluation.noProposalsTitle')}
          body={t('evaluation.noProposalsBody')}
          actionLabel={t('proposal.backToClientRfp')}
          actionTo={`/client/rfps/${rfpId}`}
        />
      ) : (
        <Tabs
          defaultValue={
            data.status === 'awarded' && lead
              ? 'award'
              : evaluator && !data.submitted
                ? 'scorecard'
                : lead && data.evaluators.length === 0
                  ? 'panel'
                  : 'comparison'
          }
          keepMounted={false}
        >
          <Tabs.List className="no-print">
            {lead && <Tabs.Tab value="panel">{t('evaluation.tabs.panel')}</Tabs.Tab>}
            {evaluator && <Tabs.Tab value="scorecard">{t('evaluation.tabs.scorecard')}</Tabs.Tab>}
            <Tabs.Tab value="consensus">{t('evaluation.tabs.consensus')}</Tabs.Tab>
            <Tabs.Tab value="comparison">{t('evaluation.tabs.comparison')}</Tabs.Tab>
            {lead && <Tabs.Tab value="award">{t('evaluation.tabs.award')}</Tabs.Tab>}
          </Tabs.List>
          {lead && (
            <Tabs.Panel value="panel" pt="md">
              <PanelTab organisationId={organisation.id} rfpId={rfpId} evaluation={data} />
            </Tabs.Panel>
          )}
          {evaluator && (
            <Tabs.Panel value="scorecard" pt="md">
              <ScorecardTab organisationId={organisation.id} rfpId={rfpId} onRead={setReading} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="consensus" pt="md">
            {mayCompare ? <ConsensusTab organisationId={organisation.id} rfpId={rfpId} /> : <ScoresHidden />}
          </Tabs.Panel>
          <Tabs.Panel value="comparison" pt="md">
            {mayCompare ? <ComparisonTab organisationId={organisation.id} rfpId={rfpId} lead={lead} /> : <ScoresHidden />}
          </Tabs.Panel>
          {lead && (
            <Tabs.Panel value="award" pt="md">
              {awardPanel({ organisationId: organisation.id, rfpId, proposals: data.proposals })}
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      {proposalReader({ organisationId: organisation.id, rfpId, proposalId: reading, onClose: () => setReading(null) })}
    </Stack>
  );
}

function ScoresHidden() {
  const { t } = useTranslation();
  return (
    <Alert icon={<IconLock size={18} />} title={t('evaluation.hiddenTitle')}>
      {t('evaluation.hiddenBody')}
    </Alert>
  );
}

function PanelTab({ organisationId, rfpId, evaluation }: { organisationId: string; rfpId: string; evaluation: Evaluation }) {
  const { t } = useTranslation();
  const { setPanel } = useEvaluationActions(organisationId, rfpId);
  const [chosen, setChosen] = useState<string[]>(evaluation.evaluators.map((e) => e.userId));
  const [blind, setBlind] = useState(evaluation.blind);
  const anySubmitted = evaluation.evaluators.some((e) => e.submittedAt);
  const fieldError = setPanel.error instanceof ApiError ? Object.values(setPanel.error.fieldErrors())[0] : undefined;
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="panel-heading">
        <Title order={3} size="h4" id="panel-heading">
          {t('evaluation.panelTitle')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('evaluation.panelLead')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setPanel.mutate({ blind, evaluatorUserIds: chosen });
          }}
        >
          <Stack gap="sm" maw={560}>
            <MultiSelect
              label={t('evaluation.evaluators')}
              description={t('evaluation.evaluatorsHint')}
              searchable
              data={evaluation.assignable.map((m) => ({ value: m.userId, label: m.email }))}
              value={chosen}
              onChange={setChosen}
              error={fieldError}
            />
            <Switch
              label={t('evaluation.blind')}
              description={anySubmitted ? t('evaluation.blindLocked') : t('evaluation.blindHint')}
              checked={blind}
              disabled={anySubmitted}
              onChange={(e) => setBlind(e.currentTarget.checked)}
            />
            {setPanel.isError && !fieldError && <ErrorAlert error={setPanel.error} />}
            <Group>
              <Button type="submit" loading={setPanel.isPending}>
                {t('evaluation.savePanel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
        <Title order={3} size="h4" id="progress-heading" mb="sm">
          {t('evaluation.progressTitle')}
        </Title>
        {evaluation.evaluators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluation.noEvaluators')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.evaluator')}</Table.Th>
                <Table.Th>{t('evaluation.progress')}</Table.Th>
                <Table.Th>{t('evaluation.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evaluation.evaluators.map((e) => {
                const scored = Number(e.scored),
                  required = Number(e.required);
                return (
                  <Table.Tr key={e.userId}>
                    <Table.Td>{e.email}</Table.Td>
                    <Table.Td w="40%">
                      <Progress
                        value={required === 0 ? 0 : (scored / required) * 100}
                        aria-label={t('evaluation.progressOf', { email: e.email, scored, required })}
                      />
                      <Text size="xs" c="dimmed">
                        {t('evaluation.scoredCount', { scored, required })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.submittedAt ? (
                        <Badge color="teal" variant="light">
                          {t('evaluation.submittedAt', { at: dates.format(new Date(e.submittedAt)) })}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('evaluation.scoring')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function ScorecardTab({ organisationId, rfpId, onRead }: { organisationId: string; rfpId: string; onRead: (id: string) => void }) {
  const { t } = useTranslation();
  const card = useScorecard(organisationId, rfpId, true);
  const { submit } = useEvaluationActions(organisationId, rfpId);
  const [confirming, setConfirming] = useState(false);
  if (card.isPending) return <Skeleton height={300} aria-busy />;
  if (card.isError) return <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />;
  const data = card.data;
  const done = data.scores.length;
  const required = data.proposals.length * data.axes.length;
  const submitted = data.submittedAt != null;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{submitted ? t('evaluation.scorecardSubmitted') : t('evaluation.scorecardLead')}</Text>
            <Text size="sm" c="dimmed">
              {t('evaluation.scoredCount', { scored: done, required })}
            </Text>
          </div>
          {!submitted && (
            <Button onClick={() => setConfirming(true)} disabled={done < required}>
              {t('evaluation.submit')}
            </Button>
          )}
        </Group>
        <Progress mt="sm" value={required === 0 ? 0 : (done / required) * 100} aria-label={t('evaluation.scoredCount', { scored: done, required })} />
        {submit.isError && <ErrorAlert error={submit.error} />}
      </Paper>
      {data.proposals.map((p) => (
        <Paper key={p.id} withBorder p="md" component="section" aria-label={p.label}>
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              {p.label}
            </Title>
            <Button size="xs" variant="light" onClick={() => onRead(p.id)}>
              {t('proposal.read')}
            </Button>
          </Group>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t('evaluation.axis')}</Table.Th>
                <Table.Th w="28%">{t('evaluation.score')}</Table.Th>
                <Table.Th>{t('evaluation.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.axes.map((a) => (
                <ScoreRow
                  key={a.code}
                  organisationId={organisationId}
                  rfpId={rfpId}
                  card={data}
                  proposalId={p.id}
                  proposalLabel={p.label}
                  axis={a}
                  readOnly={submitted}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={t('evaluation.confirmTitle')}>
        <Text size="sm" mb="md">
          {t('evaluation.confirmBody')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('evaluation.cancel')}
          </Button>
          <Button loading={submit.isPending} onClick={() => submit.mutate(undefined, { onSettled: () => setConfirming(false) })}>
            {t('evaluation.submit')}
          </Button>
        </Group>
      </Dialog>
    </Stack>
  );
}

function ScoreRow({
  organisationId,
  rfpId,
  card,
  proposalId,
  proposalLabel,
  axis,
  readOnly,
}: {
  organisationId: string;
  rfpId: string;
  card: Scorecard;
  proposalId: string;
  proposalLabel: string;
  axis: Scorecard['axes'][number];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { saveScore } = useEvaluationActions(organisationId, rfpId);
  const saved = card.scores.find((s) => s.proposalId === proposalId && s.axis === axis.code);
  const [comment, setComment] = useState(saved?.comment ?? '');
  const score = saved ? String(saved.score) : null;
  const save = (value: string | null, text: string) => value && saveScore.mutate({ proposalId, axis: axis.code, score: Number(value), comment: text || null });
  const error = saveScore.error instanceof ApiError ? (Object.values(saveScore.error.fieldErrors())[0] ?? saveScore.error.problem?.detail) : undefined;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {axis.label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('evaluation.weight', { weight: Number(axis.weight) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <SegmentedControl
          data={scores}
          value={score ?? ''}
          disabled={readOnly}
          onChange={(v) => save(v, comment)}
          fullWidth
          aria-label={t('evaluation.scoreFor', { proposal: proposalLabel, axis: axis.label })}
        />
        {!score && !readOnly && (
          <Text size="xs" c="dimmed">
            {t('evaluation.unscored')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Textarea
          autosize
          minRows={1}
          value={comment}
          readOnly={readOnly}
          aria-label={t('evaluation.commentFor', { proposal: proposalLabel, axis: axis.label })}
          placeholder={score ? t('evaluation.commentPlaceholder') : t('evaluation.commentNeedsScore')}
          onChange={(e) => setComment(e.currentTarget.value)}
          onBlur={() => comment !== (saved?.comment ?? '') && save(score, comment)}
          error={error}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function ConsensusTab({ organisationId, rfpId }: { organisationId: string; rfpId: string }) {
  const { t } = useTranslation();
  const view = useConsensus(organisationId, rfpId, true);
  const [recording, setRecording] = useState<{ proposalId: string; axis: string; label: string } | null>(null);
  if (view.isPending) return <Skeleton height={300} aria-busy />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  if (Number(data.submitted) === 0)
    return (
      <Alert icon={<IconScale size={18} />} title={t('evaluation.noScorecardsTitle')}>
        {t('evaluation.noScorecardsBody', { count: Number(data.evaluators) })}
      </Alert>
    );
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('evaluation.consensusLead', { submitted: Number(data.submitted), evaluators: Number(data.evaluators) })}
      </Text>
      {data.proposals.map((p) => (
        <Paper key={p.id} withBorder p="md" component="section" aria-label={p.label}>
          <Title order={3} size="h4" mb="sm">
            {p.label}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evaluation.axis')}</Table.Th>
                  <Table.Th>{t('evaluation.evaluatorScores')}</Table.Th>
                  <Table.Th>{t('evaluation.mean')}</Table.Th>
                  <Table.Th>{t('evaluation.spread')}</Table.Th>
                  <Table.Th>{t('evaluation.consensus')}</Table.Th>
                  {data.mayRecord && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.axes.map((a) => {
                  const cell = data.cells.find((c) => c.proposalId === p.id && c.axis === a.code);
                  if (!cell) return null;
                  return (
                    <Table.Tr key={a.code} bg={cell.disagreement ? 'var(--mantine-color-orange-light)' : undefined} data-testid={`consensus-${p.id}-${a.code}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {a.label}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {cell.scores.map((s) => (
                            <Tooltip key={s.userId} label={`${s.evaluator}${s.comment ? `：${s.comment}` : ''}`} multiline maw={320}>
                              <Badge
                                variant="outline"
                                color="gray"
                                tabIndex={0}
                                aria-label={t('evaluation.scoreBy', { evaluator: s.evaluator, score: Number(s.score), comment: s.comment ?? '' })}
                              >
                                {Number(s.score)}
                              </Badge>
                            </Tooltip>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{cell.mean == null ? '—' : Number(cell.mean).toFixed(2)}</Table.Td>
                      <Table.Td>
                        {Number(cell.spread)}
                        {cell.disagreement && (
                          <Badge ml="xs" color="orange" variant="filled">
                            {t('evaluation.disagreement')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {cell.consensus ? (
                          <>
                            <Text size="sm" fw={700}>
                              {Number(cell.consensus.score)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {cell.consensus.reason}
                            </Text>
                          </>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      {data.mayRecord && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={cell.disagreement && !cell.consensus ? 'filled' : 'light'}
                            onClick={() => setRecording({ proposalId: p.id, axis: a.code, label: `${p.label}・${a.label}` })}
                          >
                            {t('evaluation.recordConsensus')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {recording && <ConsensusModal organisationId={organisationId} rfpId={rfpId} target={recording} view={data} onClose={() => setRecording(null)} />}
    </Stack>
  );
}

function ConsensusModal({
  organisationId,
  rfpId,
  target,
  view,
  onClose,
}: {
  organisationId: string;
  rfpId: string;
  target: { proposalId: string; axis: string; label: string };
  view: ConsensusView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { recordConsensus } = useEvaluationActions(organisationId, rfpId);
  const cell = view.cells.find((c) => c.proposalId === target.proposalId && c.axis === target.axis);
  const [score, setScore] = useState<string | null>(
    cell?.consensus ? String(cell.consensus.score) : cell?.mean != null ? String(Math.round(Number(cell.mean))) : null,
  );
  const [reason, setReason] = useState(cell?.consensus?.reason ?? '');
  const errors = recordConsensus.error instanceof ApiError ? recordConsensus.error.fieldErrors() : {};
  return (
    <Dialog opened onClose={onClose} title={t('evaluation.consensusFor', { label: target.label })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          recordConsensus.mutate({ proposalId: target.proposalId, axis: target.axis, score: score ? Number(score) : null, reason }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Select label={t('evaluation.consensusScore')} data={scores} value={score} onChange={setScore} error={errors.score} allowDeselect={false} />
          <Textarea
            label={t('evaluation.consensusReason')}
            description={t('evaluation.consensusReasonHint')}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          {recordConsensus.isError && Object.keys(errors).length === 0 && <ErrorAlert error={recordConsensus.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('evaluation.cancel')}
            </Button>
            <Button type="submit" loading={recordConsensus.isPending}>
              {t('evaluation.saveConsensus')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ComparisonTab({ organisationId, rfpId, lead }: { organisationId: string; rfpId: string; lead: boolean }) {
  const { t } = useTranslation();
  const comparison = useProposalComparison(organisationId, rfpId, true);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  if (comparison.isPending) return <Skeleton height={400} aria-busy />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const data = comparison.data;
  const exportAs = (format: 'csv' | 'xlsx') => {
    setExporting(format);
    download(`/api/v1/rfps/${rfpId}/comparison/export?format=${format}`, `proposal-comparison.${format}`)
      .then(() => setExportError(null), setExportError)
      .finally(() => setExporting(null));
  };
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Text size="sm" c="dimmed" maw={640}>
          {data.costRule}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('compare.print')}
          </Button>
          {lead && (
            <>
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporting === 'csv'} onClick={() => exportAs('csv')}>
                {t('evaluation.exportCsv')}
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
                {t('evaluation.exportXlsx')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {exportError != null && <ErrorAlert error={exportError} />}
      <Group grow align="stretch">
        <ScoreRadar comparison={data} />
        <CostBars comparison={data} />
      </Group>
      <ComparisonTable comparison={data} />
    </Stack>
  );
}

function ScoreRadar({ comparison }: { comparison: ProposalComparison }) {
  const { t } = useTranslation();
  const columns = comparison.columns.filter((c) => c.conforms);
  const data = comparison.axes.map((a) => ({
    axis: a.label,
    ...Object.fromEntries(columns.map((c) => [c.label, Number(c.axes.find((x) => x.axis === a.code)?.score ?? 0)])),
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="radar-heading">
      <Title order={3} size="h4" id="radar-heading">
        {t('evaluation.radarTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('evaluation.radarLead')}
      </Text>
      <RadarChart
        h={320}
        data={data}
        dataKey="axis"
        withLegend
        withPolarRadiusAxis
        polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6 }}
        series={columns.map((c, i) => ({ name: c.label, color: palette[i % palette.length] ?? 'indigo.6', opacity: 0.15 }))}
      />
      <VisuallyHidden>
        <ul>
          {columns.map((c) => (
            <li key={c.proposalId}>
              {c.label}: {c.axes.map((a) => `${comparison.axes.find((x) => x.code === a.axis)?.label} ${a.score == null ? '—' : Number(a.score)}`).join('、')}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </Paper>
  );
}

function CostBars({ comparison }: { comparison: ProposalComparison }) {
  const { t } = useTranslation();
  const data = comparison.columns.map((c) => ({
    proposal: c.label,
    low: Number(c.sensitivity.volumeMinus20Yen),
    total: Number(c.totalYen),
    high: Number(c.sensitivity.volumePlus20Yen),
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tco-heading">
      <Title order={3} size="h4" id="tco-heading">
        {t('proposal.tcoChart')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('proposal.costLead')}
      </Text>
      <BarChart
        h={Math.max(200, data.length * 70)}
        data={data}
        dataKey="proposal"
        orientation="vertical"
        yAxisProps={{ width: 160 }}
        valueFormatter={(v) => yen.format(v)}
        withLegend
        series={[
          { name: 'low', label: t('proposal.volumeMinus20'), color: 'teal.5' },
          { name: 'total', label: t('proposal.total'), color: 'indigo.6' },
          { name: 'high', label: t('proposal.volumePlus20'), color: 'orange.6' },
        ]}
      />
      <VisuallyHidden>
        <ul>
          {data.map((d) => (
            <li key={d.proposal}>
              {d.proposal}: {yen.format(d.total)}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </Paper>
  );
}

function formatValue(value: number | string | null | undefined, unit: string, rankText: (rank: number) => string) {
  if (value === null || value === undefined) return '—';
  const n = Number(value);
  switch (unit) {
    case 'yen':
      return yen.format(n);
    case 'score':
      return n.toFixed(2);
    case 'points':
      return n.toFixed(1);
    case 'rank':
      return rankText(n);
    default:
      return `${n.toLocaleString('ja-JP')}${unit}`;
  }
}

function ComparisonTable({ comparison }: { comparison: ProposalComparison }) {
  const { t } = useTranslation();
  const sections = [...new Set(comparison.rows.map((r) => r.section))];
  return (
    <Table.ScrollContainer minWidth={240 + comparison.columns.length * 160}>
      <Table withTableBorder withColumnBorders verticalSpacing="sm" stickyHeader aria-label={t('evaluation.tableLabel')} data-testid="proposal-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={240}>
              {t('compare.axis')}
            </Table.Th>
            {comparison.columns.map((c) => (
              <Table.Th key={c.proposalId} scope="col">
                <Text fw={700} size="sm">
                  {c.label}
                </Text>
                {c.rank != null && (
                  <Badge size="sm" variant="light" color={Number(c.rank) === 1 ? 'teal' : 'gray'}>
                    {t('evaluation.rankValue', { rank: Number(c.rank) })}
                  </Badge>
                )}
                {!c.conforms && (
                  <Badge size="sm" color="red" variant="light">
                    {t('evaluation.notConforming')}
                  </Badge>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((section) => (
            <Fragment key={section}>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={comparison.columns.length + 1} bg="var(--mantine-color-default-hover)">
                  {t(`evaluation.section.${section}`)}
                </Table.Th>
              </Table.Tr>
              {comparison.rows
                .filter((r) => r.section === section)
                .map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={500}>
                      {r.label}
                    </Table.Th>
                    {r.values.map((v, i) => (
                      <Table.Td
                        key={comparison.columns[i]?.proposalId ?? i}
                        bg={r.best[i] ? 'var(--mantine-color-teal-light)' : undefined}
                        fw={r.best[i] ? 700 : undefined}
                        ta={r.unit === 'yen' ? 'right' : undefined}
                      >
                        {formatValue(v, r.unit, (rank) => t('evaluation.rankValue', { rank }))}
                        {r.best[i] && <VisuallyHidden>（{t('evaluation.best')}）</VisuallyHidden>}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('proposal.flags')}
            </Table.Th>
            {comparison.columns.map((c) => (
              <Table.Td key={c.proposalId}>
                {c.flags.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('proposal.noFlags')}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {c.flags.map((f) => (
                      <Text key={`${f.code}-${f.subject ?? ''}`} size="xs" c={f.code === 'notConforming' ? 'red' : 'orange'}>
                        {f.text}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
