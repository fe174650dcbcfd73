import { usePageTitle } from '@/lib/use-page-title';
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingFactory2, IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  const cards = [
    { key: 'clientCard', to: '/client', icon: IconBuildingFactory2 },
    { key: 'vendorCard', to: '/vendor', icon: IconBuildingStore },
  ] as const;
  return (
    <Stack gap="xl" maw={960}>
      <div>
        <Title order={2}>{t('home.title')}</Title>
        <Text size="lg" c="dimmed" mt="sm" maw={720}>
          {t('home.lead')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {cards.map(({ key, to, icon: Icon }) => (
          <Card withBorder padding="lg" key={key} component="section" aria-labelledby={`${key}-title`}>
            <Icon size={32} stroke={1.5} aria-hidden />
            <Title order={3} mt="sm" id={`${key}-title`}>
              {t(`home.${key}.title`)}
            </Title>
            <Text c="dimmed" mt="xs" mb="md">
              {t(`home.${key}.body`)}
            </Text>
            <Button component={Link} to={to} variant="light" mt="auto">
              {t(`home.${key}.action`)}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
