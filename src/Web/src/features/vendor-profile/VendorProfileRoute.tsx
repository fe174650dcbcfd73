import {
  Accordion,
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconId, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { UnitPriceEditor } from '@/components/UnitPriceEditor';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useCatalogue } from '@/lib/api/catalogue';
import { useVocabulary, type Vocabulary } from '@/lib/api/vocabulary';
import { useVendorProfile, type VendorProfile } from '@/lib/api/vendor-profile';
import { useSaveVendorProfile } from './api';
import { CertificationsPanel } from './CertificationsPanel';
import { NumberField } from '@/components/NumberField';
import { bounds } from '@/lib/bounds';

const sections = ['basics', 'services', 'trackRecord', 'organisation', 'bcp', 'security', 'fees', 'coverage'] as const;
/** Which accordion section holds each completeness key the Api reports. */
const sectionOf: Record<string, (typeof sections)[number]> = {
  services: 'services',
  summary: 'basics',
  trackRecord: 'trackRecord',
  organisation: 'organisation',
  bcp: 'bcp',
  security: 'security',
  fees: 'fees',
  coverage: 'coverage',
};

export function VendorProfileRoute() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  return (
    <RequireOrganisationKind kind="vendor" icon={<IconId size={26} />} title={t('profile.notVendorTitle')} body={t('profile.notVendorBody')}>
      {(organisation) => <ProfileWithCertifications organisation={organisation} />}
    </RequireOrganisationKind>
  );
}

function ProfileEditor({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const profile = useVendorProfile(organisation.id);
  const vocabulary = useVocabulary();
  const save = useSaveVendorProfile(organisation.id);
  const [draft, setDraft] = useState<VendorProfile | null>(null);
  const [open, setOpen] = useState<string[]>(['basics']);
  const canEdit = ['owner', 'admin', 'sales'].includes(organisation.role);

  useEffect(() => {
    if (profile.data && draft === null) setDraft(profile.data.profile);
  }, [profile.data, draft]);

  if (profile.isPending || vocabulary.isPending || draft === null) return <Skeleton height={320} aria-busy />;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  if (vocabulary.isError) return <ErrorAlert error={vocabulary.error} onRetry={() => void vocabulary.refetch()} />;

  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof VendorProfile>(key: K, value: VendorProfile[K]) => setDraft({ ...draft, [key]: value });
  const completeness = (save.data ?? profile.data).completeness;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, {
      onError: (error) => {
        // Open every section that has an error, so that the messages are visible beside their fields.
        const fields = error instanceof ApiError ? Object.keys(error.fieldErrors()) : [];
        const withErrors = sections.filter((s) => fields.some((f) => fieldSection(f) === s));
        if (withErrors.length > 0) setOpen([...new Set([...open, ...withErrors])]);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('profile.title')}</Title>
          <Text c="dimmed" mt="xs">
            {t('profile.lead', { name: organisation.name })}
          </Text>
          {(save.data ?? profile.data).updatedAt && (
            <Anchor component={Link} to={`/vendors/${(save.data ?? profile.data).profile.slug}`} size="sm">
              {t('profile.viewPublic')}
            </Anchor>
          )}
        </div>
        <Paper withBorder p="md" aria-labelledby="completeness-heading">
          <Group justify="space-between" mb="xs">
            <Text fw={600} id="completeness-heading">
              {t('profile.completeness', { percent: completeness.percent })}
            </Text>
          </Group>
          {/* The name goes on the section: it is the element with role="progressbar". */}
          <Progress.Root>
            <Progress.Section
              value={Number(completeness.percent)}
              aria-labelledby="completeness-heading"
              color={completeness.percent === 100 ? 'teal' : 'blue'}
            />
          </Progress.Root>
          {completeness.missing.length > 0 && (
            <Text size="sm" mt="xs">
              {t('profile.missing')}{' '}
              {completeness.missing.map((m, i) => (
                <span key={m}>
                  {i > 0 && '、'}
                  <Anchor component="button" type="button" size="sm" onClick={() => setOpen([...new Set([...open, sectionOf[m] ?? 'basics'])])}>
                    {t(`profile.sections.${sectionOf[m] ?? 'basics'}`)}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
        </Paper>
        {!canEdit && (
          <Alert color="gray" variant="light">
            {t('profile.readOnly')}
          </Alert>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t('profile.saved')}
          </Alert>
        )}
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <Accordion multiple value={open} onChange={setOpen} variant="separated">
            <Section value="basics">
              <TextInput
                label={t('profile.slug')}
                description={t('profile.slugHelp')}
                leftSection={
                  <Text size="xs" c="dimmed">
                    /vendors/
                  </Text>
                }
                leftSectionWidth={70}
                value={draft.slug ?? ''}
                onChange={(e) => set('slug', e.currentTarget.value)}
                error={errors.slug}
                required
              />
              <Textarea
                label={t('profile.summary')}
                autosize
                minRows={3}
                value={draft.summary ?? ''}
                onChange={(e) => set('summary', e.currentTarget.value)}
                error={errors.summary}
              />
              <Textarea
                label={t('profile.summaryEn')}
                autosize
                minRows={2}
                value={draft.summaryEn ?? ''}
                onChange={(e) => set('summaryEn', e.currentTarget.value)}
                error={errors.summaryEn}
              />
            </Section>
            <Section value="services">
              <ServicesPicker value={draft.serviceIds ?? []} onChange={(ids) => set('serviceIds', ids)} error={errors.serviceIds} />
            </Section>
            <Section value="trackRecord">
              <TagsInput
                label={t('profile.industries')}
                description={t('profile.tagsHelp')}
                value={draft.industries ?? []}
                onChange={(v) => set('industries', v)}
                error={errors.industries}
              />
              <Choices
                label={t('profile.clientSizes')}
                items={vocabulary.data.clientSizes}
                value={draft.clientSizes ?? []}
                onChange={(v) => set('clientSizes', v)}
                error={errors.clientSizes}
              />
              <CaseStudies value={draft.caseStudies ?? []} onChange={(v) => set('caseStudies', v)} errors={errors} vocabulary={vocabulary.data} />
            </Section>
            <Section value="organisation">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberField
                  label={t('profile.staffCount')}
                  suffix={t('profile.people')}
                  thousandSeparator=","
                  {...bounds.staffCount}
                  value={draft.staffCount}
                  onChange={(v) => set('staffCount', v)}
                  error={errors.staffCount}
                />
                <TextInput
                  label={t('profile.contactName')}
                  value={draft.contactName ?? ''}
                  onChange={(e) => set('contactName', e.currentTarget.value)}
                  error={errors.contactName}
                />
                <TextInput
                  label={t('profile.contactEmail')}
                  type="email"
                  value={draft.contactEmail ?? ''}
                  onChange={(e) => set('contactEmail', e.currentTarget.value)}
                  error={errors.contactEmail}
                />
              </SimpleGrid>
              <Textarea
                label={t('profile.backupStructure')}
                autosize
                minRows={2}
                value={draft.backupStructure ?? ''}
                onChange={(e) => set('backupStructure', e.currentTarget.value)}
                error={errors.backupStructure}
              />
            </Section>
            <Section value="bcp">
              <Radio.Group
                label={t('profile.hasBcp')}
                value={draft.hasBcp === true ? 'yes' : draft.hasBcp === false ? 'no' : ''}
                onChange={(v) => set('hasBcp', v === 'yes')}
              >
                <Group mt="xs">
                  <Radio value="yes" label={t('profile.yes')} />
                  <Radio value="no" label={t('profile.no')} />
                </Group>
              </Radio.Group>
              <Textarea
                label={t('profile.backupSites')}
                autosize
                minRows={2}
                value={draft.backupSites ?? ''}
                onChange={(e) => set('backupSites', e.currentTarget.value)}
                error={errors.backupSites}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberField
                  label={t('profile.rto')}
                  suffix={t('profile.hours')}
                  {...bounds.recoveryHours}
                  value={draft.recoveryTimeObjectiveHours}
                  onChange={(v) => set('recoveryTimeObjectiveHours', v)}
                  error={errors.recoveryTimeObjectiveHours}
                />
                <TextInput
                  type="date"
                  label={t('profile.lastDrillOn')}
                  value={draft.lastDrillOn ?? ''}
                  onChange={(e) => set('lastDrillOn', e.currentTarget.value || null)}
                  error={errors.lastDrillOn}
                />
              </SimpleGrid>
            </Section>
            <Section value="security">
              {(['accessControl', 'auditLogging', 'subcontractingPolicy', 'incidentResponse'] as const).map((key) => (
                <Textarea
                  key={key}
                  label={t(`profile.${key}`)}
                  autosize
                  minRows={2}
                  value={draft[key] ?? ''}
                  onChange={(e) => set(key, e.currentTarget.value)}
                  error={errors[key]}
                />
              ))}
            </Section>
            <Section value="fees">
              <Text size="sm" c="dimmed">
                {t('profile.feesNote')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Yen label={t('profile.initialFee')} value={draft.initialFeeYen} onChange={(v) => set('initialFeeYen', v)} error={errors.initialFeeYen} />
                <Yen label={t('profile.monthlyBase')} value={draft.monthlyBaseYen} onChange={(v) => set('monthlyBaseYen', v)} error={errors.monthlyBaseYen} />
              </SimpleGrid>
              <UnitPriceEditor
                priceBounds={bounds.profileUnitPriceYen}
                value={draft.unitPrices ?? []}
                onChange={(v) => set('unitPrices', v)}
                errors={errors}
                errorPath="unitPrices"
              />
              <TagsInput
                label={t('profile.extraChargeConditions')}
                description={t('profile.tagsHelp')}
                value={draft.extraChargeConditions ?? []}
                onChange={(v) => set('extraChargeConditions', v)}
                error={errors.extraChargeConditions}
              />
              <TagsInput
                label={t('profile.standardInclusions')}
                description={t('profile.tagsHelp')}
                value={draft.standardInclusions ?? []}
                onChange={(v) => set('standardInclusions', v)}
                error={errors.standardInclusions}
              />
            </Section>
            <Section value="coverage">
              <Choices
                label={t('profile.regions')}
                items={vocabulary.data.regions}
                value={draft.regions ?? []}
                onChange={(v) => set('regions', v)}
                error={errors.regions}
              />
              <Choices
                label={t('profile.languages')}
                items={vocabulary.data.languages}
                value={draft.languages ?? []}
                onChange={(v) => set('languages', v)}
                error={errors.languages}
              />
              <NumberField
                label={t('profile.capacity')}
                description={t('profile.capacityHelp')}
                suffix={t('profile.people')}
                {...bounds.capacityFte}
                w={240}
                value={draft.capacityFte}
                onChange={(v) => set('capacityFte', v)}
                error={errors.capacityFte}
              />
            </Section>
          </Accordion>
        </fieldset>
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('profile.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function ProfileWithCertifications({ organisation }: { organisation: MyOrganisation }) {
  return (
    <Stack gap="xl">
      <ProfileEditor organisation={organisation} />
      <CertificationsPanel organisationId={organisation.id} canEdit={['owner', 'admin', 'sales'].includes(organisation.role)} />
    </Stack>
  );
}

/** "caseStudies[0].title" belongs to the track record, and so on. */
function fieldSection(field: string): (typeof sections)[number] {
  const root = field.split(/[.[]/)[0] ?? '';
  if (['slug', 'summary', 'summaryEn'].includes(root)) return 'basics';
  if (root === 'serviceIds') return 'services';
  if (['industries', 'clientSizes', 'caseStudies'].includes(root)) return 'trackRecord';
  if (['staffCount', 'backupStructure', 'contactName', 'contactEmail'].includes(root)) return 'organisation';
  if (['hasBcp', 'backupSites', 'recoveryTimeObjectiveHours', 'lastDrillOn'].includes(root)) return 'bcp';
  if (['accessControl', 'auditLogging', 'subcontractingPolicy', 'incidentResponse'].includes(root)) return 'security';
  if (['initialFeeYen', 'monthlyBaseYen', 'unitPrices', 'extraChargeConditions', 'standardInclusions'].includes(root)) return 'fees';
  return 'coverage';
}

function Section({ value, children }: { value: (typeof sections)[number]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Accordion.Item value={value}>
      <Accordion.Control>
        <Text fw={600}>{t(`profile.sections.${value}`)}</Text>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">{children}</Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function Yen({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | string | null | undefined;
  onChange: (v: number | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <NumberField
      label={label}
      prefix="¥"
      thousandSeparator=","
      {...bounds.profileFeeYen}
      description={t('profile.taxExcluded')}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

function Choices({
  label,
  items,
  value,
  onChange,
  error,
}: {
  label: string;
  items: Vocabulary['regions'];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const language = currentLanguage();
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error}>
      <Group mt="xs" gap="md">
        {items.map((item) => (
          <Checkbox key={item.code} value={item.code} label={language === 'en' ? item.nameEn : item.nameJa} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function ServicesPicker({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue(true);
  const language = currentLanguage();
  if (catalogue.isPending) return <Skeleton height={120} />;
  if (catalogue.isError) return <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  return (
    <Checkbox.Group label={t('profile.services')} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs">
        {catalogue.data.map((type) => (
          <Stack key={type.code} gap={6}>
            <Text fw={600} size="sm">
              {language === 'en' ? type.nameEn : type.nameJa}
            </Text>
            {type.services
              .filter((s) => !s.retired || value.includes(s.id))
              .map((s) => (
                <Checkbox key={s.id} value={s.id} label={`${language === 'en' ? s.nameEn : s.nameJa}${s.retired ? `（${t('catalogue.retired')}）` : ''}`} />
              ))}
          </Stack>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

type CaseStudy = NonNullable<VendorProfile['caseStudies']>[number];

function CaseStudies({
  value,
  onChange,
  errors,
  vocabulary,
}: {
  value: CaseStudy[];
  onChange: (v: CaseStudy[]) => void;
  errors: Record<string, string>;
  vocabulary: Vocabulary;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const update = (index: number, change: Partial<CaseStudy>) => onChange(value.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <Stack gap="sm">
      <Text fw={500} size="sm">
        {t('profile.caseStudies')}
      </Text>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('profile.noCaseStudies')}
        </Text>
      )}
      {value.map((c, i) => (
        <Paper key={i} withBorder p="sm">
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('profile.caseTitle')}
                value={c.title ?? ''}
                onChange={(e) => update(i, { title: e.currentTarget.value })}
                error={errors[`caseStudies[${i}].title`]}
                required
                style={{ flex: 1 }}
                miw={240}
              />
              <TextInput
                label={t('profile.caseIndustry')}
                value={c.industry ?? ''}
                onChange={(e) => update(i, { industry: e.currentTarget.value })}
                error={errors[`caseStudies[${i}].industry`]}
                w={160}
              />
              <NumberField
                label={t('profile.caseYear')}
                value={c.year}
                onChange={(v) => update(i, { year: v })}
                integer
                min={1950}
                max={new Date().getFullYear()}
                thousandSeparator={false}
                error={errors[`caseStudies[${i}].year`]}
                w={120}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('profile.removeCase', { n: i + 1 })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                mb={4}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <Radio.Group
              label={t('profile.clientSizes')}
              value={c.clientSize ?? ''}
              onChange={(v) => update(i, { clientSize: v })}
              error={errors[`caseStudies[${i}].clientSize`]}
            >
              <Group mt={4}>
                {vocabulary.clientSizes.map((s) => (
                  <Radio key={s.code} value={s.code} label={language === 'en' ? s.nameEn : s.nameJa} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t('profile.caseDescription')}
              autosize
              minRows={2}
              value={c.description ?? ''}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
              error={errors[`caseStudies[${i}].description`]}
              required
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        w="fit-content"
        onClick={() => onChange([...value, { title: '', description: '', industry: null, clientSize: null, year: null }])}
      >
        {t('profile.addCase')}
      </Button>
    </Stack>
  );
}
