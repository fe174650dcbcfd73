import {
  Accordion,
  ActionIcon,
  Alert,
  Badge,
  Blockquote,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconFileText, IconPlus, IconSend, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TFunction } from 'i18next';
import { useNavigate, useParams } from 'react-router';
import { AutosaveRestoreAlerts, AutosaveStatusLine } from '@/components/AutosaveState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { StaleChangeAlert } from '@/components/StaleChangeAlert';
import { RfpDocument } from '@/components/RfpDocument';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { useCatalogue } from '@/lib/api/catalogue';
import { useVocabulary } from '@/lib/api/vocabulary';
import { ApiError } from '@/lib/api/problem';
import { useAutosave } from '@/lib/autosave';
import { type MyOrganisation } from '@/lib/auth/me';
import { currentLanguage, formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { ActivityPanel } from './ActivityPanel';
import { AttachmentsSection } from './AttachmentsSection';
import { useRfp, useRfpAction, useRfpParticipationActions, useRfpTemplateActions, useRfpVocabulary, useSaveRfp, type Rfp, type RfpContent } from './api';
import { MatchesPanel } from './MatchesPanel';
import { rfpEditorRoles, statusColour } from './RfpListRoute';
import { NumberField } from '@/components/NumberField';
import { bounds } from '@/lib/bounds';
import { Dialog } from '@/components/Dialog';
import { confirmAction } from '@/lib/confirm';

/** The builder's sections, in order. */
type Section =
  'basics' | 'current' | 'scope' | 'kpis' | 'communication' | 'transition' | 'security' | 'terms' | 'deadlines' | 'evaluation' | 'readiness' | 'attachments';
/** Which section holds each field the Api names in a problem. */
const sectionOf: Record<string, Section> = {
  title: 'basics',
  purpose: 'basics',
  background: 'basics',
  serviceIds: 'basics',
  currentState: 'current',
  currentVolumes: 'current',
  scopeIn: 'scope',
  scopeOut: 'scope',
  responsibilityBoundary: 'scope',
  kpis: 'kpis',
  communication: 'communication',
  transitionStart: 'transition',
  parallelRunWeeks: 'transition',
  transitionPlan: 'transition',
  requiredCertifications: 'security',
  securityRequirements: 'security',
  contractTermMonths: 'terms',
  budgetMinYen: 'terms',
  budgetMaxYen: 'terms',
  expectedVolumes: 'terms',
  questionDeadline: 'deadlines',
  proposalDeadline: 'deadlines',
  visibility: 'deadlines',
  evaluationAxes: 'evaluation',
  readinessDone: 'readiness',
};
const certificationCodes = ['isms', 'pmark', 'iso9001', 'soc2', 'other'] as const;

/** The API types numbers as number | string (it also reads numbers written as strings); the form keeps numbers. */
const num = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
/** <input type="datetime-local"> works in the browser's time zone, without one in the value. */
const toLocalInput = (iso?: string | null) => {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);
/** 72 hours read as "3 日", 36 as "36 時間". */
const periodText = (t: TFunction, hours: number) => (hours % 24 === 0 ? t('rfp.periodDays', { count: hours / 24 }) : t('rfp.periodHours', { count: hours }));

export function RfpBuilderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('rfp.builderTitle'));
  return (
    <RequireOrganisationKind kind="client" icon={<IconFileText size={26} />} title={t('rfp.notClientTitle')} body={t('rfp.notClientBody')}>
      {(organisation) => <LoadedBuilder key={id} organisation={organisation} id={id} />}
    </RequireOrganisationKind>
  );
}

function LoadedBuilder({ organisation, id }: { organisation: MyOrganisation; id: string }) {
  const rfp = useRfp(organisation.id, id);
  if (rfp.isPending) return <Skeleton height={400} aria-busy />;
  if (rfp.isError) return <ErrorAlert error={rfp.error} onRetry={() => void rfp.refetch()} />;
  return <Builder organisation={organisation} rfp={rfp.data} />;
}

function Builder({ organisation, rfp }: { organisation: MyOrganisation; rfp: Rfp }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRfp(organisation.id, rfp.id);
  const latest = useRfp(organisation.id, rfp.id); // the same cached RFP, to read it again after a refused save
  const actions = useRfpAction(organisation.id, rfp.id);
  const vocabulary = useRfpVocabulary(currentLanguage());
  const catalogue = useCatalogue();
  const vendorVocabulary = useVocabulary();
  const participation = useRfpParticipationActions(organisation.id, rfp.id);
  const canEdit = rfpEditorRoles.includes(organisation.role);
  // A published RFP changes only by an addendum: edited here, published as the next version (never autosaved).
  const [amending, setAmending] = useState(false);
  const [amendDialog, setAmendDialog] = useState(false);
  const [templateDialog, setTemplateDialog] = useState(false);
  const editable = (rfp.status === 'draft' && canEdit) || amending;
  const [content, setContent] = useState<RfpContent>(rfp.content);
  const [open, setOpen] = useState<string[]>(['basics']);
  const [publishing, setPublishing] = useState(false);
  // After publishing, focus goes to the result, so that a screen reader hears it and the keyboard starts from there.
  const [published, setPublished] = useState(false);
  const publishedNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (published && rfp.status === 'published') publishedNotice.current?.focus();
  }, [published, rfp.status]);
  const [cancelling, setCancelling] = useState(false);
  // After an addendum: the deadlines the Api moved later to leave the vendors time (null when none moved).
  const [extended, setExtended] = useState<{ proposal: string | null; question: string | null } | null>(null);
  const dateTimeFormat = formatDates({ dateStyle: 'medium', timeStyle: 'short' });

  // Saves as the user types: the whole draft, a moment after the last change, kept on this device until saved.
  const autosave = useAutosave<RfpContent>({
    storageKey: `rfp:${organisation.id}:${rfp.id}`,
    value: content,
    serverValue: rfp.content,
    serverUpdatedAt: rfp.updatedAt,
    enabled: editable && !amending && rfp.status === 'draft',
    save: (value) => save.mutateAsync(value),
    restore: setContent,
  });
  const fieldSource = amending ? participation.addendum.error : autosave.error;
  const errors = fieldSource instanceof ApiError ? fieldSource.fieldErrors() : {};

  const set = <K extends keyof RfpContent>(key: K, value: RfpContent[K]) => {
    autosave.touch();
    setContent((current) => ({ ...current, [key]: value }));
  };
  const show = (field: string) => {
    const section = sectionOf[field.split(/[.[]/)[0] ?? field]; // "kpis[1].target" is in the KPI section
    if (section && !open.includes(section)) setOpen([...open, section]);
  };
  const services = (catalogue.data ?? []).map((type) => ({ group: type.code, items: type.services.map((s) => ({ value: s.id, label: s.nameJa })) }));
  const axes = content.evaluationAxes ?? [];
  const weightTotal = axes.reduce((sum, a) => sum + Number(a.weight), 0);

  const sectionTitle = (section: Section) => t(`rfp.section.${section}`);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{content.title || t('rfp.untitled')}</Title>
            <Badge color={statusColour[rfp.status] ?? 'gray'} variant="light">
              {t(`rfp.status.${rfp.status}`)}
            </Badge>
          </Group>
          {editable && !amending ? (
            <AutosaveStatusLine autosave={autosave} />
          ) : (
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {amending
                ? t('rfp.amendingNote', { version: Number(rfp.version) + 1 })
                : rfp.status === 'draft'
                  ? t('rfp.readOnly')
                  : t('rfp.publishedNote', { version: Number(rfp.version) })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {rfpEditorRoles.includes(organisation.role) && (
            <Button
              variant="default"
              leftSection={<IconCopy size={16} />}
              loading={actions.copy.isPending}
              onClick={() => actions.copy.mutate(undefined, { onSuccess: (copy) => void navigate(`/client/rfps/${copy.id}`) })}
            >
              {t('rfp.copy')}
            </Button>
          )}
          {editable && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() =>
                void confirmAction({ title: t('rfp.confirmDelete'), confirmLabel: t('rfp.delete') }).then(
                  (yes) => yes && actions.remove.mutate(undefined, { onSuccess: () => void navigate('/client/rfps') }),
                )
              }
            >
              {t('rfp.delete')}
            </Button>
          )}
          {canEdit && !amending && (
            <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setTemplateDialog(true)}>
              {t('rfp.saveTemplate')}
            </Button>
          )}
          {canEdit && rfp.status === 'published' && !amending && (
            <Button
              variant="default"
              onClick={() => {
                setContent(rfp.content);
                setExtended(null);
                setPublished(false);
                setAmending(true);
              }}
            >
              {t('rfp.amend')}
            </Button>
          )}
          {amending && (
            <>
              <Button
                variant="subtle"
                onClick={() => {
                  setContent(rfp.content);
                  participation.addendum.reset();
                  setAmending(false);
                }}
              >
                {t('rfp.amendCancel')}
              </Button>
              <Button leftSection={<IconSend size={16} />} onClick={() => setAmendDialog(true)}>
                {t('rfp.amendPublish')}
              </Button>
            </>
          )}
          {canEdit && !amending && ['published', 'closed', 'evaluating'].includes(rfp.status) && (
            <Button variant="light" color="red" onClick={() => setCancelling(true)}>
              {t('rfp.cancel')}
            </Button>
          )}
          {editable && (
            <Button leftSection={<IconSend size={16} />} onClick={() => setPublishing(true)}>
              {t('rfp.publish')}
            </Button>
          )}
        </Group>
      </Group>
      {published && rfp.status === 'published' && (
        <Alert
          ref={publishedNotice}
          tabIndex={-1}
          color="teal"
          title={t('rfp.publishedTitle', { version: Number(rfp.version) })}
          role="status"
          withCloseButton
          closeButtonLabel={t('autosave.dismiss')}
          onClose={() => setPublished(false)}
        >
          {t('rfp.publishedBody')}
        </Alert>
      )}
      {rfp.cancellationReason && (
        <Alert color="red" title={t('rfp.cancelledTitle')}>
          {rfp.cancellationReason}
        </Alert>
      )}
      {(actions.copy.isError || actions.remove.isError) && <ErrorAlert error={actions.copy.error ?? actions.remove.error} />}
      <AutosaveRestoreAlerts
        autosave={autosave}
        onDiscard={() => {
          setContent(rfp.content);
          autosave.discard(rfp.updatedAt);
        }}
      />
      <StaleChangeAlert
        error={autosave.error}
        onKeepMine={() =>
          void latest.refetch().then(() => {
            autosave.touch();
            autosave.retryNow();
          })
        }
        onReload={() =>
          void latest.refetch().then((fresh) => {
            if (!fresh.data) return;
            setContent(fresh.data.content);
            autosave.discard(fresh.data.updatedAt);
            save.reset();
          })
        }
      />
      {extended && (
        <Alert color="blue" title={t('rfp.deadlinesExtendedTitle')} withCloseButton onClose={() => setExtended(null)} role="status">
          {[
            extended.proposal && t('rfp.proposalDeadlineExtended', { deadline: dateTimeFormat.format(new Date(extended.proposal)) }),
            extended.question && t('rfp.questionDeadlineExtended', { deadline: dateTimeFormat.format(new Date(extended.question)) }),
          ]
            .filter(Boolean)
            .join(' ')}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {!editable ? (
            // Published (and not being changed), or a colleague who may not edit: the RFP reads as a document.
            <Stack>
              <RfpDocument
                content={rfp.content}
                label={t('rfp.documentLabel')}
                weights={(rfp.content.evaluationAxes ?? []).map((a) => ({
                  code: a.code,
                  weight: a.weight,
                  label: vocabulary.data?.axes.find((x) => x.code === a.code)?.label ?? a.code,
                }))}
              />
              <Paper withBorder p="md" component="section" aria-label={sectionTitle('attachments')}>
                <Title order={3} size="h5" mb="xs">
                  {sectionTitle('attachments')}
                </Title>
                <AttachmentsSection organisationId={organisation.id} rfpId={rfp.id} editable={false} />
              </Paper>
            </Stack>
          ) : (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Accordion multiple value={open} onChange={setOpen} variant="separated">
                <Accordion.Item value="basics">
                  <Accordion.Control>{sectionTitle('basics')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <TextInput
                        label={t('rfp.field.title')}
                        value={content.title ?? ''}
                        onChange={(e) => set('title', e.currentTarget.value)}
                        error={errors.title}
                      />
                      <Textarea
                        label={t('rfp.field.purpose')}
                        description={t('rfp.hint.purpose')}
                        autosize
                        minRows={2}
                        value={content.purpose ?? ''}
                        onChange={(e) => set('purpose', e.currentTarget.value)}
                        error={errors.purpose}
                      />
                      <Textarea
                        label={t('rfp.field.background')}
                        autosize
                        minRows={2}
                        value={content.background ?? ''}
                        onChange={(e) => set('background', e.currentTarget.value)}
                      />
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <TextInput
                          label={t('rfp.field.clientIndustry')}
                          description={t('rfp.hint.clientIndustry')}
                          value={content.clientIndustry ?? ''}
                          onChange={(e) => set('clientIndustry', e.currentTarget.value || null)}
                          error={errors.clientIndustry}
                        />
                        <Select
                          label={t('rfp.field.clientSize')}
                          description={t('rfp.hint.clientSize')}
                          clearable
                          value={content.clientSize ?? null}
                          data={(vendorVocabulary.data?.clientSizes ?? []).map((c) => ({
                            value: c.code,
                            label: currentLanguage() === 'en' ? c.nameEn : c.nameJa,
                          }))}
                          onChange={(v) => set('clientSize', v)}
                          error={errors.clientSize}
                        />
                      </SimpleGrid>
                      <MultiSelect
                        label={t('rfp.field.serviceIds')}
                        data={services}
                        value={content.serviceIds ?? []}
                        onChange={(v) => set('serviceIds', v)}
                        error={errors.serviceIds}
                        searchable
                        disabled={!editable}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="current">
                  <Accordion.Control>{sectionTitle('current')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <Textarea
                        label={t('rfp.field.currentState')}
                        description={t('rfp.hint.currentState')}
                        autosize
                        minRows={3}
                        value={content.currentState ?? ''}
                        onChange={(e) => set('currentState', e.currentTarget.value)}
                        error={errors.currentState}
                      />
                      <VolumeEditor
                        label={t('rfp.field.currentVolumes')}
                        value={content.currentVolumes ?? []}
                        path="currentVolumes"
                        onChange={(v) => set('currentVolumes', v)}
                        errors={errors}
                        editable={editable}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="scope">
                  <Accordion.Control>{sectionTitle('scope')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <TagsInput
                        label={t('rfp.field.scopeIn')}
                        description={t('rfp.hint.list')}
                        value={content.scopeIn ?? []}
                        onChange={(v) => set('scopeIn', v)}
                        error={errors.scopeIn}
                        disabled={!editable}
                      />
                      <TagsInput
                        label={t('rfp.field.scopeOut')}
                        description={t('rfp.hint.list')}
                        value={content.scopeOut ?? []}
                        onChange={(v) => set('scopeOut', v)}
                        error={errors.scopeOut}
                        disabled={!editable}
                      />
                      <Textarea
                        label={t('rfp.field.responsibilityBoundary')}
                        autosize
                        minRows={2}
                        value={content.responsibilityBoundary ?? ''}
                        onChange={(e) => set('responsibilityBoundary', e.currentTarget.value)}
                        error={errors.responsibilityBoundary}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="kpis">
                  <Accordion.Control>{sectionTitle('kpis')}</Accordion.Control>
                  <Accordion.Panel>
                    <KpiEditor value={content.kpis ?? []} onChange={(v) => set('kpis', v)} errors={errors} editable={editable} />
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="communication">
                  <Accordion.Control>{sectionTitle('communication')}</Accordion.Control>
                  <Accordion.Panel>
                    <Textarea
                      label={t('rfp.field.communication')}
                      description={t('rfp.hint.communication')}
                      autosize
                      minRows={3}
                      value={content.communication ?? ''}
                      onChange={(e) => set('communication', e.currentTarget.value)}
                      error={errors.communication}
                    />
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="transition">
                  <Accordion.Control>{sectionTitle('transition')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <TextInput
                          type="date"
                          label={t('rfp.field.transitionStart')}
                          value={content.transitionStart ?? ''}
                          onChange={(e) => set('transitionStart', e.currentTarget.value || null)}
                          error={errors.transitionStart}
                        />
                        <NumberField
                          label={t('rfp.field.parallelRunWeeks')}
                          {...bounds.parallelRunWeeks}
                          value={num(content.parallelRunWeeks)}
                          onChange={(v) => set('parallelRunWeeks', v)}
                          error={errors.parallelRunWeeks}
                        />
                      </SimpleGrid>
                      <Textarea
                        label={t('rfp.field.transitionPlan')}
                        autosize
                        minRows={2}
                        value={content.transitionPlan ?? ''}
                        onChange={(e) => set('transitionPlan', e.currentTarget.value)}
                        error={errors.transitionPlan}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="security">
                  <Accordion.Control>{sectionTitle('security')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <Checkbox.Group
                        label={t('rfp.field.requiredCertifications')}
                        value={content.requiredCertifications ?? []}
                        onChange={(v) => set('requiredCertifications', v)}
                        error={errors.requiredCertifications}
                      >
                        <Group mt="xs">
                          {certificationCodes.map((code) => (
                            <Checkbox key={code} value={code} label={t(`certifications.types.${code}`)} />
                          ))}
                        </Group>
                      </Checkbox.Group>
                      <Switch
                        label={t('rfp.field.certificationsValidThroughContractEnd')}
                        checked={content.certificationsValidThroughContractEnd ?? false}
                        onChange={(e) => set('certificationsValidThroughContractEnd', e.currentTarget.checked)}
                      />
                      <Switch
                        label={t('rfp.field.bcpRequired')}
                        checked={content.bcpRequired ?? false}
                        onChange={(e) => set('bcpRequired', e.currentTarget.checked)}
                      />
                      <Textarea
                        label={t('rfp.field.securityRequirements')}
                        description={t('rfp.hint.security')}
                        autosize
                        minRows={2}
                        value={content.securityRequirements ?? ''}
                        onChange={(e) => set('securityRequirements', e.currentTarget.value)}
                        error={errors.securityRequirements}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="terms">
                  <Accordion.Control>{sectionTitle('terms')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <SimpleGrid cols={{ base: 1, sm: 3 }}>
                        <NumberField
                          label={t('rfp.field.contractTermMonths')}
                          {...bounds.contractTermMonths}
                          value={num(content.contractTermMonths)}
                          onChange={(v) => set('contractTermMonths', v)}
                          error={errors.contractTermMonths}
                        />
                        <NumberField
                          label={t('rfp.field.budgetMinYen')}
                          {...bounds.budgetYen}
                          thousandSeparator=","
                          prefix="¥"
                          value={num(content.budgetMinYen)}
                          onChange={(v) => set('budgetMinYen', v)}
                          error={errors.budgetMinYen}
                        />
                        <NumberField
                          label={t('rfp.field.budgetMaxYen')}
                          {...bounds.budgetYen}
                          thousandSeparator=","
                          prefix="¥"
                          value={num(content.budgetMaxYen)}
                          onChange={(v) => set('budgetMaxYen', v)}
                          error={errors.budgetMaxYen}
                        />
                      </SimpleGrid>
                      <Text size="xs" c="dimmed">
                        {t('rfp.hint.yen')}
                      </Text>
                      <VolumeEditor
                        label={t('rfp.field.expectedVolumes')}
                        value={content.expectedVolumes ?? []}
                        path="expectedVolumes"
                        onChange={(v) => set('expectedVolumes', v)}
                        errors={errors}
                        editable={editable}
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="deadlines">
                  <Accordion.Control>{sectionTitle('deadlines')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <TextInput
                          type="datetime-local"
                          label={t('rfp.field.questionDeadline')}
                          value={toLocalInput(content.questionDeadline)}
                          min={amending ? toLocalInput(rfp.content.questionDeadline) : undefined}
                          onChange={(e) => set('questionDeadline', fromLocalInput(e.currentTarget.value))}
                          error={errors.questionDeadline}
                        />
                        <TextInput
                          type="datetime-local"
                          label={t('rfp.field.proposalDeadline')}
                          value={toLocalInput(content.proposalDeadline)}
                          min={amending ? toLocalInput(rfp.content.proposalDeadline) : undefined}
                          onChange={(e) => set('proposalDeadline', fromLocalInput(e.currentTarget.value))}
                          error={errors.proposalDeadline}
                        />
                      </SimpleGrid>
                      {amending && vocabulary.data && (
                        <Text size="sm" c="dimmed">
                          {t('rfp.deadlinesOnlyLater', {
                            proposal: periodText(t, Number(vocabulary.data.addendumMinimumProposalHours)),
                            question: periodText(t, Number(vocabulary.data.addendumMinimumQuestionHours)),
                          })}
                        </Text>
                      )}
                      <Radio.Group
                        label={t('rfp.field.visibility')}
                        value={content.visibility ?? 'public'}
                        onChange={(v) => set('visibility', v)}
                        error={errors.visibility}
                      >
                        <Stack gap="xs" mt="xs">
                          <Radio value="public" label={t('rfp.visibility.public')} />
                          <Radio value="invited" label={t('rfp.visibility.invited')} />
                        </Stack>
                      </Radio.Group>
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="evaluation">
                  <Accordion.Control>{sectionTitle('evaluation')}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack>
                      <SimpleGrid cols={{ base: 2, sm: 4 }}>
                        {axes.map((axis, i) => (
                          <NumberField
                            key={axis.code}
                            label={vocabulary.data?.axes.find((a) => a.code === axis.code)?.label ?? axis.code}
                            {...bounds.axisWeight}
                            suffix="%"
                            value={Number(axis.weight)}
                            onChange={(v) =>
                              set(
                                'evaluationAxes',
                                axes.map((a, j) => (j === i ? { ...a, weight: v ?? 0 } : a)),
                              )
                            }
                          />
                        ))}
                      </SimpleGrid>
                      <Text size="sm" c={weightTotal === 100 ? 'teal' : 'red'} fw={600}>
                        {t('rfp.weightTotal', { total: weightTotal })}
                      </Text>
                      {errors.evaluationAxes && (
                        <Text size="sm" c="red">
                          {errors.evaluationAxes}
                        </Text>
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="readiness">
                  <Accordion.Control>
                    {sectionTitle('readiness')} ({t('rfp.readinessOpen', { count: 20 - (content.readinessDone?.length ?? 0) })})
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Checkbox.Group value={content.readinessDone ?? []} onChange={(v) => set('readinessDone', v)} label={t('rfp.readinessLead')}>
                      <Stack gap={6} mt="xs">
                        {(vocabulary.data?.readiness ?? []).map((item) => (
                          <Checkbox key={item.code} value={item.code} label={item.label} />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="attachments">
                  <Accordion.Control>{sectionTitle('attachments')}</Accordion.Control>
                  <Accordion.Panel>
                    <AttachmentsSection organisationId={organisation.id} rfpId={rfp.id} editable={rfp.status === 'draft' && canEdit} />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            </fieldset>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Beside the form while scrolling: the author sees a problem clear as they type. */}
          {/* Sticky only while drafting (then it is short); a published RFP's panels are longer than the screen. */}
          <Stack style={rfp.status === 'draft' || amending ? { position: 'sticky', top: 72 } : undefined}>
            {rfp.status !== 'draft' && <ActivityPanel organisationId={organisation.id} rfpId={rfp.id} canAnswer={canEdit && rfp.status === 'published'} />}
            {rfp.status !== 'draft' && <MatchesPanel organisationId={organisation.id} rfpId={rfp.id} canInvite={canEdit && rfp.status === 'published'} />}
            <ChecksPanel rfp={rfp} onShow={show} />
          </Stack>
        </Grid.Col>
      </Grid>
      {publishing && (
        <PublishDialog
          organisationId={organisation.id}
          rfp={rfp}
          pendingSave={autosave.unsaved}
          onShow={show}
          onClose={() => setPublishing(false)}
          onPublished={() => setPublished(true)}
        />
      )}
      {templateDialog && (
        <TemplateDialog organisationId={organisation.id} rfpId={rfp.id} defaultName={content.title ?? ''} onClose={() => setTemplateDialog(false)} />
      )}
      {amendDialog && (
        <AddendumDialog
          organisationId={organisation.id}
          rfpId={rfp.id}
          content={content}
          onShow={show}
          onClose={(published) => {
            setAmendDialog(false);
            if (!published) return;
            setAmending(false);
            const moved = (sent?: string | null, stands?: string | null) => (sent && stands && new Date(stands) > new Date(sent) ? stands : null);
            const proposal = moved(content.proposalDeadline, published.content.proposalDeadline);
            const question = moved(content.questionDeadline, published.content.questionDeadline);
            setExtended(proposal || question ? { proposal, question } : null);
            setContent(published.content);
          }}
        />
      )}
      {cancelling && <CancelDialog organisationId={organisation.id} rfpId={rfp.id} onClose={() => setCancelling(false)} />}
    </Stack>
  );
}

/** Rows may stay half filled in a draft: an empty number is sent as null, and publishing lists what is missing. */
function VolumeEditor({
  label,
  path,
  value,
  onChange,
  errors,
  editable,
}: {
  label: string;
  path: 'currentVolumes' | 'expectedVolumes';
  value: NonNullable<RfpContent['expectedVolumes']>;
  onChange: (v: NonNullable<RfpContent['expectedVolumes']>) => void;
  errors: Record<string, string>;
  editable: boolean;
}) {
  const error = errors[path];
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.map((row, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('rfp.volume.item')}
            value={row.item ?? ''}
            error={errors[`${path}[${i}].item`]}
            onChange={(e) => onChange(value.map((r, j) => (j === i ? { ...r, item: e.currentTarget.value } : r)))}
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('rfp.volume.unit')}
            value={row.unit ?? ''}
            error={errors[`${path}[${i}].unit`]}
            onChange={(e) => onChange(value.map((r, j) => (j === i ? { ...r, unit: e.currentTarget.value } : r)))}
            style={{ flex: 1 }}
          />
          <NumberField
            label={t('rfp.volume.monthlyQuantity')}
            {...bounds.monthlyQuantity}
            thousandSeparator=","
            value={num(row.monthlyQuantity)}
            error={errors[`${path}[${i}].monthlyQuantity`]}
            onChange={(v) => onChange(value.map((r, j) => (j === i ? { ...r, monthlyQuantity: v } : r)))}
            style={{ flex: 1 }}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('rfp.removeRow', { n: i + 1 })}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {editable && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, { item: '', unit: t('rfp.volume.defaultUnit'), monthlyQuantity: null }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('rfp.volume.add')}
        </Button>
      )}
    </Stack>
  );
}

/** A KPI row may stay half filled in a draft; publishing lists what is missing. */
function KpiEditor({
  value,
  onChange,
  errors,
  editable,
}: {
  value: NonNullable<RfpContent['kpis']>;
  onChange: (v: NonNullable<RfpContent['kpis']>) => void;
  errors: Record<string, string>;
  editable: boolean;
}) {
  const error = errors.kpis;
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<(typeof value)[number]>) => onChange(value.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('rfp.hint.kpis')}
      </Text>
      {value.map((kpi, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('rfp.kpi.metric')}
            value={kpi.metric ?? ''}
            error={errors[`kpis[${i}].metric`]}
            onChange={(e) => update(i, { metric: e.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('rfp.kpi.unit')}
            value={kpi.unit ?? ''}
            error={errors[`kpis[${i}].unit`]}
            onChange={(e) => update(i, { unit: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <NumberField
            label={t('rfp.kpi.target')}
            value={num(kpi.target)}
            decimalScale={2}
            {...bounds.kpiTarget}
            error={errors[`kpis[${i}].target`]}
            onChange={(v) => update(i, { target: v })}
            style={{ flex: 1 }}
          />
          <Select
            label={t('rfp.kpi.direction')}
            value={kpi.direction ?? null}
            allowDeselect={false}
            style={{ flex: 1 }}
            error={errors[`kpis[${i}].direction`]}
            data={[
              { value: 'higher', label: t('rfp.kpi.higher') },
              { value: 'lower', label: t('rfp.kpi.lower') },
            ]}
            onChange={(v) => v && update(i, { direction: v })}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('rfp.removeRow', { n: i + 1 })}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {editable && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...value, { metric: '', unit: '%', target: null, direction: null }])}
        >
          {t('rfp.kpi.add')}
        </Button>
      )}
    </Stack>
  );
}

/** What stops publishing and the disguised-contracting findings, kept beside the form as it is saved. */
function ChecksPanel({ rfp, onShow }: { rfp: Rfp; onShow: (field: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {rfp.status === 'draft' && (
        <Paper withBorder p="md" component="section" aria-labelledby="problems-heading">
          <Title order={3} size="h4" id="problems-heading" mb="xs">
            {t('rfp.problemsTitle')}
          </Title>
          {rfp.problems.length === 0 ? (
            <Text size="sm" c="teal">
              {t('rfp.noProblems')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {rfp.problems.map((p, i) => (
                <List.Item key={`${p.field}-${i}`}>
                  <Button
                    variant="transparent"
                    size="compact-sm"
                    px={0}
                    onClick={() => onShow(p.field)}
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                  >
                    {p.message}
                  </Button>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="findings-heading">
        <Title order={3} size="h4" id="findings-heading" mb="xs">
          {t('rfp.findingsTitle')}
        </Title>
        {rfp.findings.length === 0 ? (
          <Text size="sm" c="teal">
            {t('rfp.noFindings')}
          </Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{t('rfp.findingsLead')}</Text>
            {rfp.findings.map((f, i) => (
              <Alert key={`${f.ruleCode}-${i}`} color="orange" icon={<IconAlertTriangle aria-hidden />} title={t(`rfp.rule.${f.ruleCode}`)}>
                <Blockquote p="xs" my="xs" color="orange">
                  {f.sentence}
                </Blockquote>
                <Text size="sm">{f.reason}</Text>
                <Text size="sm" mt={4}>
                  <strong>{t('rfp.suggestion')}</strong>
                  {f.suggestion}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('rfp.criterion', { criterion: f.criterion })}
                </Text>
              </Alert>
            ))}
          </Stack>
        )}
      </Paper>
    </>
  );
}

function PublishDialog({
  organisationId,
  rfp,
  pendingSave,
  onShow,
  onClose,
  onPublished,
}: {
  organisationId: string;
  rfp: Rfp;
  pendingSave: boolean;
  onShow: (field: string) => void;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const { publish } = useRfpAction(organisationId, rfp.id);
  const [acknowledged, setAcknowledged] = useState(false);
  const serverErrors = publish.error instanceof ApiError ? Object.values(publish.error.fieldErrors()) : [];
  const blocked = rfp.problems.length > 0;
  return (
    <Dialog opened onClose={onClose} title={t('rfp.publishTitle')} size="lg">
      <Stack>
        {pendingSave && (
          <Text size="sm" c="dimmed">
            {t('rfp.savingFirst')}
          </Text>
        )}
        {blocked ? (
          <Alert color="red" title={t('rfp.cannotPublish')}>
            <List size="sm">
              {rfp.problems.map((p, i) => (
                <List.Item key={i}>
                  <Button
                    variant="transparent"
                    size="compact-sm"
                    px={0}
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                    onClick={() => {
                      onShow(p.field);
                      onClose();
                    }}
                  >
                    {p.message}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm">{t('rfp.publishLead', { visibility: t(`rfp.visibility.${rfp.content.visibility ?? 'public'}`) })}</Text>
        )}
        {!blocked && rfp.findings.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('rfp.findingsOpen', { count: rfp.findings.length })}>
            <Checkbox mt="xs" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} label={t('rfp.acknowledge')} />
          </Alert>
        )}
        {serverErrors.length > 0 && (
          <Alert color="red" role="alert">
            {serverErrors.join(' ')}
          </Alert>
        )}
        {publish.isError && serverErrors.length === 0 && <ErrorAlert error={publish.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rfp.back')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            disabled={blocked || pendingSave || (rfp.findings.length > 0 && !acknowledged)}
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(acknowledged, {
                onSuccess: () => {
                  onClose();
                  onPublished();
                },
              })
            }
          >
            {t('rfp.publishNow')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** Saves the RFP as it was last saved (without its dates) as a named template for the organisation's next RFPs. */
function TemplateDialog({ organisationId, rfpId, defaultName, onClose }: { organisationId: string; rfpId: string; defaultName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useRfpTemplateActions(organisationId);
  const [name, setName] = useState(defaultName);
  const error = save.error instanceof ApiError ? save.error.fieldErrors().name : undefined;
  return (
    <Dialog opened onClose={onClose} title={t('rfp.saveTemplate')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ rfpId, name }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('rfp.templateHint')}
          </Text>
          <TextInput label={t('rfp.templateName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus />
          {save.isError && !error && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('rfp.back')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t('rfp.saveTemplate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Publishes the edited content as the next version; onClose receives the RFP as published (null when nothing was published). */
function AddendumDialog({
  organisationId,
  rfpId,
  content,
  onShow,
  onClose,
}: {
  organisationId: string;
  rfpId: string;
  content: RfpContent;
  onShow: (field: string) => void;
  onClose: (published: Rfp | null) => void;
}) {
  const { t } = useTranslation();
  const { addendum } = useRfpParticipationActions(organisationId, rfpId);
  const vocabulary = useRfpVocabulary(currentLanguage());
  const [changeSummary, setChangeSummary] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const errors = addendum.error instanceof ApiError ? addendum.error.fieldErrors() : {};
  const { changeSummary: summaryError, acknowledgeFindings: findingsError, ...contentErrors } = errors;
  const contentFields = Object.keys(contentErrors);
  return (
    <Dialog opened onClose={() => onClose(null)} title={t('rfp.addendumTitle')} size="lg">
      <Stack>
        <Textarea
          label={t('rfp.changeSummary')}
          description={t('rfp.changeSummaryHint')}
          autosize
          minRows={3}
          value={changeSummary}
          onChange={(e) => setChangeSummary(e.currentTarget.value)}
          error={summaryError}
          data-autofocus
        />
        {vocabulary.data && (
          <Text size="sm">
            {t('rfp.addendumPeriodsNote', {
              proposal: periodText(t, Number(vocabulary.data.addendumMinimumProposalHours)),
              question: periodText(t, Number(vocabulary.data.addendumMinimumQuestionHours)),
            })}
          </Text>
        )}
        {contentFields.length > 0 && (
          <Alert color="red" title={t('rfp.cannotPublish')} role="alert">
            <List size="sm">
              {contentFields.map((field) => (
                <List.Item key={field}>
                  <Button
                    variant="transparent"
                    size="compact-sm"
                    px={0}
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                    onClick={() => {
                      onShow(field);
                      onClose(null);
                    }}
                  >
                    {contentErrors[field]}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {findingsError && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={findingsError}>
            <Checkbox mt="xs" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} label={t('rfp.acknowledge')} />
          </Alert>
        )}
        {addendum.isError && Object.keys(errors).length === 0 && <ErrorAlert error={addendum.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            {t('rfp.back')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            loading={addendum.isPending}
            disabled={!changeSummary.trim()}
            onClick={() => addendum.mutate({ content, changeSummary, acknowledgeFindings: acknowledged }, { onSuccess: (published) => onClose(published) })}
          >
            {t('rfp.amendPublish')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function CancelDialog({ organisationId, rfpId, onClose }: { organisationId: string; rfpId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { cancel } = useRfpAction(organisationId, rfpId);
  const [reason, setReason] = useState('');
  const errors = cancel.error instanceof ApiError ? cancel.error.fieldErrors() : {};
  return (
    <Dialog opened onClose={onClose} title={t('rfp.cancelTitle')}>
      <Stack>
        <Textarea
          label={t('rfp.cancelReason')}
          description={t('rfp.cancelHint')}
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        {cancel.isError && !errors.reason && <ErrorAlert error={cancel.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('rfp.back')}
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(reason, { onSuccess: onClose })}>
            {t('rfp.cancelNow')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
