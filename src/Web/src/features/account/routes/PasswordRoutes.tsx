import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { signIn } from '@/lib/auth/oidc';
import { usePageTitle } from '@/lib/use-page-title';
import { useChangePassword, useForgotPassword, useResetPassword } from '../api/session';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const forgot = useForgotPassword();
  const fieldErrors = forgot.error instanceof ApiError ? forgot.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate({ email });
  };
  return (
    <Stack gap="lg" maw={480}>
      <div>
        <Title order={2}>{t('forgot.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('forgot.lead')}
        </Text>
      </div>
      {forgot.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} role="status" title={t('forgot.sentTitle')}>
          {forgot.data.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {forgot.isError && <ErrorAlert error={forgot.error} />}
            <TextInput
              label={t('signIn.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              required
              autoComplete="email"
            />
            <Button type="submit" loading={forgot.isPending} w="fit-content">
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** Opened from the reset mail: choose a new password; then sign in with it. */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const [newPassword, setNewPassword] = useState('');
  const reset = useResetPassword();
  const fieldErrors = reset.error instanceof ApiError ? reset.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ userId: params.get('user') ?? '', token: params.get('token') ?? '', newPassword });
  };
  return (
    <Stack gap="lg" maw={480}>
      <Title order={2}>{t('reset.title')}</Title>
      {reset.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title={t('reset.doneTitle')}>
            {t('reset.done')}
          </Alert>
          <Button onClick={() => void signIn('/')} w="fit-content">
            {t('nav.signIn')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {reset.isError && <ErrorAlert error={reset.error} title={fieldErrors.token ? t('reset.invalidLink') : undefined} />}
            <PasswordInput
              label={t('reset.newPassword')}
              description={t('signUp.passwordHelp')}
              value={newPassword}
              onChange={(e) => setNewPassword(e.currentTarget.value)}
              error={fieldErrors.newPassword ?? fieldErrors.token}
              required
              autoComplete="new-password"
            />
            <Button type="submit" loading={reset.isPending} w="fit-content">
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useChangePassword();
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={480}>
        {change.isSuccess && (
          <Alert color="teal" variant="light" role="status" title={t('changePassword.doneTitle')}>
            {t('changePassword.done')}
          </Alert>
        )}
        {change.isError && <ErrorAlert error={change.error} />}
        <PasswordInput
          label={t('changePassword.current')}
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          error={fieldErrors.currentPassword}
          required
          autoComplete="current-password"
        />
        <PasswordInput
          label={t('reset.newPassword')}
          description={t('signUp.passwordHelp')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          error={fieldErrors.newPassword}
          required
          autoComplete="new-password"
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
