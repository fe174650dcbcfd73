import { usePageTitle } from '@/lib/use-page-title';
import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { RequireSignIn } from '@/components/RequireSignIn';
import { setActiveOrganisationId } from '@/lib/auth/active-organisation';
import { meQueryKey } from '@/lib/auth/me';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { RegisterOrganisationForm } from '../components/RegisterOrganisationForm';

export function RegisterOrganisationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('register.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('register.lead')}
        </Text>
        <Text c="dimmed" size="sm" mt={4}>
          {t('register.invited')}
        </Text>
      </div>
      <RequireSignIn>
        <RegisterOrganisationForm
          initialKind={params.get('kind') === 'vendor' ? 'vendor' : 'client'}
          onRegistered={(organisation) => {
            // The new organisation becomes the active one; the person is its owner.
            setActiveOrganisationId(organisation.id);
            void queryClient.invalidateQueries({ queryKey: meQueryKey });
            void navigate(`/organisations/${organisation.id}`);
          }}
        />
      </RequireSignIn>
    </Stack>
  );
}
