import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '@/components/RequireSignIn';
import { useMe } from '@/lib/auth/me';
import { usePageTitle } from '@/lib/use-page-title';
import { ChangePasswordForm } from './PasswordRoutes';

export function AccountSettingsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('account.settings'));
  const me = useMe();
  return (
    <RequireSignIn>
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('account.settings')}</Title>
          <Text c="dimmed" mt="xs">
            {me.data?.email}
          </Text>
        </div>
        <section aria-labelledby="password-heading">
          <Title order={3} id="password-heading" mb="sm">
            {t('changePassword.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('changePassword.lead')}
          </Text>
          <ChangePasswordForm />
        </section>
      </Stack>
    </RequireSignIn>
  );
}
