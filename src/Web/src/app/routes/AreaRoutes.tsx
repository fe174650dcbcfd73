import { usePageTitle } from '@/lib/use-page-title';
import { Stack, Title } from '@mantine/core';
import { IconFileDescription, IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';

/** The client companies' area. Its pages (work inventory, RFPs, evaluation) arrive with their features. */
export function ClientAreaRoute() {
  const { t } = useTranslation();
  usePageTitle(t('client.title'));
  return (
    <Stack gap="lg">
      <Title order={2}>{t('client.title')}</Title>
      <EmptyState
        icon={<IconFileDescription size={26} />}
        title={t('client.emptyTitle')}
        body={t('client.emptyBody')}
        actionLabel={t('client.emptyAction')}
        actionTo="/organisations/new?kind=client"
      />
    </Stack>
  );
}

/** The vendors' area. Its pages (profile, certifications, proposals) arrive with their features. */
export function VendorAreaRoute() {
  const { t } = useTranslation();
  usePageTitle(t('vendor.title'));
  return (
    <Stack gap="lg">
      <Title order={2}>{t('vendor.title')}</Title>
      <EmptyState
        icon={<IconId size={26} />}
        title={t('vendor.emptyTitle')}
        body={t('vendor.emptyBody')}
        actionLabel={t('vendor.emptyAction')}
        actionTo="/organisations/new?kind=vendor"
      />
    </Stack>
  );
}
