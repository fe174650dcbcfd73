import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconMailForward, IconUsers } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { ApiError } from '@/lib/api/problem';
import { useActiveOrganisation, type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useChangeRole, useInvitations, useInvite, useMembers, useRemoveMember, useRevokeInvitation } from '../api/members';
import { rolesOf } from '../roles';
import { confirmAction } from '@/lib/confirm';

export function MembersRoute() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  return (
    <RequireSignIn>
      <MembersOfActiveOrganisation />
    </RequireSignIn>
  );
}

function MembersOfActiveOrganisation() {
  const { t } = useTranslation();
  const { active, canManage, me } = useActiveOrganisation();
  if (me.isPending) return <Skeleton height={200} />;
  if (!active)
    return (
      <EmptyState
        icon={<IconUsers size={26} />}
        title={t('members.noOrganisationTitle')}
        body={t('members.noOrganisationBody')}
        actionLabel={t('nav.register')}
        actionTo="/organisations/new"
      />
    );
  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>{t('members.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('members.lead', { name: active.name })}
        </Text>
      </div>
      <MemberTable organisation={active} canManage={canManage} myUserId={me.data?.id} />
      {canManage && <InviteForm organisation={active} />}
      {canManage && <InvitationTable organisation={active} />}
    </Stack>
  );
}

function MemberTable({ organisation, canManage, myUserId }: { organisation: MyOrganisation; canManage: boolean; myUserId?: string }) {
  const { t } = useTranslation();
  const members = useMembers(organisation.id);
  const changeRole = useChangeRole(organisation.id);
  const remove = useRemoveMember(organisation.id);
  const dateFormat = formatDates({ dateStyle: 'medium' });
  const roleOptions = rolesOf(organisation.kind).map((r) => ({ value: r, label: t(`roles.${r}`) }));

  if (members.isPending) return <Skeleton height={120} aria-busy />;
  if (members.isError) return <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />;
  // The last owner can neither leave nor be removed (the Api refuses it too); no button that can only fail.
  const owners = members.data.filter((m) => m.role === 'owner').length;
  return (
    <section aria-labelledby="members-heading">
      <Title order={3} id="members-heading" mb="sm">
        {t('members.listTitle')}
      </Title>
      {changeRole.isError && <ErrorAlert error={changeRole.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.email')}</Table.Th>
            <Table.Th scope="col">{t('members.role')}</Table.Th>
            <Table.Th scope="col">{t('members.joined')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('members.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.map((m) => {
            const isMe = m.userId === myUserId;
            return (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.email}{' '}
                  {isMe && (
                    <Badge variant="light" size="sm">
                      {t('members.you')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select
                      aria-label={t('members.roleOf', { email: m.email })}
                      size="xs"
                      w={160}
                      data={roleOptions}
                      value={m.role}
                      allowDeselect={false}
                      disabled={m.role === 'owner' && owners === 1}
                      onChange={(role) => role && role !== m.role && changeRole.mutate({ memberId: m.id, role })}
                    />
                  ) : (
                    t(`roles.${m.role}`)
                  )}
                </Table.Td>
                <Table.Td>{dateFormat.format(new Date(m.joinedAt))}</Table.Td>
                <Table.Td>
                  {(canManage || isMe) && !(m.role === 'owner' && owners === 1) && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === m.id}
                      onClick={() =>
                        void confirmAction({
                          title: isMe ? t('members.confirmLeave') : t('members.confirmRemove', { email: m.email }),
                          confirmLabel: isMe ? t('members.leave') : t('members.remove'),
                        }).then((yes) => yes && remove.mutate(m.id))
                      }
                    >
                      {isMe ? t('members.leave') : t('members.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function InviteForm({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(organisation.kind === 'vendor' ? 'sales' : 'procurement');
  const invite = useInvite(organisation.id);
  const fieldErrors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email, role: role ?? '' }, { onSuccess: () => setEmail('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading">
      <Title order={3} id="invite-heading" mb="sm">
        {t('invite.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {invite.isError && !fieldErrors.email && !fieldErrors.role && <ErrorAlert error={invite.error} />}
          {invite.isSuccess && (
            <Text role="status" c="teal">
              {t('invite.sent', { email: invite.data.email })}
            </Text>
          )}
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('invite.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              required
              w={320}
            />
            <Select
              label={t('members.role')}
              data={rolesOf(organisation.kind).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={setRole}
              error={fieldErrors.role}
              allowDeselect={false}
              w={200}
            />
          </Group>
          <Button type="submit" leftSection={<IconMailForward size={16} aria-hidden />} loading={invite.isPending} w="fit-content">
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function InvitationTable({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const invitations = useInvitations(organisation.id, true);
  const revoke = useRevokeInvitation(organisation.id);
  const dateFormat = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  if (invitations.isPending) return <Skeleton height={80} aria-busy />;
  if (invitations.isError) return <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />;
  return (
    <section aria-labelledby="invitations-heading">
      <Title order={3} id="invitations-heading" mb="sm">
        {t('invite.listTitle')}
      </Title>
      {invitations.data.length === 0 ? (
        <Text c="dimmed">{t('invite.empty')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invite.email')}</Table.Th>
              <Table.Th scope="col">{t('members.role')}</Table.Th>
              <Table.Th scope="col">{t('invite.status')}</Table.Th>
              <Table.Th scope="col">{t('invite.expires')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('members.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{t(`roles.${i.role}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.status === 'pending' ? 'blue' : i.status === 'accepted' ? 'teal' : 'gray'}>
                    {t(`invite.statuses.${i.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{dateFormat.format(new Date(i.expiresAt))}</Table.Td>
                <Table.Td>
                  {i.status === 'pending' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(i.id)} loading={revoke.isPending && revoke.variables === i.id}>
                      {t('invite.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
