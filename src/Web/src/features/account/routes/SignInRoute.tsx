import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { signIn } from '@/lib/auth/oidc';
import { usePageTitle } from '@/lib/use-page-title';
import { usePasswordSignIn } from '../api/session';

/**
 * The page the authorization endpoint sends a browser to. After the password is accepted, the browser goes back to
 * the authorization request (only ever a local /connect/authorize address), which then completes the sign-in.
 */
export function SignInRoute() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const passwordSignIn = usePasswordSignIn();
  const fieldErrors = passwordSignIn.error instanceof ApiError ? passwordSignIn.error.fieldErrors() : {};
  const returnUrl = params.get('returnUrl');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    passwordSignIn.mutate(
      { email, password },
      {
        onSuccess: () => {
          if (returnUrl?.startsWith('/connect/authorize?')) window.location.assign(returnUrl);
          else void signIn('/');
        },
      },
    );
  };

  return (
    <Stack gap="lg" maw={480}>
      <div>
        <Title order={2}>{t('signIn.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('signIn.lead')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {passwordSignIn.isError && <ErrorAlert error={passwordSignIn.error} />}
          <TextInput
            label={t('signIn.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
            autoComplete="username"
          />
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
            autoComplete="current-password"
          />
          <Group justify="space-between">
            <Button type="submit" loading={passwordSignIn.isPending}>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/account/forgot-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
          </Group>
        </Stack>
      </form>
      <Text size="sm">
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to="/account/sign-up">
          {t('signIn.signUp')}
        </Anchor>
      </Text>
    </Stack>
  );
}
