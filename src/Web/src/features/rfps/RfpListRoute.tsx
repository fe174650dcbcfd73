import { ActionIcon, Badge, Button, Group, Menu, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconFileText, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { useCreateRfp, useRfps, useRfpTemplateActions, useRfpTemplates } from './api';
import { confirmAction } from '@/lib/confirm';

export const rfpEditorRoles = ['owner', 'admin', 'procurement'];
export const statusColour: Record<string, string> = {
  draft: 'gray',
  published: 'teal',
  closed: 'blue',
  evaluating: 'indigo',
  awarded: 'green',
  cancelled: 'red',
};

export function RfpListRoute() {
  const { t } = useTranslation();
  usePageTitle(t('rfp.listTitle'));
  return (
    <RequireOrganisationKind kind="client" icon={<IconFileText size={26} />} title={t('rfp.notClientTitle')} body={t('rfp.notClientBody')}>
      {(organisation) => <RfpList organisation={organisation} />}
    </RequireOrganisationKind>
  );
}

function RfpList({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rfps = useRfps(organisation.id);
  const create = useCreateRfp(organisation.id);
  const canEdit = rfpEditorRoles.includes(organisation.role);
  const dateFormat = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  const templates = useRfpTemplates(organisation.id);
  const templateActions = useRfpTemplateActions(organisation.id);
  const start = (fromTemplateId: string | null) =>
    create.mutate({ title: null, fromTemplateId }, { onSuccess: (rfp) => void navigate(`/client/rfps/${rfp.id}`) });
  const newButton = canEdit && (
    <Group gap="xs">
      <Button leftSection={<IconPlus size={16} />} loading={create.isPending} onClick={() => start(null)}>
        {t('rfp.new')}
      </Button>
      {(templates.data?.length ?? 0) > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" leftSection={<IconTemplate size={16} />} rightSection={<IconChevronDown size={14} />}>
              {t('rfp.fromTemplate')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {templates.data!.map((template) => (
              <Menu.Item
                key={template.id}
                onClick={() => start(template.id)}
                rightSection={
                  <ActionIcon
                    component="span"
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('rfp.deleteTemplate', { name: template.name })}
                    onClick={(e) => {
                      e.stopPropagation();
                      void confirmAction({ title: t('rfp.confirmDeleteTemplate', { name: template.name }), confirmLabel: t('rfp.delete') }).then(
                        (yes) => yes && templateActions.remove.mutate(template.id),
                      );
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                }
              >
                {template.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('rfp.listTitle')}</Title>
          <Text c="dimmed">{t('rfp.listLead')}</Text>
        </div>
        {(rfps.data?.length ?? 0) > 0 && newButton}
      </Group>
      {create.isError && <ErrorAlert error={create.error} />}
      {rfps.isPending ? (
        <Skeleton height={160} aria-busy />
      ) : rfps.isError ? (
        <ErrorAlert error={rfps.error} onRetry={() => void rfps.refetch()} />
      ) : rfps.data.length === 0 ? (
        <EmptyState
          icon={<IconFileText size={26} />}
          title={t('rfp.emptyTitle')}
          body={t('rfp.emptyBody')}
          action={
            <Group>
              <Button component={Link} to="/client/work-inventory" variant="default">
                {t('rfp.fromInventory')}
              </Button>
              {newButton}
            </Group>
          }
        />
      ) : (
        <Table striped withTableBorder verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rfp.field.title')}</Table.Th>
              <Table.Th scope="col">{t('rfp.statusLabel')}</Table.Th>
              <Table.Th scope="col">{t('rfp.field.proposalDeadline')}</Table.Th>
              <Table.Th scope="col">{t('rfp.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rfps.data.map((rfp) => (
              <Table.Tr key={rfp.id}>
                <Table.Th scope="row">
                  <Link to={`/client/rfps/${rfp.id}`}>{rfp.title || t('rfp.untitled')}</Link>
                </Table.Th>
                <Table.Td>
                  <Badge color={statusColour[rfp.status] ?? 'gray'} variant="light">
                    {t(`rfp.status.${rfp.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{rfp.proposalDeadline ? dateFormat.format(new Date(rfp.proposalDeadline)) : '—'}</Table.Td>
                <Table.Td>{dateFormat.format(new Date(rfp.updatedAt))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
