import { Button, Group, Menu, Select, UnstyledButton, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link, useNavigate } from 'react-router';
import { setActiveOrganisationId } from '@/lib/auth/active-organisation';
import { useActiveOrganisation } from '@/lib/auth/me';
import { signIn } from '@/lib/auth/oidc';

/** Sign-in and sign-up for visitors; the organisation switcher and the account menu for a signed-in person. */
export function AccountMenu() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me, organisations, active } = useActiveOrganisation();

  if (!auth.isAuthenticated)
    return (
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" size="xs" onClick={() => void signIn()}>
          {t('nav.signIn')}
        </Button>
        <Button component={Link} to="/account/sign-up" size="xs" visibleFrom="xs">
          {t('nav.signUp')}
        </Button>
      </Group>
    );

  const switchTo = (id: string | null) => {
    if (!id || id === active?.id) return;
    setActiveOrganisationId(id);
    // Everything cached belongs to the previous organisation.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    void navigate(`/organisations/${id}`);
  };

  return (
    <Group gap="sm" wrap="nowrap">
      {organisations.length > 0 && (
        <Select
          aria-label={t('switcher.label')}
          size="xs"
          w={{ base: 160, sm: 240 }}
          data={organisations.map((o) => ({ value: o.id, label: `${o.name}（${t(`organisation.kind.${o.kind}`)}）` }))}
          value={active?.id ?? null}
          onChange={switchTo}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('account.menu')}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm" visibleFrom="md" maw={200} truncate>
                {me.data?.email ?? auth.user?.profile.email}
              </Text>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to="/account/settings" leftSection={<IconSettings size={16} aria-hidden />}>
            {t('account.settings')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => {
              setActiveOrganisationId(null);
              queryClient.clear();
              void auth.signoutRedirect();
            }}
          >
            {t('nav.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
