import { AttachmentList } from '@/components/AttachmentList';
import { QuotaLine } from '@/components/QuotaLine';
import { useVendorBilling } from '@/lib/api/vendor-billing';
import { FileUpload } from '@/components/FileUpload';
import { Alert, Badge, Button, Card, Grid, Group, List, Paper, Skeleton, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconInbox, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { AutosaveRestoreAlerts, AutosaveStatusLine } from '@/components/AutosaveState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { StaleChangeAlert } from '@/components/StaleChangeAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { UnitPriceEditor } from '@/components/UnitPriceEditor';
import { ApiError } from '@/lib/api/problem';
import { useAutosave } from '@/lib/autosave';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useVendorRfp, type VendorRfp } from '@/lib/api/vendor-rfp';
import { useMyProposal, useProposalActions, type Proposal, type ProposalContent } from './api';
import { NumberField } from '@/components/NumberField';
import { bounds } from '@/lib/bounds';
import { confirmAction } from '@/lib/confirm';

const writerRoles = ['owner', 'admin', 'sales'];
const statusColour: Record<string, string> = { draft: 'gray', submitted: 'teal', withdrawn: 'orange' };

/** The vendor's proposal to one RFP, in the RFP's structure: written as it types, submitted (and revised) before the deadline. */
export function ProposalRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('proposal.title'));
  return (
    <RequireOrganisationKind kind="vendor" icon={<IconInbox size={26} />} title={t('vendorRfp.notVendorTitle')} body={t('vendorRfp.notVendorBody')}>
      {(organisation) => <Loaded key={id} organisation={organisation} rfpId={id} />}
    </RequireOrganisationKind>
  );
}

function Loaded({ organisation, rfpId }: { organisation: MyOrganisation; rfpId: string }) {
  const { t } = useTranslation();
  const rfp = useVendorRfp(organisation.id, rfpId);
  const proposal = useMyProposal(organisation.id, rfpId);
  const actions = useProposalActions(organisation.id, rfpId);
  const billing = useVendorBilling(organisation.id);
  if (rfp.isPending || proposal.isPending) return <Skeleton height={400} aria-busy />;
  if (rfp.isError) return <ErrorAlert error={rfp.error} onRetry={() => void rfp.refetch()} />;
  if (proposal.isError) return <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (proposal.data === null) {
    const open = rfp.data.summary.status === 'published' && !!rfp.data.summary.proposalDeadline && new Date(rfp.data.summary.proposalDeadline) > new Date();
    const canWrite = writerRoles.includes(organisation.role);
    return (
      <Stack>
        {open && canWrite ? (
          <EmptyState
            icon={<IconFileText size={26} />}
            title={t('proposal.emptyTitle', { title: rfp.data.summary.title })}
            body={t(
              !billing.data ? 'proposal.emptyBodyLead' : billing.data.plan.answerLibrary ? 'proposal.emptyBodyWithAnswers' : 'proposal.emptyBodyFeesOnly',
            )}
            action={
              <Stack gap="xs">
                {billing.data && <QuotaLine quota={billing.data.quota} />}
                <Group>
                  <Button onClick={() => actions.start.mutate()} loading={actions.start.isPending}>
                    {t('proposal.start')}
                  </Button>
                </Group>
              </Stack>
            }
          />
        ) : (
          <EmptyState
            icon={<IconFileText size={26} />}
            title={t('proposal.emptyTitle', { title: rfp.data.summary.title })}
            body={open ? t('proposal.emptyReadOnly') : t('proposal.closedBody')}
            actionLabel={t('proposal.backToRfp')}
            actionTo={`/vendor/rfps/${rfpId}`}
          />
        )}
        {actions.start.isError && <ErrorAlert error={actions.start.error} />}
      </Stack>
    );
  }
  return <Editor organisation={organisation} rfp={rfp.data} proposal={proposal.data} actions={actions} />;
}

type Actions = ReturnType<typeof useProposalActions>;

type UnitPrice = NonNullable<NonNullable<ProposalContent['fees']>['unitPrices']>[number];
const filled = (value: unknown) => value !== null && value !== undefined && value !== '';
/** A per-unit price the Api can take: named, with every band's lower bound and price filled in. */
const unitPriceFilled = (u: UnitPrice) =>
  !!u.unit?.trim() && (u.bands ?? []).length > 0 && (u.bands ?? []).every((b) => filled(b.fromQuantity) && filled(b.priceYen));
const bandsFilled = (content: ProposalContent) => (content.fees?.unitPrices ?? []).every(unitPriceFilled);
/**
 * What of the working copy the server can hold now: a half-filled per-unit price is not a price list yet, so it stays
 * on this device (the local copy) until it is complete, and everything else is saved.
 */
const sendableProposal = (content: ProposalContent): ProposalContent =>
  bandsFilled(content) ? content : { ...content, fees: { ...content.fees, unitPrices: (content.fees?.unitPrices ?? []).filter(unitPriceFilled) } };

function Editor({ organisation, rfp, proposal, actions }: { organisation: MyOrganisation; rfp: VendorRfp; proposal: Proposal; actions: Actions }) {
  const { t } = useTranslation();
  const [content, setContent] = useState<ProposalContent>(proposal.content);
  const latest = useMyProposal(organisation.id, rfp.summary.rfpId); // the same cached proposal, to read it again after a refused save
  const canWrite = writerRoles.includes(organisation.role) && proposal.open;
  const editable = canWrite && proposal.status !== 'withdrawn';
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const complete = bandsFilled(content);
  // Saves as the vendor types, a moment after the last change; kept on this device until the server has it all.
  const autosave = useAutosave<ProposalContent>({
    storageKey: `proposal:${organisation.id}:${rfp.summary.rfpId}`,
    value: content,
    serverValue: proposal.content,
    serverUpdatedAt: proposal.updatedAt,
    enabled: editable,
    save: (value) => actions.save.mutateAsync(value),
    restore: setContent,
    sendable: sendableProposal,
  });
  const fieldSource = autosave.error ?? actions.submit.error;
  // The Api numbers per-unit prices as they were sent (half-filled ones stay on this device): back to the screen's rows.
  const sentRows = (content.fees?.unitPrices ?? []).flatMap((u, i) => (unitPriceFilled(u) ? [i] : []));
  const errors = Object.fromEntries(
    Object.entries(fieldSource instanceof ApiError ? fieldSource.fieldErrors() : {}).map(([field, message]) => [
      field.replace(/^fees\.unitPrices\[(\d+)\]/, (_, n: string) => `fees.unitPrices[${sentRows[Number(n)] ?? n}]`),
      message,
    ]),
  );

  const set = <K extends keyof ProposalContent>(key: K, value: ProposalContent[K]) => {
    autosave.touch();
    setContent((current) => ({ ...current, [key]: value }));
  };
  const fees = content.fees ?? {};
  const setFees = (change: Partial<NonNullable<ProposalContent['fees']>>) => set('fees', { ...fees, ...change });
  const exit = content.exit ?? {};
  const kpis = content.kpis ?? [];
  const answers = content.security ?? [];
  const setKpi = (metric: string, change: { committed?: number | string; note?: string | null }) => {
    const current = kpis.find((k) => k.metric === metric);
    const next = { metric, committed: current?.committed ?? 0, note: current?.note ?? null, ...change };
    set('kpis', current ? kpis.map((k) => (k.metric === metric ? next : k)) : [...kpis, next]);
  };
  const setAnswer = (code: string, answer: string) =>
    set('security', answers.some((a) => a.code === code) ? answers.map((a) => (a.code === code ? { code, answer } : a)) : [...answers, { code, answer }]);

  const cost = proposal.cost;
  const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">
          <Link to={`/vendor/rfps/${rfp.summary.rfpId}`}>{rfp.summary.title}</Link>
        </Text>
        <Group gap="xs">
          <Title order={2}>{t('proposal.title')}</Title>
          <Badge color={statusColour[proposal.status] ?? 'gray'} variant="light">
            {t(`proposal.status.${proposal.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('proposal.deadline', { deadline: dates.format(new Date(proposal.deadline)) })}
        </Text>
        {editable && <AutosaveStatusLine autosave={autosave} idleText={complete ? undefined : t('proposal.bandsIncomplete')} />}
        {editable && !complete && autosave.status !== 'idle' && (
          <Text size="xs" c="dimmed">
            {t('proposal.bandsIncomplete')}
          </Text>
        )}
      </div>
      {proposal.needsReconfirmation && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('proposal.reconfirmTitle', { version: Number(proposal.currentRfpVersion) })}>
          {t('proposal.reconfirmBody', { version: Number(proposal.rfpVersion) })}
        </Alert>
      )}
      <AutosaveRestoreAlerts
        autosave={autosave}
        onDiscard={() => {
          setContent(proposal.content);
          autosave.discard(proposal.updatedAt);
        }}
      />
      <StaleChangeAlert
        error={autosave.error ?? actions.submit.error}
        onKeepMine={() =>
          void latest.refetch().then(() => {
            actions.submit.reset();
            autosave.touch();
            autosave.retryNow();
          })
        }
        onReload={() =>
          void latest.refetch().then((fresh) => {
            if (!fresh.data) return;
            setContent(fresh.data.content);
            autosave.discard(fresh.data.updatedAt);
            actions.save.reset();
            actions.submit.reset();
          })
        }
      />
      {!proposal.open && (
        <Alert color="gray" icon={<IconLock size={18} />}>
          {t('proposal.closed')}
        </Alert>
      )}
      {proposal.status === 'withdrawn' && proposal.open && <Alert color="orange">{t('proposal.withdrawnNote')}</Alert>}
      <Alert color="blue" variant="light" icon={<IconLock size={18} />}>
        {t('proposal.sealedNote')}
      </Alert>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Section title={t('proposal.section.summary')}>
              <Textarea
                label={t('proposal.summary')}
                autosize
                minRows={3}
                value={content.summary ?? ''}
                readOnly={!editable}
                onChange={(e) => set('summary', e.currentTarget.value)}
                error={errors.summary}
              />
            </Section>
            <Section title={t('proposal.section.fees')}>
              <Group grow align="flex-start">
                <NumberField
                  label={t('proposal.initialYen')}
                  prefix="¥"
                  thousandSeparator=","
                  {...bounds.proposalYen}
                  readOnly={!editable}
                  value={fees.initialYen ?? 0}
                  onChange={(v) => setFees({ initialYen: v ?? 0 })}
                  error={errors['fees.initialYen']}
                />
                <NumberField
                  label={t('proposal.monthlyYen')}
                  prefix="¥"
                  thousandSeparator=","
                  {...bounds.proposalYen}
                  readOnly={!editable}
                  value={fees.monthlyYen ?? 0}
                  onChange={(v) => setFees({ monthlyYen: v ?? 0 })}
                  error={errors['fees.monthlyYen']}
                />
              </Group>
              <UnitPriceEditor
                priceBounds={bounds.proposalYen}
                value={fees.unitPrices ?? []}
                onChange={(v) => setFees({ unitPrices: v as NonNullable<typeof fees.unitPrices> })}
                errors={errors}
                errorPath="fees.unitPrices"
              />
              <TagsInput
                label={t('profile.extraChargeConditions')}
                description={t('profile.tagsHelp')}
                value={fees.extraChargeConditions ?? []}
                readOnly={!editable}
                onChange={(v) => setFees({ extraChargeConditions: v })}
                error={errors['fees.extraChargeConditions']}
              />
              <TagsInput
                label={t('profile.standardInclusions')}
                description={t('profile.tagsHelp')}
                value={fees.standardInclusions ?? []}
                readOnly={!editable}
                onChange={(v) => setFees({ standardInclusions: v })}
                error={errors['fees.standardInclusions']}
              />
            </Section>
            <Section title={t('proposal.section.kpis')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('proposal.kpiMetric')}</Table.Th>
                    <Table.Th>{t('proposal.kpiTarget')}</Table.Th>
                    <Table.Th>{t('proposal.kpiCommitted')}</Table.Th>
                    <Table.Th>{t('proposal.kpiNote')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(rfp.content.kpis ?? [])
                    .filter((target) => target.metric)
                    .map((target) => {
                      const mine = kpis.find((k) => k.metric === target.metric);
                      return (
                        <Table.Tr key={target.metric}>
                          <Table.Td>{target.metric}</Table.Td>
                          <Table.Td>
                            {Number(target.target)} {target.unit}（{t(`proposal.direction.${target.direction}`)}）
                          </Table.Td>
                          <Table.Td>
                            <NumberField
                              aria-label={t('proposal.kpiCommittedFor', { metric: target.metric })}
                              value={mine ? Number(mine.committed) : ''}
                              readOnly={!editable}
                              decimalScale={2}
                              w={120}
                              {...bounds.kpiTarget}
                              onChange={(v) => setKpi(target.metric!, { committed: v ?? 0 })}
                              error={errors[`kpi:${target.metric}`]}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t('proposal.kpiNoteFor', { metric: target.metric })}
                              value={mine?.note ?? ''}
                              readOnly={!editable}
                              onChange={(e) => setKpi(target.metric!, { note: e.currentTarget.value })}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('proposal.section.security')} lead={t('proposal.securityLead')}>
              {proposal.questionnaire.map((q) => (
                <Textarea
                  key={q.code}
                  label={q.question}
                  autosize
                  minRows={2}
                  readOnly={!editable}
                  error={errors[`security:${q.code}`]}
                  value={answers.find((a) => a.code === q.code)?.answer ?? ''}
                  onChange={(e) => setAnswer(q.code, e.currentTarget.value)}
                />
              ))}
            </Section>
            <Section title={t('proposal.section.delivery')}>
              <Textarea
                label={t('proposal.bcp')}
                description={rfp.content.bcpRequired ? t('proposal.bcpRequired') : undefined}
                autosize
                minRows={2}
                readOnly={!editable}
                value={content.bcp ?? ''}
                onChange={(e) => set('bcp', e.currentTarget.value)}
                error={errors.bcp}
              />
              <Textarea
                label={t('proposal.transitionPlan')}
                autosize
                minRows={2}
                readOnly={!editable}
                value={content.transitionPlan ?? ''}
                onChange={(e) => set('transitionPlan', e.currentTarget.value)}
                error={errors.transitionPlan}
              />
              <Textarea
                label={t('proposal.team')}
                autosize
                minRows={2}
                readOnly={!editable}
                value={content.team ?? ''}
                onChange={(e) => set('team', e.currentTarget.value)}
                error={errors.team}
              />
            </Section>
            <Section title={t('proposal.section.exit')} lead={t('proposal.exitLead')}>
              <Textarea
                label={t('proposal.manualHandover')}
                autosize
                minRows={2}
                readOnly={!editable}
                value={exit.manualHandover ?? ''}
                onChange={(e) => set('exit', { ...exit, manualHandover: e.currentTarget.value })}
                error={errors['exit.manualHandover'] ?? errors.exit}
              />
              <Textarea
                label={t('proposal.dataReturn')}
                autosize
                minRows={2}
                readOnly={!editable}
                value={exit.dataReturn ?? ''}
                onChange={(e) => set('exit', { ...exit, dataReturn: e.currentTarget.value })}
                error={errors['exit.dataReturn']}
              />
              <NumberField
                label={t('proposal.supportMonths')}
                {...bounds.supportMonths}
                w={220}
                readOnly={!editable}
                value={exit.supportMonths}
                onChange={(v) => set('exit', { ...exit, supportMonths: v })}
                error={errors['exit.supportMonths']}
              />
            </Section>
            <Section title={t('proposal.section.attachments')} lead={t('proposal.attachmentsLead')}>
              <AttachmentList
                items={proposal.content.attachments ?? []}
                empty={t('proposal.noAttachments')}
                downloadPath={(id) => `/api/v1/vendor/rfps/${rfp.summary.rfpId}/proposal/attachments/${id}`}
                onRemove={
                  editable
                    ? (a) =>
                        void confirmAction({ title: t('attachments.confirmRemove', { name: a.fileName }), confirmLabel: t('attachments.removeConfirm') }).then(
                          (yes) => yes && actions.detach.mutate(a.id),
                        )
                    : undefined
                }
              />
              {editable && (
                <FileUpload<Proposal>
                  path={`/api/v1/vendor/rfps/${rfp.summary.rfpId}/proposal/attachments`}
                  label={t('rfp.addAttachment')}
                  onUploaded={actions.attached}
                />
              )}
              {actions.detach.isError && <ErrorAlert error={actions.detach.error} />}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack style={{ position: 'sticky', top: 80 }}>
            <Card withBorder component="section" aria-labelledby="cost-heading">
              <Text fw={600} id="cost-heading">
                {t('proposal.costTitle', { months: Number(cost.months) })}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {t('proposal.costLead')}
              </Text>
              <Table>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{t('proposal.initialYen')}</Table.Td>
                    <Table.Td ta="right">{yen.format(Number(cost.initialYen))}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('proposal.monthlyTotal')}</Table.Td>
                    <Table.Td ta="right">{yen.format(Number(cost.monthlyFeesYen))}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('proposal.perUnitTotal')}</Table.Td>
                    <Table.Td ta="right">{yen.format(Number(cost.perUnitYen))}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td fw={700}>{t('proposal.total')}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {yen.format(Number(cost.totalYen))}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td c="dimmed">{t('proposal.sensitivity')}</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {yen.format(Number(proposal.sensitivity.volumeMinus20Yen))}〜{yen.format(Number(proposal.sensitivity.volumePlus20Yen))}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              {cost.unpriced.length > 0 && (
                <Text size="sm" c="orange" mt="xs">
                  {t('proposal.unpriced', { items: cost.unpriced.map((v) => `${v.item}（${v.unit}）`).join('、') })}
                </Text>
              )}
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {proposal.missing.length > 0 ? t('proposal.missingTitle', { count: proposal.missing.length }) : t('proposal.readyTitle')}
              </Text>
              {proposal.missing.length > 0 && (
                <List size="sm" spacing={2}>
                  {proposal.missing.map((m) => (
                    <List.Item key={m.code}>{m.label}</List.Item>
                  ))}
                </List>
              )}
              {canWrite && (
                <Stack gap="xs" mt="sm">
                  {proposal.status !== 'withdrawn' && (
                    <Button
                      disabled={!complete}
                      loading={actions.submit.isPending || actions.save.isPending}
                      onClick={() => void autosave.flush().then((saved) => saved && actions.submit.mutate())}
                    >
                      {proposal.status === 'submitted'
                        ? proposal.needsReconfirmation
                          ? t('proposal.reconfirm')
                          : t('proposal.resubmit')
                        : t('proposal.submit')}
                    </Button>
                  )}
                  {proposal.status === 'submitted' && (
                    <Button
                      variant="subtle"
                      color="red"
                      loading={actions.withdraw.isPending}
                      onClick={() =>
                        void confirmAction({
                          title: t('proposal.confirmWithdrawTitle'),
                          body: t('proposal.confirmWithdraw'),
                          confirmLabel: t('proposal.withdraw'),
                        }).then((yes) => yes && actions.withdraw.mutate())
                      }
                    >
                      {t('proposal.withdraw')}
                    </Button>
                  )}
                  {proposal.status === 'withdrawn' && (
                    <Button variant="light" loading={actions.reopen.isPending} onClick={() => actions.reopen.mutate()}>
                      {t('proposal.reopen')}
                    </Button>
                  )}
                  {actions.submit.isSuccess && (
                    <Text size="sm" c="teal" role="status">
                      {t('proposal.submitted')}
                    </Text>
                  )}
                  {[actions.submit, actions.withdraw, actions.reopen].map((a, i) =>
                    a.isError && !(a.error instanceof ApiError && a.error.status === 400) ? <ErrorAlert key={i} error={a.error} /> : null,
                  )}
                  {actions.submit.isError && actions.submit.error instanceof ApiError && actions.submit.error.status === 400 && (
                    <Text size="sm" c="red" role="alert">
                      {t('proposal.fixMissing')}
                    </Text>
                  )}
                  {actions.submit.isError && actions.submit.error instanceof ApiError && actions.submit.error.status === 402 && (
                    <Button component={Link} to="/vendor/billing" variant="light" size="xs">
                      {t('billing.seePlans')}
                    </Button>
                  )}
                </Stack>
              )}
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('proposal.versionsTitle')}
              </Text>
              {proposal.history.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('proposal.noVersions')}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {proposal.history.map((e) => (
                    <List.Item key={`${e.kind}-${e.at}`} c={e.kind === 'withdrawn' ? 'orange' : undefined}>
                      {e.kind === 'submitted'
                        ? t('proposal.versionLine', { number: Number(e.number), rfpVersion: Number(e.rfpVersion), at: dates.format(new Date(e.at)) })
                        : t(e.kind === 'withdrawn' ? 'proposal.withdrawnLine' : 'proposal.reopenedLine', { at: dates.format(new Date(e.at)) })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Section({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          {lead && (
            <Text size="sm" c="dimmed">
              {lead}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
