import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDates } from '@/lib/i18n';

type Version = { number: number | string; changeSummary?: string | null; publishedAt: string };

/** An RFP's published versions, oldest first: when each came out and what its addendum changed. */
export function VersionTimeline({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Timeline active={versions.length - 1} bulletSize={12} lineWidth={2}>
      {versions.map((v) => (
        <Timeline.Item key={Number(v.number)} title={t('versions.version', { number: Number(v.number) })}>
          <Text size="xs" c="dimmed">
            {dates.format(new Date(v.publishedAt))}
          </Text>
          <Text size="sm">{v.changeSummary ?? t('versions.initial')}</Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
