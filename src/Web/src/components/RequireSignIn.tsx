import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { signIn } from '@/lib/auth/oidc';
import { EmptyState } from './EmptyState';
import { IconLogin } from '@tabler/icons-react';

/** Shows its children to a signed-in person; anyone else is offered the sign-in (and comes back here after). */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.isLoading)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden />
        <Text>{t('signIn.checking')}</Text>
      </Group>
    );
  if (!auth.isAuthenticated)
    return (
      <Stack maw={560}>
        <EmptyState
          icon={<IconLogin size={26} />}
          title={t('signIn.requiredTitle')}
          body={t('signIn.requiredBody')}
          action={<Button onClick={() => void signIn()}>{t('nav.signIn')}</Button>}
        />
      </Stack>
    );
  return <>{children}</>;
}
