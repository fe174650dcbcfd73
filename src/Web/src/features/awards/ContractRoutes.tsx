import { LineChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useContract, useContracts, useRecordReview, type Contract } from './api';
import { NumberField } from '@/components/NumberField';
import { kpiActualBounds } from '@/lib/bounds';

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** The organisation's contracts, as the client or as the vendor. */
export function ContractListRoute() {
  const { t } = useTranslation();
  usePageTitle(t('contract.listTitle'));
  return (
    <RequireOrganisationKind
      kind="any"
      icon={<IconFileCertificate size={26} />}
      title={t('contract.noOrganisationTitle')}
      body={t('contract.noOrganisationBody')}
    >
      {(organisation) => <ContractList organisation={organisation} />}
    </RequireOrganisationKind>
  );
}

function ContractList({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const contracts = useContracts(organisation.id);
  if (contracts.isPending) return <Skeleton height={200} aria-busy />;
  if (contracts.isError) return <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />;
  const dates = formatDates({ dateStyle: 'medium' });
  return (
    <Stack>
      <Title order={2}>{t('contract.listTitle')}</Title>
      {contracts.data.length === 0 ? (
        <EmptyState
          icon={<IconFileCertificate size={26} />}
          title={t('contract.emptyTitle')}
          body={t(organisation.kind === 'vendor' ? 'contract.emptyVendor' : 'contract.emptyClient')}
          actionLabel={t(organisation.kind === 'vendor' ? 'contract.toFeed' : 'contract.toRfps')}
          actionTo={organisation.kind === 'vendor' ? '/vendor/rfps' : '/client/rfps'}
        />
      ) : (
        <Paper withBorder p="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contract.title')}</Table.Th>
                <Table.Th>{t('contract.counterparty')}</Table.Th>
                <Table.Th>{t('contract.period')}</Table.Th>
                <Table.Th ta="right">{t('contract.total')}</Table.Th>
                <Table.Th>{t('contract.lastReview')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contracts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Link to={`/contracts/${c.id}`}>{c.title}</Link>
                  </Table.Td>
                  <Table.Td>{c.side === 'client' ? c.vendorName : t('contract.asVendor')}</Table.Td>
                  <Table.Td>
                    {dates.format(new Date(c.startsOn))}・{t('contract.months', { count: Number(c.termMonths) })}
                  </Table.Td>
                  <Table.Td ta="right">{yen.format(Number(c.totalYen))}</Table.Td>
                  <Table.Td>
                    {Number(c.reviews) === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('contract.noReviews')}
                      </Text>
                    ) : Number(c.missedLastReview) > 0 ? (
                      <Badge color="red" variant="light">
                        {t('contract.missed', { count: Number(c.missedLastReview) })}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('contract.allMet')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** One contract: what was awarded, the KPI trend against the commitments, and the monthly reviews. */
export function ContractRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('contract.title'));
  return (
    <RequireOrganisationKind
      kind="any"
      icon={<IconFileCertificate size={26} />}
      title={t('contract.noOrganisationTitle')}
      body={t('contract.noOrganisationBody')}
    >
      {(organisation) => <ContractPage key={id} organisation={organisation} contractId={id} />}
    </RequireOrganisationKind>
  );
}

function ContractPage({ organisation, contractId }: { organisation: MyOrganisation; contractId: string }) {
  const { t } = useTranslation();
  const contract = useContract(organisation.id, contractId);
  if (contract.isPending) return <Skeleton height={320} aria-busy />;
  if (contract.isError) {
    if (contract.error instanceof ApiError && contract.error.status === 404)
      return (
        <EmptyState
          icon={<IconFileCertificate size={26} />}
          title={t('contract.notFoundTitle')}
          body={t('contract.notFoundBody')}
          actionLabel={t('contract.listTitle')}
          actionTo="/contracts"
        />
      );
    return <ErrorAlert error={contract.error} onRetry={() => void contract.refetch()} />;
  }
  const data = contract.data;
  const summary = data.summary;
  const dates = formatDates({ dateStyle: 'medium' });
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">
          <Link to="/contracts">{t('contract.listTitle')}</Link>
        </Text>
        <Title order={2}>{summary.title}</Title>
        <Text size="sm" c="dimmed">
          {summary.side === 'client' ? t('contract.leadClient', { vendor: summary.vendorName }) : t('contract.leadVendor')}{' '}
          {t('contract.periodLine', { start: dates.format(new Date(summary.startsOn)), count: Number(summary.termMonths) })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="contract-fees">
          <Title order={3} size="h4" id="contract-fees" mb="xs">
            {t('contract.fees')}
          </Title>
          <Text size="sm">
            {t('proposal.initialYen')}：{yen.format(Number(data.fees.initialYen ?? 0))}
          </Text>
          <Text size="sm">
            {t('proposal.monthlyYen')}：{yen.format(Number(data.fees.monthlyYen ?? 0))}
          </Text>
          {(data.fees.unitPrices ?? []).map((u) => (
            <Text size="sm" key={u.unit}>
              {u.unit}：{(u.bands ?? []).map((b) => `${Number(b.fromQuantity).toLocaleString('ja-JP')}〜 ${yen.format(Number(b.priceYen))}`).join('／')}
            </Text>
          ))}
          <Text size="sm" fw={700} mt="xs">
            {t('contract.total')}：{yen.format(Number(summary.totalYen))}
          </Text>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="contract-kpis">
          <Title order={3} size="h4" id="contract-kpis" mb="xs">
            {t('contract.kpis')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contract.metric')}</Table.Th>
                <Table.Th>{t('contract.rfpTarget')}</Table.Th>
                <Table.Th>{t('contract.committed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.kpis.map((k) => (
                <Table.Tr key={k.metric}>
                  <Table.Td>{k.metric}</Table.Td>
                  <Table.Td>
                    {Number(k.target)}
                    {k.unit}
                  </Table.Td>
                  <Table.Td>
                    {Number(k.committed)}
                    {k.unit}（{t(k.direction === 'lower' ? 'contract.lowerBetter' : 'contract.higherBetter')}）
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Trends contract={data} />
      {data.mayReview && <ReviewForm organisationId={organisation.id} contract={data} />}
      <Reviews contract={data} />
    </Stack>
  );
}

/** A line per KPI: the monthly actuals against the committed target (a dashed line). */
function Trends({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  if (contract.reviews.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(2, contract.kpis.length) }}>
      {contract.kpis.map((k) => {
        const data = contract.reviews.map((r) => {
          const actual = r.results.find((x) => x.metric === k.metric)?.actual;
          return { month: r.month, actual: actual == null ? null : Number(actual) };
        });
        return (
          <Paper key={k.metric} withBorder p="md" component="section" aria-label={t('contract.trendOf', { metric: k.metric })}>
            <Title order={3} size="h5">
              {t('contract.trendOf', { metric: k.metric })}
            </Title>
            <LineChart
              h={200}
              data={data}
              dataKey="month"
              connectNulls
              unit={k.unit}
              series={[{ name: 'actual', label: t('contract.actual'), color: 'indigo.6' }]}
              referenceLines={[{ y: Number(k.committed), label: t('contract.committedLine', { value: Number(k.committed), unit: k.unit }), color: 'red.6' }]}
              yAxisProps={{ domain: ['auto', 'auto'] }}
            />
            <VisuallyHidden>
              <ul>
                {data.map((d) => (
                  <li key={d.month}>
                    {d.month}: {d.actual ?? '—'}
                    {k.unit}
                  </li>
                ))}
              </ul>
            </VisuallyHidden>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

function Reviews({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reviews-heading">
      <Title order={3} size="h4" id="reviews-heading" mb="sm">
        {t('contract.reviewsTitle')}
      </Title>
      {contract.reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(contract.mayReview ? 'contract.noReviewsClient' : 'contract.noReviewsVendor')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contract.month')}</Table.Th>
                <Table.Th>{t('contract.results')}</Table.Th>
                <Table.Th>{t('contract.comment')}</Table.Th>
                <Table.Th>{t('contract.issues')}</Table.Th>
                <Table.Th>{t('contract.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...contract.reviews].reverse().map((r) => (
                <Table.Tr key={r.month} data-testid={`review-${r.month}`}>
                  <Table.Td>{r.month}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {r.results.map((x) => (
                        <Group key={x.metric} gap="xs" wrap="nowrap">
                          <Text size="sm">
                            {x.metric}：{x.actual == null ? '—' : `${Number(x.actual)}${x.unit}`}
                          </Text>
                          {x.met === false && (
                            <Badge color="red" variant="filled" size="sm">
                              {t('contract.missedOne')}
                            </Badge>
                          )}
                          {x.met === true && (
                            <Badge color="teal" variant="light" size="sm">
                              {t('contract.metOne')}
                            </Badge>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.comment ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.issues ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.improvementActions ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function thisMonth() {
  const now = new Date(Date.now() + 9 * 3600_000); // Japan
  return now.toISOString().slice(0, 7);
}

function ReviewForm({ organisationId, contract }: { organisationId: string; contract: Contract }) {
  const { t } = useTranslation();
  const record = useRecordReview(organisationId, contract.summary.id);
  const [month, setMonth] = useState(thisMonth());
  const [actuals, setActuals] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState('');
  const [issues, setIssues] = useState('');
  const [actions, setActions] = useState('');
  const errors = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  // A share outside 0–100 % (or a negative count) is shown on its field and not sent: the Api would refuse it too.
  const outOfBounds = contract.kpis.some((k) => {
    const value = actuals[k.metric];
    const { min, max } = { max: Infinity, ...kpiActualBounds(k.unit) };
    return value !== null && value !== undefined && (value < min || value > max);
  });
  const submit = () =>
    !outOfBounds &&
    record.mutate(
      {
        month,
        body: {
          actuals: contract.kpis.map((k) => ({ metric: k.metric, actual: actuals[k.metric] ?? null })),
          comment: comment || null,
          issues: issues || null,
          improvementActions: actions || null,
        },
      },
      {
        onSuccess: () => {
          setComment('');
          setIssues('');
          setActions('');
          setActuals({});
        },
      },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-form">
      <Title order={3} size="h4" id="review-form">
        {t('contract.recordTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('contract.recordLead')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start">
            <TextInput type="month" label={t('contract.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={errors.month} w={200} />
            {contract.kpis.map((k, i) => (
              <NumberField
                key={k.metric}
                label={t('contract.actualOf', { metric: k.metric, unit: k.unit })}
                value={actuals[k.metric]}
                decimalScale={2}
                {...kpiActualBounds(k.unit)}
                description={t('contract.committedHint', { value: Number(k.committed), unit: k.unit })}
                onChange={(v) => setActuals((a) => ({ ...a, [k.metric]: v }))}
                error={errors[`actuals[${i}].metric`] ?? errors[`actuals[${i}].actual`]}
                w={240}
              />
            ))}
          </Group>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Textarea
              label={t('contract.comment')}
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.comment}
            />
            <Textarea
              label={t('contract.issues')}
              autosize
              minRows={2}
              value={issues}
              onChange={(e) => setIssues(e.currentTarget.value)}
              error={errors.issues}
            />
            <Textarea
              label={t('contract.actions')}
              autosize
              minRows={2}
              value={actions}
              onChange={(e) => setActions(e.currentTarget.value)}
              error={errors.improvementActions}
            />
          </SimpleGrid>
          {errors.actuals && (
            <Text c="red" size="sm">
              {errors.actuals}
            </Text>
          )}
          {record.isError && Object.keys(errors).length === 0 && <ErrorAlert error={record.error} />}
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('contract.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
