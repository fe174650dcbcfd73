import { Skeleton } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveOrganisation, type MyOrganisation } from '@/lib/auth/me';
import { EmptyState } from './EmptyState';
import { RequireSignIn } from './RequireSignIn';

/**
 * A page for one kind of organisation (a vendor's profile, a client's RFPs): signed in, with an active organisation of
 * that kind; otherwise it says so and offers to register one. The page is rebuilt when the active organisation changes.
 */
export function RequireOrganisationKind({
  kind,
  icon,
  title,
  body,
  children,
}: {
  /** any: a page both parties use (a contract), any active organisation will do. */
  kind: 'client' | 'vendor' | 'any';
  icon: ReactNode;
  title: string;
  body: string;
  children: (organisation: MyOrganisation) => ReactNode;
}) {
  return (
    <RequireSignIn>
      <OfKind kind={kind} icon={icon} title={title} body={body}>
        {children}
      </OfKind>
    </RequireSignIn>
  );
}

function OfKind({ kind, icon, title, body, children }: Parameters<typeof RequireOrganisationKind>[0]) {
  const { t } = useTranslation();
  const { active, me } = useActiveOrganisation();
  if (me.isPending) return <Skeleton height={200} />;
  if (!active || (kind !== 'any' && active.kind !== kind))
    return kind === 'any' ? (
      <EmptyState icon={icon} title={title} body={body} actionLabel={t('nav.register')} actionTo="/organisations/new" />
    ) : (
      <EmptyState icon={icon} title={title} body={body} actionLabel={t(`${kind}.emptyAction`)} actionTo={`/organisations/new?kind=${kind}`} />
    );
  return <Fragment key={active.id}>{children(active)}</Fragment>;
}
