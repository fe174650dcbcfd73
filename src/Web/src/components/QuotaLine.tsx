import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDates } from '@/lib/i18n';
import { type VendorBilling } from '@/lib/api/vendor-billing';

/** "今月の新しい提案：残り 2 件（3 件まで）" or unlimited, for the billing page and before a proposal is started. */
export function QuotaLine({ quota }: { quota: VendorBilling['quota'] }) {
  const { t } = useTranslation();
  // The quota's month is Japan time, so its reset day is read there, wherever the browser is.
  const dates = formatDates({ month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' });
  if (quota.limit == null) return <Text size="sm">{t('billing.quotaUnlimited')}</Text>;
  return (
    <Text size="sm" fw={600} c={Number(quota.remaining) === 0 ? 'red' : undefined} data-testid="proposal-quota">
      {t('billing.quotaLine', { remaining: Number(quota.remaining), limit: Number(quota.limit), date: dates.format(new Date(quota.resetsAt)) })}
    </Text>
  );
}
