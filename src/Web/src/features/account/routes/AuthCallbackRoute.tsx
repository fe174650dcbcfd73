import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { useNavigate } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { signIn, type SignInState } from '@/lib/auth/oidc';

/** Where the authorization server sends the browser back; the OIDC library exchanges the code, then we go on. */
export function AuthCallbackRoute() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();

  useEffect(() => {
    if (auth.isAuthenticated) void navigate((auth.user?.state as SignInState | undefined)?.returnTo ?? '/', { replace: true });
  }, [auth.isAuthenticated, auth.user, navigate]);

  let body;
  if (auth.error) body = <ErrorAlert error={auth.error} title={t('signIn.failed')} />;
  else if (!auth.isLoading && !auth.isAuthenticated)
    // Opened from a bookmark or the history, not on the way back from the sign-in form: nothing to complete.
    body = (
      <EmptyState
        icon={<IconLogin size={26} />}
        title={t('signIn.noResponseTitle')}
        body={t('signIn.noResponseBody')}
        action={<Button onClick={() => void signIn()}>{t('nav.signIn')}</Button>}
      />
    );
  else
    body = (
      <Group gap="sm" role="status" aria-live="polite">
        <Loader size="sm" aria-hidden />
        <Text>{t('signIn.completing')}</Text>
      </Group>
    );
  return (
    <Stack maw={560}>
      <Title order={2}>{t('signIn.title')}</Title>
      {body}
    </Stack>
  );
}
