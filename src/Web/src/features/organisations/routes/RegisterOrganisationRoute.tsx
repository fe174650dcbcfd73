import { usePageTitle } from '@/lib/use-page-title';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { RegisterOrganisationForm } from '../components/RegisterOrganisationForm';

export function RegisterOrganisationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('register.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('register.lead')}
        </Text>
      </div>
      <RegisterOrganisationForm
        initialKind={params.get('kind') === 'vendor' ? 'vendor' : 'client'}
        onRegistered={(organisation) => void navigate(`/organisations/${organisation.id}`)}
      />
    </Stack>
  );
}
