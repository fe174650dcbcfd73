import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, CloseButton, Group, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconLayoutColumns, IconPrinter } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CertificationStatusBadge, useCertificationName } from '@/components/CertificationStatusBadge';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { download } from '@/lib/api/download';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useComparison, type Comparison } from './api';
import { compareUrl, useCompareTray } from './compare-tray';

/**
 * 2 to 5 vendors as columns on the selection axes (the Api builds the rows, so the page and the CSV say the same),
 * rows whose values differ marked, expired and soon-expiring certifications flagged; printable and exportable.
 */
export function CompareRoute() {
  const { t } = useTranslation();
  usePageTitle(t('compare.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const tray = useCompareTray();
  const slugs = params.getAll('slug');
  const comparison = useComparison(slugs);
  const [exportError, setExportError] = useState<unknown>(null);

  const removeColumn = (slug: string) => {
    tray.remove(slug);
    const rest = slugs.filter((s) => s !== slug);
    navigate(rest.length >= 2 ? compareUrl(rest) : '/vendors');
  };

  if (slugs.length < 2)
    return (
      <Stack gap="lg">
        <Title order={2}>{t('compare.title')}</Title>
        <EmptyState
          icon={<IconLayoutColumns />}
          title={t('compare.emptyTitle')}
          body={t('compare.emptyBody')}
          actionLabel={t('compare.toSearch')}
          actionTo="/vendors"
        />
      </Stack>
    );
  if (comparison.isPending) return <Skeleton height={480} aria-busy />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} onRetry={() => comparison.refetch()} />;

  const data = comparison.data;
  const query = slugs.map((s) => `slug=${encodeURIComponent(s)}`).join('&');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('compare.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('compare.lead', { date: formatDates({ dateStyle: 'long' }).format(new Date(data.today)) })}
          </Text>
        </div>
        <Group gap="xs" className="no-print">
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('compare.print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => download(`/api/v1/vendors/compare/export?${query}`, 'vendor-comparison.csv').then(() => setExportError(null), setExportError)}
          >
            {t('compare.csv')}
          </Button>
        </Group>
      </Group>
      {exportError != null && <ErrorAlert error={exportError} />}
      <FeeChart comparison={data} />
      <ComparisonTable comparison={data} onRemove={removeColumn} />
      <Anchor component={Link} to="/vendors" className="no-print">
        {t('compare.backToSearch')}
      </Anchor>
    </Stack>
  );
}

/** Monthly base fee and initial fee side by side: the numbers a comparison starts from. */
function FeeChart({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const rows = comparison.vendors.map((v) => ({ vendor: v.name, monthly: Number(v.monthlyBaseYen ?? 0), initial: Number(v.initialFeeYen ?? 0) }));
  if (rows.every((r) => r.monthly === 0 && r.initial === 0)) return null;
  return (
    <Card withBorder component="section" aria-labelledby="compare-fees">
      <Title order={3} size="h4" id="compare-fees">
        {t('compare.feeChart')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('compare.feeChartNote')}
      </Text>
      <BarChart
        h={Math.max(160, rows.length * 56)}
        data={rows}
        dataKey="vendor"
        orientation="vertical"
        yAxisProps={{ width: 200 }}
        valueFormatter={(value) => `¥${value.toLocaleString('ja-JP')}`}
        withLegend
        series={[
          { name: 'monthly', label: t('compare.monthly'), color: 'indigo.6' },
          { name: 'initial', label: t('compare.initial'), color: 'gray.5' },
        ]}
      />
      {/* The same numbers as text, for screen readers and print. */}
      <VisuallyHidden>
        <ul>
          {rows.map((r) => (
            <li key={r.vendor}>
              {r.vendor}: {t('compare.monthly')} ¥{r.monthly.toLocaleString('ja-JP')}, {t('compare.initial')} ¥{r.initial.toLocaleString('ja-JP')}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </Card>
  );
}

function ComparisonTable({ comparison, onRemove }: { comparison: Comparison; onRemove: (slug: string) => void }) {
  const { t } = useTranslation();
  const certificationName = useCertificationName();
  const sections = [...new Set(comparison.rows.map((r) => r.section))];
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders verticalSpacing="sm" stickyHeader aria-label={t('compare.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={220}>
              {t('compare.axis')}
            </Table.Th>
            {comparison.vendors.map((v) => (
              <Table.Th key={v.slug} scope="col">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/vendors/${v.slug}`} fw={700}>
                    {v.name}
                  </Anchor>
                  <CloseButton className="no-print" size="sm" aria-label={t('compare.removeNamed', { name: v.name })} onClick={() => onRemove(v.slug)} />
                </Group>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((section) => (
            <Fragment key={section}>
              <Table.Tr bg="var(--mantine-color-gray-1)">
                <Table.Th scope="colgroup" colSpan={comparison.vendors.length + 1}>
                  {t(`compare.sections.${section}`)}
                </Table.Th>
              </Table.Tr>
              {comparison.rows
                .filter((row) => row.section === section)
                .map((row) => (
                  <Table.Tr key={row.key} bg={row.differs ? 'var(--mantine-color-yellow-0)' : undefined} data-differs={row.differs || undefined}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6}>
                        <span>{row.label}</span>
                        {row.differs && (
                          <Badge size="xs" color="yellow" variant="filled" c="dark">
                            {t('compare.differs')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    {row.cells.map((cell, i) => (
                      <Table.Td key={i} style={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>
                        {cell.certifications ? (
                          cell.certifications.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('compare.none')}
                            </Text>
                          ) : (
                            <Stack gap={4}>
                              {cell.certifications.map((c, j) => (
                                <Group key={j} gap={4}>
                                  <Text size="sm">{certificationName(c)}</Text>
                                  <Text size="xs" c="dimmed">
                                    {t('compare.until', { date: c.validTo })}
                                  </Text>
                                  <Badge size="xs" variant="light" color={c.verified ? 'teal' : 'gray'}>
                                    {c.verified ? t('certifications.verified') : t('certifications.unverified')}
                                  </Badge>
                                  <CertificationStatusBadge status={c.status} />
                                </Group>
                              ))}
                            </Stack>
                          )
                        ) : (
                          <Text size="sm">{cell.text}</Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
