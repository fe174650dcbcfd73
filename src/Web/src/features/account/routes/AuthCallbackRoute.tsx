import { Group, Loader, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import type { SignInState } from '@/lib/auth/oidc';

/** Where the authorization server sends the browser back; the OIDC library exchanges the code, then we go on. */
export function AuthCallbackRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();

  useEffect(() => {
    if (auth.isAuthenticated) void navigate((auth.user?.state as SignInState | undefined)?.returnTo ?? '/', { replace: true });
  }, [auth.isAuthenticated, auth.user, navigate]);

  if (auth.error) return <ErrorAlert error={auth.error} title={t('signIn.failed')} />;
  return (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text>{t('signIn.completing')}</Text>
    </Group>
  );
}
