import { Anchor, AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook2, IconBuildingFactory2, IconBuildingStore, IconHome, IconUserCircle, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';

const navigation = [
  { to: '/', key: 'nav.home', icon: IconHome, end: true },
  { to: '/client', key: 'nav.client', icon: IconBuildingFactory2, end: false },
  { to: '/vendor', key: 'nav.vendor', icon: IconBuildingStore, end: false },
  { to: '/register', key: 'nav.register', icon: IconUserPlus, end: false },
  { to: '/account/sign-up', key: 'nav.signUp', icon: IconUserCircle, end: false },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <Anchor href="#main" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                {t('app.name')}
              </Title>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
        {navigation.map(({ to, key, icon: Icon, end }) => (
          <NavLink
            key={to}
            component={RouterNavLink}
            to={to}
            end={end}
            label={t(key)}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            onClick={close}
          />
        ))}
        <NavLink
          href="/api/docs"
          label={t('nav.apiDocs')}
          leftSection={<IconBook2 size={18} stroke={1.6} aria-hidden />}
          mt="auto"
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
