import { Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Schemas } from '@/lib/api/client';
import { useCatalogue } from '@/lib/api/catalogue';
import { useVocabulary, vocabularyName } from '@/lib/api/vocabulary';
import { currentLanguage, formatDates } from '@/lib/i18n';

type Content = Schemas['RfpContent'];
type Weight = { code: string; label: string; weight: number | string };

/**
 * An RFP's content as a document, every section open, in the order of the builder: what the client published (or
 * a colleague without the right to edit reads) and what vendors answer. Read-only; the builder edits.
 */
export function RfpDocument({ content, weights, label }: { content: Content; weights: Weight[]; label: string }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const vocabulary = useVocabulary();
  const language = currentLanguage();
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
  const services = (catalogue.data ?? []).flatMap((type) => type.services);
  const serviceNames = (content.serviceIds ?? [])
    .map((id) => {
      const service = services.find((s) => s.id === id);
      return service ? (language === 'en' ? service.nameEn : service.nameJa) : '';
    })
    .filter(Boolean);
  const volumes = (items: Content['expectedVolumes']) =>
    (items ?? []).length > 0 ? (
      <List size="sm">
        {(items ?? []).map((v) => (
          <List.Item key={v.item}>
            {v.item}: {Number(v.monthlyQuantity).toLocaleString()} {v.unit}
          </List.Item>
        ))}
      </List>
    ) : null;
  const names = (list: 'regions' | 'languages', codes: string[] | null | undefined) =>
    (codes ?? []).map((code) => vocabularyName(vocabulary.data, list, code, language)).join('、') || null;

  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Stack gap="lg">
        <Section title={t('rfp.section.basics')}>
          <Block label={t('rfp.field.purpose')}>{content.purpose}</Block>
          {content.background && <Block label={t('rfp.field.background')}>{content.background}</Block>}
          <Block label={t('rfp.field.serviceIds')}>{serviceNames.join('、') || null}</Block>
        </Section>
        <Section title={t('rfp.section.current')}>
          <Block label={t('rfp.field.currentState')}>{content.currentState}</Block>
          {(content.currentVolumes ?? []).length > 0 && <Block label={t('rfp.field.currentVolumes')}>{volumes(content.currentVolumes)}</Block>}
        </Section>
        <Section title={t('rfp.section.scope')}>
          <Block label={t('rfp.field.scopeIn')}>
            {(content.scopeIn ?? []).length > 0 ? (
              <List size="sm">
                {(content.scopeIn ?? []).map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            ) : null}
          </Block>
          {(content.scopeOut ?? []).length > 0 && (
            <Block label={t('rfp.field.scopeOut')}>
              <List size="sm">
                {(content.scopeOut ?? []).map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            </Block>
          )}
          <Block label={t('rfp.field.responsibilityBoundary')}>{content.responsibilityBoundary}</Block>
        </Section>
        <Section title={t('rfp.section.kpis')}>
          {(content.kpis ?? []).length > 0 ? (
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rfp.kpi.metric')}</Table.Th>
                  <Table.Th>{t('rfp.kpi.target')}</Table.Th>
                  <Table.Th>{t('rfp.kpi.direction')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(content.kpis ?? []).map((k) => (
                  <Table.Tr key={k.metric}>
                    <Table.Td>{k.metric}</Table.Td>
                    <Table.Td>
                      {Number(k.target)} {k.unit}
                    </Table.Td>
                    <Table.Td>{t(`rfp.kpi.${k.direction}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm">—</Text>
          )}
        </Section>
        <Section title={t('rfp.section.communication')}>
          <Block label={t('rfp.field.communication')}>{content.communication}</Block>
        </Section>
        <Section title={t('rfp.section.transition')}>
          <Group gap="xl">
            <Block label={t('rfp.field.transitionStart')}>{content.transitionStart ?? null}</Block>
            <Block label={t('rfp.field.parallelRunWeeks')}>
              {content.parallelRunWeeks != null ? t('document.weeks', { count: Number(content.parallelRunWeeks) }) : null}
            </Block>
          </Group>
          <Block label={t('rfp.field.transitionPlan')}>{content.transitionPlan}</Block>
        </Section>
        <Section title={t('rfp.section.security')}>
          <Block label={t('rfp.field.requiredCertifications')}>
            {(content.requiredCertifications ?? []).map((c) => t(`certifications.types.${c}`)).join('、') || null}
          </Block>
          {content.certificationsValidThroughContractEnd && <Text size="sm">{t('rfp.field.certificationsValidThroughContractEnd')}</Text>}
          {content.bcpRequired && <Text size="sm">{t('document.bcpRequired')}</Text>}
          <Block label={t('rfp.field.securityRequirements')}>{content.securityRequirements}</Block>
        </Section>
        <Section title={t('rfp.section.terms')}>
          <Group gap="xl">
            <Block label={t('rfp.field.contractTermMonths')}>
              {content.contractTermMonths != null ? t('vendorRfp.months', { count: Number(content.contractTermMonths) }) : null}
            </Block>
            <Block label={t('document.budget')}>
              {content.budgetMinYen != null && content.budgetMaxYen != null
                ? `${yen.format(Number(content.budgetMinYen))} 〜 ${yen.format(Number(content.budgetMaxYen))}`
                : null}
            </Block>
          </Group>
          <Block label={t('rfp.field.expectedVolumes')}>{volumes(content.expectedVolumes)}</Block>
          {((content.regions ?? []).length > 0 || (content.languages ?? []).length > 0) && (
            <Group gap="xl">
              <Block label={t('document.regions')}>{names('regions', content.regions)}</Block>
              <Block label={t('document.languages')}>{names('languages', content.languages)}</Block>
            </Group>
          )}
        </Section>
        <Section title={t('rfp.section.deadlines')}>
          <Group gap="xl">
            <Block label={t('rfp.field.questionDeadline')}>{content.questionDeadline ? dates.format(new Date(content.questionDeadline)) : null}</Block>
            <Block label={t('rfp.field.proposalDeadline')}>{content.proposalDeadline ? dates.format(new Date(content.proposalDeadline)) : null}</Block>
          </Group>
          <Block label={t('rfp.field.visibility')}>{t(`rfp.visibility.${content.visibility ?? 'public'}`)}</Block>
        </Section>
        <Section title={t('rfp.section.evaluation')}>
          <Stack gap={4}>
            {weights.map((a) => (
              <Group key={a.code} gap="xs" wrap="nowrap">
                <Text size="sm" w={160}>
                  {a.label}
                </Text>
                <Progress value={Number(a.weight)} style={{ flex: 1 }} aria-label={`${a.label} ${Number(a.weight)}%`} />
                <Text size="sm" w={40} ta="right">
                  {Number(a.weight)}%
                </Text>
              </Group>
            ))}
          </Stack>
        </Section>
      </Stack>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' || children === null || children === undefined ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {children || '—'}
        </Text>
      ) : (
        children
      )}
    </div>
  );
}
