import { Button, Group } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link } from 'react-router';
import { signIn } from '@/lib/auth/oidc';

// What only a signed-in person uses (the organisation switcher, the account menu, the bell) is its own chunk, so
// a visitor's first load does not carry it.
const SignedInTools = lazy(() => import('./SignedInTools').then((m) => ({ default: m.SignedInTools })));
const SignedInNavSection = lazy(() => import('./SignedInTools').then((m) => ({ default: m.SignedInNavSection })));

/** The header's end: sign-in and sign-up for visitors; the bell, the switcher and the account menu once signed in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.isAuthenticated)
    return (
      <Suspense fallback={null}>
        <SignedInTools />
      </Suspense>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" size="xs" onClick={() => void signIn()}>
        {t('nav.signIn')}
      </Button>
      <Button component={Link} to="/account/sign-up" size="xs" visibleFrom="xs">
        {t('nav.signUp')}
      </Button>
    </Group>
  );
}

/** The same choices in the menu drawer on narrow screens, where the header has no room for them. */
export function AccountNavSection({ onNavigate }: { onNavigate: () => void }) {
  const auth = useAuth();
  if (!auth.isAuthenticated) return null;
  return (
    <Suspense fallback={null}>
      <SignedInNavSection onNavigate={onNavigate} />
    </Suspense>
  );
}
