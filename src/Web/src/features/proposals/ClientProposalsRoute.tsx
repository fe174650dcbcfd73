import { BarChart } from '@mantine/charts';
import { Badge, Button, Drawer, List, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconFileText, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '@/components/AttachmentList';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useClientProposal, useClientProposals, type ClientProposal } from './api';

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** The proposals to one RFP once its deadline has passed: total cost side by side, flags beside each, the content on request. */
export function ClientProposalsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('proposal.clientTitle'));
  return (
    <RequireOrganisationKind kind="client" icon={<IconFileText size={26} />} title={t('rfp.notClientTitle')} body={t('rfp.notClientBody')}>
      {(organisation) => <Loaded key={id} organisation={organisation} rfpId={id} />}
    </RequireOrganisationKind>
  );
}

function Loaded({ organisation, rfpId }: { organisation: MyOrganisation; rfpId: string }) {
  const { t } = useTranslation();
  const proposals = useClientProposals(organisation.id, rfpId);
  const [open, setOpen] = useState<string | null>(null);
  if (proposals.isPending) return <Skeleton height={300} aria-busy />;
  if (proposals.isError) {
    if (proposals.error instanceof ApiError && proposals.error.status === 404)
      return (
        <EmptyState
          icon={<IconLock size={26} />}
          title={t('proposal.sealedTitle')}
          body={t('proposal.sealedBody')}
          actionLabel={t('proposal.backToClientRfp')}
          actionTo={`/client/rfps/${rfpId}`}
        />
      );
    return <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />;
  }
  const rows = proposals.data;
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const chart = rows.map((p) => ({
    vendor: p.vendorName,
    low: Number(p.sensitivity.volumeMinus20Yen),
    total: Number(p.cost.totalYen),
    high: Number(p.sensitivity.volumePlus20Yen),
  }));
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm">
          <Link to={`/client/rfps/${rfpId}`}>{t('proposal.backToClientRfp')}</Link>
        </Text>
        <Title order={2}>{t('proposal.clientTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('proposal.clientLead')}
        </Text>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          icon={<IconFileText size={26} />}
          title={t('proposal.noneTitle')}
          body={t('proposal.noneBody')}
          actionLabel={t('proposal.backToClientRfp')}
          actionTo={`/client/rfps/${rfpId}`}
        />
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="tco-chart">
            <Title order={3} size="h4" id="tco-chart">
              {t('proposal.tcoChart')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('proposal.costLead')}
            </Text>
            <BarChart
              h={Math.max(160, rows.length * 90)}
              data={chart}
              dataKey="vendor"
              orientation="vertical"
              yAxisProps={{ width: 220 }}
              valueFormatter={(value) => yen.format(value)}
              withLegend
              series={[
                { name: 'low', label: t('proposal.volumeMinus20'), color: 'teal.5' },
                { name: 'total', label: t('proposal.total'), color: 'indigo.6' },
                { name: 'high', label: t('proposal.volumePlus20'), color: 'orange.6' },
              ]}
            />
            <VisuallyHidden>
              <ul>
                {chart.map((c) => (
                  <li key={c.vendor}>
                    {c.vendor}: {yen.format(c.total)}（{t('proposal.sensitivityRange', { low: yen.format(c.low), high: yen.format(c.high) })}）
                  </li>
                ))}
              </ul>
            </VisuallyHidden>
          </Paper>
          <Paper withBorder p="md" component="section" aria-label={t('proposal.clientTitle')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('proposal.vendor')}</Table.Th>
                  <Table.Th>{t('proposal.received')}</Table.Th>
                  <Table.Th ta="right">{t('proposal.total')}</Table.Th>
                  <Table.Th>{t('proposal.flags')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.vendorName}</Table.Td>
                    <Table.Td>
                      {t('proposal.versionShort', { number: Number(p.version) })} ・ {dates.format(new Date(p.submittedAt))}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{yen.format(Number(p.cost.totalYen))}</Text>
                      <Text size="xs" c="dimmed">
                        {t('proposal.sensitivityRange', {
                          low: yen.format(Number(p.sensitivity.volumeMinus20Yen)),
                          high: yen.format(Number(p.sensitivity.volumePlus20Yen)),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.flags.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('proposal.noFlags')}
                        </Text>
                      ) : (
                        <Stack gap={4}>
                          {p.flags.map((f) => (
                            <Badge
                              key={`${f.code}-${f.subject ?? ''}`}
                              color={f.code === 'notConforming' ? 'red' : 'orange'}
                              variant="light"
                              style={{ textTransform: 'none', whiteSpace: 'normal', height: 'auto' }}
                            >
                              {f.text}
                            </Badge>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setOpen(p.id)}>
                        {t('proposal.read')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      <ProposalDrawer organisationId={organisation.id} rfpId={rfpId} proposalId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

export function ProposalDrawer({
  organisationId,
  rfpId,
  proposalId,
  onClose,
}: {
  organisationId: string;
  rfpId: string;
  proposalId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const proposal = useClientProposal(organisationId, rfpId, proposalId);
  return (
    <Drawer opened={proposalId !== null} onClose={onClose} position="right" size="xl" title={proposal.data?.summary.vendorName ?? t('proposal.title')}>
      {proposal.isPending ? (
        <Skeleton height={300} aria-busy />
      ) : proposal.isError ? (
        <ErrorAlert error={proposal.error} />
      ) : (
        <ProposalView rfpId={rfpId} proposal={proposal.data} />
      )}
    </Drawer>
  );
}

function ProposalView({ rfpId, proposal }: { rfpId: string; proposal: ClientProposal }) {
  const { t } = useTranslation();
  const { content } = proposal;
  const fees = content.fees ?? {};
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('proposal.versionLine', {
          number: Number(proposal.summary.version),
          rfpVersion: Number(proposal.summary.rfpVersion),
          at: dates.format(new Date(proposal.summary.submittedAt)),
        })}
      </Text>
      <Block label={t('proposal.summary')}>{content.summary}</Block>
      <Block label={t('proposal.section.fees')}>
        <List size="sm" spacing={2}>
          <List.Item>
            {t('proposal.initialYen')}: {yen.format(Number(fees.initialYen ?? 0))}
          </List.Item>
          <List.Item>
            {t('proposal.monthlyYen')}: {yen.format(Number(fees.monthlyYen ?? 0))}
          </List.Item>
          {(fees.unitPrices ?? []).map((u) => (
            <List.Item key={u.unit}>
              {u.unit}: {(u.bands ?? []).map((b) => `${Number(b.fromQuantity).toLocaleString('ja-JP')}〜 ${yen.format(Number(b.priceYen))}`).join('／')}
            </List.Item>
          ))}
          {(fees.extraChargeConditions ?? []).map((c) => (
            <List.Item key={c}>
              {t('profile.extraChargeConditions')}: {c}
            </List.Item>
          ))}
        </List>
        <Text size="sm" fw={600} mt="xs">
          {t('proposal.total')}: {yen.format(Number(proposal.summary.cost.totalYen))}
        </Text>
      </Block>
      <Block label={t('proposal.section.kpis')}>
        <List size="sm" spacing={2}>
          {(content.kpis ?? []).map((k) => (
            <List.Item key={k.metric}>
              {k.metric}: {Number(k.committed)}
              {k.note ? `（${k.note}）` : ''}
            </List.Item>
          ))}
        </List>
      </Block>
      <Block label={t('proposal.section.security')}>
        <Stack gap={6}>
          {proposal.questionnaire.map((q) => (
            <div key={q.code}>
              <Text size="sm" fw={600}>
                {q.question}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {content.security?.find((a) => a.code === q.code)?.answer ?? '—'}
              </Text>
            </div>
          ))}
        </Stack>
      </Block>
      <Block label={t('proposal.bcp')}>{content.bcp}</Block>
      <Block label={t('proposal.transitionPlan')}>{content.transitionPlan}</Block>
      <Block label={t('proposal.team')}>{content.team}</Block>
      <Block label={t('proposal.section.exit')}>
        <Text size="sm">
          {t('proposal.manualHandover')}: {content.exit?.manualHandover ?? '—'}
        </Text>
        <Text size="sm">
          {t('proposal.dataReturn')}: {content.exit?.dataReturn ?? '—'}
        </Text>
        {content.exit?.supportMonths !== null && content.exit?.supportMonths !== undefined && (
          <Text size="sm">
            {t('proposal.supportMonths')}: {Number(content.exit.supportMonths)}
          </Text>
        )}
      </Block>
      <Block label={t('proposal.section.attachments')}>
        <AttachmentList
          items={content.attachments ?? []}
          empty={t('proposal.noAttachments')}
          downloadPath={(id) => `/api/v1/rfps/${rfpId}/proposals/${proposal.summary.id}/attachments/${id}`}
        />
      </Block>
    </Stack>
  );
}

function Block({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      {typeof children === 'string' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {children}
        </Text>
      ) : (
        children
      )}
    </div>
  );
}
