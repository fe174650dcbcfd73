import { usePageTitle } from '@/lib/use-page-title';
import { Stack, Title } from '@mantine/core';
import { IconFileDescription, IconId } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { useActiveOrganisation } from '@/lib/auth/me';

/**
 * One area per kind of organisation. Its pages (work inventory and RFPs for clients; profile and proposals for
 * vendors) arrive with their features; until then the empty state says what can be done now: register an
 * organisation of this kind, or, for one's own, gather the team.
 */
function Area({ kind, icon }: { kind: 'client' | 'vendor'; icon: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(`${kind}.title`));
  const { active } = useActiveOrganisation();
  const ours = active?.kind === kind;
  return (
    <Stack gap="lg">
      <Title order={2}>{t(`${kind}.title`)}</Title>
      {ours ? (
        <EmptyState icon={icon} title={t(`${kind}.emptyTitle`)} body={t(`${kind}.ownBody`, { name: active.name })}
          actionLabel={t(`${kind}.ownAction`)} actionTo={kind === 'vendor' ? '/vendor/profile' : '/client/work-inventory'} />
      ) : (
        <EmptyState icon={icon} title={t(`${kind}.emptyTitle`)} body={t(`${kind}.emptyBody`)}
          actionLabel={t(`${kind}.emptyAction`)} actionTo={`/organisations/new?kind=${kind}`} />
      )}
    </Stack>
  );
}

export const ClientAreaRoute = () => <Area kind="client" icon={<IconFileDescription size={26} />} />;
export const VendorAreaRoute = () => <Area kind="vendor" icon={<IconId size={26} />} />;
