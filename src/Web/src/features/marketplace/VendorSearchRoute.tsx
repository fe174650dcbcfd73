import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Progress,
  Radio,
  NativeSelect,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCertificate, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CertificationStatusBadge, useCertificationName } from '@/components/CertificationStatusBadge';
import { FeaturedBadge } from '@/components/FeaturedBadge';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { nameOf, useCatalogue } from '@/lib/api/catalogue';
import { ApiError } from '@/lib/api/problem';
import { useVocabulary, vocabularyName } from '@/lib/api/vocabulary';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { listFilters, searchQuery, useVendorSearch, type Facets, type ListFilter, type SearchItem, type SingleFilter } from './api';
import { CompareTray } from './CompareTray';
import { useCompareTray } from './compare-tray';

const certificationCodes = ['isms', 'pmark', 'iso9001', 'soc2', 'other'] as const;
const yen = (value: number | string | null | undefined) => (value == null ? null : `¥${Number(value).toLocaleString('ja-JP')}`);

/**
 * The marketplace: free text in Japanese or English, facets with counts, relevance or fee order, and a compare tray.
 * The URL is the search (share it, reload it, go back); the Api validates it and says in the user's language what is wrong.
 */
export function VendorSearchRoute() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const [params, setParams] = useSearchParams();
  const query = searchQuery(params);
  const search = useVendorSearch(query);
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const setSingle = (name: SingleFilter, value: string | null) => update((next) => (value ? next.set(name, value) : next.delete(name)));
  const toggle = (name: ListFilter, value: string, on: boolean) =>
    update((next) => {
      const values = next.getAll(name).filter((v) => v !== value);
      next.delete(name);
      for (const v of on ? [...values, value] : values) next.append(name, v);
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSingle('q', text.trim() || null);
  };

  const first = search.data?.pages[0];
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(query).some((k) => k !== 'sort');
  const invalidUrl = search.error instanceof ApiError && search.error.status === 400;

  return (
    <Stack gap="lg" pb={120}>
      <div>
        <Title order={2}>{t('search.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('search.lead')}
        </Text>
      </div>
      <form onSubmit={onSubmit} role="search">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('search.keyword')}
            description={t('search.keywordHint')}
            placeholder={t('search.keywordPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.currentTarget.value)}
            error={search.error instanceof ApiError ? search.error.fieldErrors().q : undefined}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>

      {invalidUrl ? (
        <Stack>
          <ErrorAlert error={search.error} title={t('search.invalid')} />
          <ul>
            {Object.entries((search.error as ApiError).fieldErrors()).map(([field, message]) => (
              <li key={field}>
                <Text size="sm">{message}</Text>
              </li>
            ))}
          </ul>
          <Button variant="light" w="fit-content" onClick={() => setParams(new URLSearchParams())}>
            {t('search.clearAll')}
          </Button>
        </Stack>
      ) : search.isError ? (
        <ErrorAlert error={search.error} onRetry={() => search.refetch()} />
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            {first ? <FacetPanel facets={first.facets} params={params} toggle={toggle} setSingle={setSingle} /> : <Skeleton height={480} />}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            <Stack gap="md">
              <Group justify="space-between" align="flex-end">
                <Text aria-live="polite" fw={600}>
                  {first ? t('search.count', { count: Number(first.total) }) : t('search.loading')}
                </Text>
                {/* The browser's own select: three fixed choices need no searchable list (nor its code on this page). */}
                <NativeSelect
                  label={t('search.sort')}
                  w={220}
                  value={params.get('sort') ?? 'relevance'}
                  onChange={(e) => setSingle('sort', e.currentTarget.value === 'relevance' ? null : e.currentTarget.value)}
                  data={['relevance', 'fee_asc', 'fee_desc'].map((value) => ({ value, label: t(`search.sorts.${value}`) }))}
                />
              </Group>
              {search.isFetching && !search.isFetchingNextPage && <Progress value={100} animated size="xs" aria-label={t('search.loading')} />}
              {filtered && (
                <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setParams(new URLSearchParams())}>
                  {t('search.clearAll')}
                </Button>
              )}
              {search.isPending ? (
                Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={150} />)
              ) : items.length === 0 ? (
                <EmptyState
                  icon={<IconSearch />}
                  title={t('search.emptyTitle')}
                  body={t('search.emptyBody')}
                  action={
                    filtered ? (
                      <Button variant="light" onClick={() => setParams(new URLSearchParams())}>
                        {t('search.clearAll')}
                      </Button>
                    ) : undefined
                  }
                />
              ) : (
                <>
                  <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('search.results')}>
                    {items.map((item) => (
                      <li key={item.slug}>
                        <ResultCard item={item} />
                      </li>
                    ))}
                  </Stack>
                  {search.hasNextPage && (
                    <Button variant="default" onClick={() => search.fetchNextPage()} loading={search.isFetchingNextPage} w="fit-content" mx="auto">
                      {t('search.more', { shown: items.length, total: Number(first?.total ?? 0) })}
                    </Button>
                  )}
                </>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      <CompareTray />
    </Stack>
  );
}

function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm" mb={6}>
        {legend}
      </Text>
      <Stack gap={6}>{children}</Stack>
    </fieldset>
  );
}

/** A facet value: its name and how many results choosing it leaves. */
function FacetCheckbox({ label, count, checked, onChange }: { label: string; count: number; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <Checkbox
      size="sm"
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      label={
        <Group gap={6} wrap="nowrap">
          <span>{label}</span>
          <Text span size="xs" c="dimmed">
            ({count.toLocaleString('ja-JP')})
          </Text>
        </Group>
      }
    />
  );
}

function FacetPanel({
  facets,
  params,
  toggle,
  setSingle,
}: {
  facets: Facets;
  params: URLSearchParams;
  toggle: (name: ListFilter, value: string, on: boolean) => void;
  setSingle: (name: SingleFilter, value: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const catalogue = useCatalogue(true);
  const vocabulary = useVocabulary();
  const certificationName = useCertificationName();
  const chosen = (name: (typeof listFilters)[number], value: string) => params.getAll(name).includes(value);
  const services = new Map((catalogue.data ?? []).flatMap((type) => type.services.map((s) => [s.code, s] as const)));
  const types = new Map((catalogue.data ?? []).map((type) => [type.code, type] as const));
  const fee = `${params.get('feeMin') ?? ''}-${params.get('feeMax') ?? ''}`;

  return (
    <Stack gap="lg" component="aside" aria-label={t('search.filters')}>
      <FacetGroup legend={t('search.facets.type')}>
        {facets.types.map((f) => (
          <FacetCheckbox
            key={f.value}
            label={types.get(f.value) ? nameOf(types.get(f.value)!, language) : f.value}
            count={Number(f.count)}
            checked={chosen('type', f.value)}
            onChange={(on) => toggle('type', f.value, on)}
          />
        ))}
      </FacetGroup>
      <FacetGroup legend={t('search.facets.service')}>
        {facets.services
          .filter((f) => Number(f.count) > 0 || chosen('service', f.value))
          .map((f) => (
            <FacetCheckbox
              key={f.value}
              label={services.get(f.value) ? nameOf(services.get(f.value)!, language) : f.value}
              count={Number(f.count)}
              checked={chosen('service', f.value)}
              onChange={(on) => toggle('service', f.value, on)}
            />
          ))}
      </FacetGroup>
      <FacetGroup legend={t('search.facets.certification')}>
        {certificationCodes.map((code) => (
          <FacetCheckbox
            key={code}
            label={certificationName({ type: code })}
            count={Number(facets.certifications.find((f) => f.value === code)?.count ?? 0)}
            checked={chosen('cert', code)}
            onChange={(on) => toggle('cert', code, on)}
          />
        ))}
        <Switch
          mt={4}
          label={`${t('search.facets.verifiedOnly')} (${Number(facets.verifiedOnly).toLocaleString('ja-JP')})`}
          checked={params.get('verifiedOnly') === 'true'}
          onChange={(e) => setSingle('verifiedOnly', e.currentTarget.checked ? 'true' : null)}
        />
        <TextInput
          type="date"
          size="sm"
          label={t('search.facets.validThrough')}
          description={t('search.facets.validThroughHint')}
          value={params.get('validThrough') ?? ''}
          onChange={(e) => setSingle('validThrough', e.currentTarget.value || null)}
        />
      </FacetGroup>
      <FacetGroup legend={t('search.facets.bcp')}>
        <FacetCheckbox
          label={t('search.facets.hasBcp')}
          count={Number(facets.bcp)}
          checked={params.get('bcp') === 'true'}
          onChange={(on) => setSingle('bcp', on ? 'true' : null)}
        />
      </FacetGroup>
      <FacetGroup legend={t('search.facets.region')}>
        {facets.regions.map((f) => (
          <FacetCheckbox
            key={f.value}
            label={vocabularyName(vocabulary.data, 'regions', f.value, language)}
            count={Number(f.count)}
            checked={chosen('region', f.value)}
            onChange={(on) => toggle('region', f.value, on)}
          />
        ))}
      </FacetGroup>
      <FacetGroup legend={t('search.facets.language')}>
        {facets.languages.map((f) => (
          <FacetCheckbox
            key={f.value}
            label={vocabularyName(vocabulary.data, 'languages', f.value, language)}
            count={Number(f.count)}
            checked={chosen('language', f.value)}
            onChange={(on) => toggle('language', f.value, on)}
          />
        ))}
      </FacetGroup>
      <Radio.Group label={t('search.facets.capacity')} value={params.get('capacityMin') ?? ''} onChange={(value) => setSingle('capacityMin', value || null)}>
        <Stack gap={6} mt={6}>
          <Radio value="" label={t('search.facets.any')} size="sm" />
          {facets.capacityMin.map((f) => (
            <Radio
              key={f.value}
              value={f.value}
              size="sm"
              label={`${t('search.facets.capacityAtLeast', { count: Number(f.value) })} (${Number(f.count).toLocaleString('ja-JP')})`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('search.facets.monthlyFee')}
        description={t('search.facets.feeNote')}
        value={fee}
        onChange={(value) => {
          const [min, max] = value.split('-');
          setSingle('feeMin', min || null);
          setSingle('feeMax', max || null);
        }}
      >
        <Stack gap={6} mt={6}>
          <Radio value="-" label={t('search.facets.any')} size="sm" />
          {facets.monthlyFee.map((band) => (
            <Radio
              key={band.min}
              size="sm"
              value={`${band.min}-${band.max ?? ''}`}
              label={`${band.max == null ? t('search.facets.feeFrom', { min: yen(band.min) }) : t('search.facets.feeBand', { min: yen(band.min), max: yen(band.max) })} (${Number(band.count).toLocaleString('ja-JP')})`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <FeeRange params={params} setSingle={setSingle} />
    </Stack>
  );
}

/** Any other range, applied when the field is left or Enter is pressed. */
function FeeRange({ params, setSingle }: { params: URLSearchParams; setSingle: (name: SingleFilter, value: string | null) => void }) {
  const { t } = useTranslation();
  const field = (name: 'feeMin' | 'feeMax', label: string) => (
    <NumberInput
      key={`${name}-${params.get(name) ?? ''}`}
      size="sm"
      label={label}
      min={0}
      step={10_000}
      thousandSeparator=","
      allowNegative={false}
      allowDecimal={false}
      defaultValue={params.get(name) ?? ''}
      onBlur={(e) => setSingle(name, e.currentTarget.value.replaceAll(',', '') || null)}
      onKeyDown={(e) => e.key === 'Enter' && setSingle(name, e.currentTarget.value.replaceAll(',', '') || null)}
    />
  );
  return (
    <Group grow gap="xs" align="flex-start">
      {field('feeMin', t('search.facets.feeMin'))}
      {field('feeMax', t('search.facets.feeMax'))}
    </Group>
  );
}

function ResultCard({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const catalogue = useCatalogue(true);
  const vocabulary = useVocabulary();
  const tray = useCompareTray();
  const certificationName = useCertificationName();
  const services = new Map((catalogue.data ?? []).flatMap((type) => type.services.map((s) => [s.code, s] as const)));
  const summary = language === 'en' ? (item.summaryEn ?? item.summary) : item.summary;
  const inTray = tray.has(item.slug);
  const facts = [
    yen(item.monthlyBaseYen) && `${t('search.card.monthly')} ${yen(item.monthlyBaseYen)}`,
    yen(item.initialFeeYen) && `${t('search.card.initial')} ${yen(item.initialFeeYen)}`,
    item.capacityFte != null && t('search.card.capacity', { count: Number(item.capacityFte) }),
    item.regions.length > 0 && item.regions.map((r) => vocabularyName(vocabulary.data, 'regions', r, language)).join(language === 'en' ? ', ' : '・'),
    item.hasBcp && t('search.card.bcp'),
  ].filter(Boolean);

  return (
    <Card withBorder padding="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Anchor component={Link} to={`/vendors/${item.slug}`} fw={700} size="lg">
            {item.name}
          </Anchor>
          <Group gap={6}>
            {item.featured && <FeaturedBadge />}
            {item.types.map((type) => (
              <Badge key={type} variant="outline" size="sm">
                {type}
              </Badge>
            ))}
            {item.services.map((code) => (
              <Badge key={code} variant="light" size="sm" color="gray">
                {services.get(code) ? nameOf(services.get(code)!, language) : code}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Checkbox
          label={t('search.card.compare')}
          checked={inTray}
          disabled={!inTray && tray.isFull}
          title={!inTray && tray.isFull ? t('compare.trayFull') : undefined}
          onChange={(e) => (e.currentTarget.checked ? tray.add({ slug: item.slug, name: item.name }) : tray.remove(item.slug))}
        />
      </Group>
      {summary && (
        <Text size="sm" mt="sm" lineClamp={2}>
          {summary}
        </Text>
      )}
      {item.certifications.length > 0 && (
        <Group gap="xs" mt="sm" aria-label={t('certifications.title')}>
          {item.certifications.map((c, i) => (
            <Group key={i} gap={4} wrap="nowrap">
              {c.verified ? (
                <IconShieldCheck size={16} color="var(--mantine-color-teal-7)" aria-label={t('certifications.verified')} />
              ) : (
                <IconCertificate size={16} aria-hidden />
              )}
              <Text size="sm">{certificationName(c)}</Text>
              <CertificationStatusBadge status={c.status} />
            </Group>
          ))}
        </Group>
      )}
      {facts.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {facts.join(' ／ ')}
        </Text>
      )}
    </Card>
  );
}
