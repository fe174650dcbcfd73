import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { LanguageSelect } from '@/components/LanguageSelect';
import { ApiError } from '@/lib/api/problem';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useSignUp } from '../api/sign-up';

export function SignUpRoute() {
  const { t } = useTranslation();
  usePageTitle(t('signUp.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [preferredLanguage, setPreferredLanguage] = useState<string>(currentLanguage());
  const signUp = useSignUp();
  const fieldErrors = signUp.error instanceof ApiError ? signUp.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate({ email, password, preferredLanguage });
  };

  if (signUp.isSuccess)
    return (
      <Stack gap="md" maw={560}>
        <Title order={2}>{t('signUp.title')}</Title>
        <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} title={t('signUp.sentTitle')} role="status">
          {signUp.data.message}
        </Alert>
        <Text c="dimmed">{t('signUp.sentHelp')}</Text>
      </Stack>
    );

  return (
    <Stack gap="lg" maw={520}>
      <div>
        <Title order={2}>{t('signUp.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('signUp.lead')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {signUp.isError && <ErrorAlert error={signUp.error} title={t('signUp.failed')} />}
          <TextInput
            label={t('signUp.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
            autoComplete="email"
          />
          <PasswordInput
            label={t('signUp.password')}
            description={t('signUp.passwordHelp')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
            autoComplete="new-password"
          />
          <LanguageSelect label={t('signUp.language')} value={preferredLanguage} onChange={setPreferredLanguage} error={fieldErrors.preferredLanguage} />
          <Button type="submit" loading={signUp.isPending} w="fit-content">
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
