import { Anchor, AppShell, Box, Burger, Center, Group, Loader, NavLink, Progress, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBook2,
  IconCreditCard,
  IconFileCertificate,
  IconBuilding,
  IconBuildingFactory2,
  IconBuildingStore,
  IconCategory,
  IconCertificate,
  IconHome,
  IconClipboardList,
  IconFileText,
  IconId,
  IconInbox,
  IconKey,
  IconListDetails,
  IconPlus,
  IconSearch,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link, NavLink as RouterNavLink, Outlet, useNavigation } from 'react-router';
import { useActiveOrganisation } from '@/lib/auth/me';
import { AccountMenu, AccountNavSection } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';

type NavigationItem = { to: string; key: string; icon: typeof IconHome; end: boolean };

/** The menu follows who is signed in and their role in the active organisation (the Api enforces the same rules). */
function useMenuItems(): NavigationItem[] {
  const auth = useAuth();
  const { active, canManage, isOwner, me } = useActiveOrganisation();
  const items: NavigationItem[] = [
    { to: '/', key: 'nav.home', icon: IconHome, end: true },
    // end: the vendor area's own pages (/vendor/profile) have their own menu entry.
    { to: '/client', key: 'nav.client', icon: IconBuildingFactory2, end: true },
    { to: '/vendor', key: 'nav.vendor', icon: IconBuildingStore, end: true },
    { to: '/vendors', key: 'nav.search', icon: IconSearch, end: false },
    { to: '/catalogue', key: 'nav.catalogue', icon: IconCategory, end: false },
  ];
  if (!auth.isAuthenticated) return items;
  if (active) {
    items.push({ to: `/organisations/${active.id}`, key: 'nav.organisation', icon: IconBuilding, end: true });
    if (active.kind === 'vendor') {
      items.push({ to: '/vendor/profile', key: 'nav.profile', icon: IconId, end: false });
      items.push({ to: '/vendor/rfps', key: 'nav.vendorRfps', icon: IconInbox, end: false });
      items.push({ to: '/vendor/billing', key: 'nav.billing', icon: IconCreditCard, end: false });
    }
    if (active.kind === 'client') {
      items.push({ to: '/client/work-inventory', key: 'nav.inventory', icon: IconClipboardList, end: false });
      items.push({ to: '/client/rfps', key: 'nav.rfps', icon: IconFileText, end: false });
    }
    items.push({ to: '/contracts', key: 'nav.contracts', icon: IconFileCertificate, end: false });
    items.push({ to: '/settings/members', key: 'nav.members', icon: IconUsers, end: false });
    if (canManage) items.push({ to: '/settings/api-clients', key: 'nav.apiClients', icon: IconKey, end: false });
    if (isOwner) items.push({ to: '/settings/audit-log', key: 'nav.auditLog', icon: IconListDetails, end: false });
  }
  items.push({ to: '/organisations/new', key: 'nav.register', icon: IconPlus, end: false });
  if (me.data?.isPlatformOperator) {
    items.push({ to: '/operator/certifications', key: 'nav.certificationQueue', icon: IconCertificate, end: false });
    items.push({ to: '/operator/catalogue', key: 'nav.operatorCatalogue', icon: IconCategory, end: false });
  }
  return items;
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const navigation = useMenuItems();
  const loadingPage = useNavigation().state === 'loading';
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <Anchor href="#main" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header className="no-print">
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
          <Group gap="sm" wrap="nowrap">
            <AccountMenu />
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className="no-print" p="sm" component="nav" aria-label={t('nav.main')}>
        {/* Below the small breakpoint the header holds only the burger, the name and the bell; the rest is here. */}
        <Stack gap="xs" mb="sm" hiddenFrom="sm">
          <AccountNavSection onNavigate={close} />
          <LanguageSwitch />
        </Stack>
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
        <NavLink href="/api/docs" label={t('nav.apiDocs')} leftSection={<IconBook2 size={18} stroke={1.6} aria-hidden />} mt="auto" />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {loadingPage && <Progress className="page-progress" value={100} animated size="xs" radius={0} aria-label={t('app.loadingPage')} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** Shown while the first page's code arrives (later pages keep the current one on screen, with the bar above). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Loader aria-label={t('app.loadingPage')} />
    </Center>
  );
}
