import { Divider, Group, Menu, NavLink, Select, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link, useNavigate } from 'react-router';
import { setActiveOrganisationId } from '@/lib/auth/active-organisation';
import { useActiveOrganisation } from '@/lib/auth/me';
import { NotificationBell } from './NotificationBell';

/** Switching organisations, and signing out: the same actions whether in the header or in the menu drawer. */
function useAccountActions() {
  const auth = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { active } = useActiveOrganisation();
  return {
    switchTo: (id: string | null) => {
      if (!id || id === active?.id) return;
      setActiveOrganisationId(id);
      // Everything cached belongs to the previous organisation.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      void navigate(`/organisations/${id}`);
    },
    signOut: () => {
      setActiveOrganisationId(null);
      queryClient.clear();
      void auth.signoutRedirect();
    },
  };
}

function OrganisationSwitcher({ fullWidth, onSwitched }: { fullWidth?: boolean; onSwitched?: () => void }) {
  const { t } = useTranslation();
  const { organisations, active } = useActiveOrganisation();
  const { switchTo } = useAccountActions();
  if (organisations.length === 0) return null;
  return (
    <Select
      aria-label={t('switcher.label')}
      size="xs"
      w={fullWidth ? '100%' : 240}
      data={organisations.map((o) => ({ value: o.id, label: `${o.name}（${t(`organisation.kind.${o.kind}`)}）` }))}
      value={active?.id ?? null}
      onChange={(id) => {
        switchTo(id);
        onSwitched?.();
      }}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** In the header from the small breakpoint up: the bell always; the switcher and the account menu where they fit. */
export function SignedInTools() {
  const { t } = useTranslation();
  const auth = useAuth();
  const { me, active } = useActiveOrganisation();
  const { signOut } = useAccountActions();
  return (
    <Group gap="sm" wrap="nowrap">
      {active && <NotificationBell organisationId={active.id} />}
      <Group gap="sm" wrap="nowrap" visibleFrom="sm">
        <OrganisationSwitcher />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            {/* Named by what it shows (the e-mail) and what it is, so speech input can say what sighted users see. */}
            <UnstyledButton>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" visibleFrom="md" maw={200} truncate>
                  {me.data?.email ?? auth.user?.profile.email}
                </Text>
                <VisuallyHidden>{t('account.menu')}</VisuallyHidden>
                <IconChevronDown size={16} aria-hidden />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component={Link} to="/account/settings" leftSection={<IconSettings size={16} aria-hidden />}>
              {t('account.settings')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
              {t('nav.signOut')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

/** The top of the menu drawer below the small breakpoint: who is signed in, the switcher, settings and sign-out. */
export function SignedInNavSection({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const { me } = useActiveOrganisation();
  const { signOut } = useAccountActions();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" truncate>
        {me.data?.email ?? auth.user?.profile.email}
      </Text>
      <OrganisationSwitcher fullWidth onSwitched={onNavigate} />
      <NavLink
        component={Link}
        to="/account/settings"
        label={t('account.settings')}
        onClick={onNavigate}
        leftSection={<IconSettings size={18} stroke={1.6} aria-hidden />}
      />
      <NavLink component="button" label={t('nav.signOut')} onClick={signOut} leftSection={<IconLogout size={18} stroke={1.6} aria-hidden />} />
      <Divider />
    </Stack>
  );
}
