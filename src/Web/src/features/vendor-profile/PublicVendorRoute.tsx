import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FeaturedBadge } from '@/components/FeaturedBadge';
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/problem';
import { useVocabulary, vocabularyName } from '@/lib/api/vocabulary';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { CertificationSummary } from './CertificationsPanel';

const yen = (value: number | string | null | undefined) => (value == null ? '—' : `¥${Number(value).toLocaleString('ja-JP')}`);

/** A vendor's public page: what clients compare before inviting a vendor to an RFP. */
export function PublicVendorRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const language = currentLanguage();
  const vocabulary = useVocabulary();
  const vendor = useQuery({ queryKey: ['vendor', slug], queryFn: async () => unwrap(await api.GET('/api/v1/vendors/{slug}', { params: { path: { slug } } })) });
  usePageTitle(vendor.data?.name);

  if (vendor.isPending) return <Skeleton height={320} aria-busy />;
  if (vendor.isError)
    return vendor.error instanceof ApiError && vendor.error.status === 404 ? (
      <Text role="alert">{t('publicVendor.notFound')}</Text>
    ) : (
      <ErrorAlert error={vendor.error} />
    );

  const v = vendor.data;
  const p = v.profile;
  const nameOf = (list: 'regions' | 'languages' | 'clientSizes', code: string) => vocabularyName(vocabulary.data, list, code, language);
  const summary = language === 'en' ? (p.summaryEn ?? p.summary) : p.summary;

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm">
          <Title order={2}>{v.name}</Title>
          {v.featured && <FeaturedBadge />}
        </Group>
        <Group gap="xs" mt="xs">
          {v.services.map((s) => (
            <Badge key={s.code} variant="light">
              {language === 'en' ? s.nameEn : s.nameJa}
            </Badge>
          ))}
        </Group>
        {summary && (
          <Text mt="sm" maw={760}>
            {summary}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="pv-certifications">
          <Title order={3} size="h4" id="pv-certifications" mb="sm">
            {t('certifications.title')}
          </Title>
          {v.certifications.length === 0 ? (
            <Text c="dimmed">{t('publicVendor.noCertifications')}</Text>
          ) : (
            <Stack gap="sm">
              {v.certifications.map((c, i) => (
                <CertificationSummary key={i} certification={c} />
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="pv-fees">
          <Title order={3} size="h4" id="pv-fees" mb="sm">
            {t('profile.sections.fees')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('publicVendor.feesNote')}
          </Text>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('profile.initialFee')}</Table.Th>
                <Table.Td>{yen(p.initialFeeYen)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('profile.monthlyBase')}</Table.Th>
                <Table.Td>{yen(p.monthlyBaseYen)}</Table.Td>
              </Table.Tr>
              {(p.unitPrices ?? []).map((u, i) => (
                <Table.Tr key={i}>
                  <Table.Th scope="row">{t('publicVendor.perUnit', { unit: u.unit })}</Table.Th>
                  <Table.Td>
                    {(u.bands ?? []).map((b, j) => (
                      <div key={j}>{t('publicVendor.band', { from: Number(b.fromQuantity ?? 0).toLocaleString('ja-JP'), price: yen(b.priceYen) })}</div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(p.extraChargeConditions ?? []).length > 0 && (
            <Text size="sm" mt="xs">
              {t('profile.extraChargeConditions')}：{(p.extraChargeConditions ?? []).join('、')}
            </Text>
          )}
          {(p.standardInclusions ?? []).length > 0 && (
            <Text size="sm">
              {t('profile.standardInclusions')}：{(p.standardInclusions ?? []).join('、')}
            </Text>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="pv-organisation">
          <Title order={3} size="h4" id="pv-organisation" mb="sm">
            {t('profile.sections.organisation')}・{t('profile.sections.bcp')}
          </Title>
          <Text size="sm">
            {t('profile.staffCount')}：{p.staffCount != null ? `${Number(p.staffCount).toLocaleString('ja-JP')}${t('profile.people')}` : '—'}
          </Text>
          <Text size="sm">{p.backupStructure}</Text>
          <Text size="sm" mt="xs">
            {t('profile.hasBcp')}：{p.hasBcp == null ? '—' : p.hasBcp ? t('profile.yes') : t('profile.no')}
            {p.recoveryTimeObjectiveHours != null && `（RTO ${p.recoveryTimeObjectiveHours}${t('profile.hours')}）`}
          </Text>
          {p.backupSites && <Text size="sm">{p.backupSites}</Text>}
        </Card>
        <Card withBorder component="section" aria-labelledby="pv-security">
          <Title order={3} size="h4" id="pv-security" mb="sm">
            {t('profile.sections.security')}
          </Title>
          {(['accessControl', 'auditLogging', 'subcontractingPolicy', 'incidentResponse'] as const).map((key) =>
            p[key] ? (
              <Text size="sm" key={key}>
                <Text span fw={600}>
                  {t(`profile.${key}`)}：
                </Text>
                {p[key]}
              </Text>
            ) : null,
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder component="section" aria-labelledby="pv-track">
        <Title order={3} size="h4" id="pv-track" mb="sm">
          {t('profile.sections.trackRecord')}
        </Title>
        <Text size="sm">
          {t('profile.industries')}：{(p.industries ?? []).join('、') || '—'}／{t('profile.clientSizes')}：
          {(p.clientSizes ?? []).map((c) => nameOf('clientSizes', c)).join('、') || '—'}
        </Text>
        <Stack gap="xs" mt="sm">
          {(p.caseStudies ?? []).map((c, i) => (
            <div key={i}>
              <Text fw={600} size="sm">
                {c.title}
                {c.year ? `（${c.year}）` : ''}
              </Text>
              <Text size="sm">{c.description}</Text>
            </div>
          ))}
        </Stack>
      </Card>
      <Text size="sm" c="dimmed">
        {t('profile.regions')}：{(p.regions ?? []).map((r) => nameOf('regions', r)).join('、') || '—'}／{t('profile.languages')}：
        {(p.languages ?? []).map((l) => nameOf('languages', l)).join('、') || '—'}／{t('profile.capacity')}：{p.capacityFte ?? '—'}
        {p.capacityFte != null && t('profile.people')}
      </Text>
    </Stack>
  );
}
