import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { api } from '@/lib/api/client';
import { createOnce, intentKeys } from '@/lib/api/concurrency';
import { ApiError, unwrap } from '@/lib/api/problem';
import { useActiveOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { confirmAction } from '@/lib/confirm';

const apiClientKeys = intentKeys();

/** The integration scopes, per area, and the kind of organisation each is for (ApiScopes.ForApiClients in the Api). */
const scopes: { scope: string; kind: 'client' | 'vendor' | null }[] = [
  { scope: 'organisation.read', kind: null },
  { scope: 'audit.read', kind: null },
  { scope: 'rfps.read', kind: null },
  { scope: 'rfps.write', kind: 'client' },
  { scope: 'proposals.read', kind: null },
  { scope: 'contracts.read', kind: null },
  { scope: 'work-inventory.read', kind: 'client' },
  { scope: 'work-inventory.write', kind: 'client' },
  { scope: 'vendor-profile.read', kind: 'vendor' },
  { scope: 'vendor-profile.write', kind: 'vendor' },
  { scope: 'billing.read', kind: 'vendor' },
];

export function ApiClientsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('apiClients.title'));
  return (
    <RequireSignIn>
      <ApiClients />
    </RequireSignIn>
  );
}

/** An organisation's integrations (client credentials). The secret is shown once, right after creation. */
function ApiClients() {
  const { t } = useTranslation();
  const { active, canManage } = useActiveOrganisation();
  const queryClient = useQueryClient();
  const key = ['api-clients', active?.id];
  const clients = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET('/api/v1/api-clients')), enabled: !!active && canManage });
  const create = useMutation({
    mutationFn: (input: { name: string; scopes: string[] }) =>
      createOnce(apiClientKeys, input, async (headers) => unwrap(await api.POST('/api/v1/api-clients', { body: input, headers }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: async (apiClientId: string) => {
      const result = await api.DELETE('/api/v1/api-clients/{apiClientId}', { params: { path: { apiClientId } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(['organisation.read']);
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const dateFormat = formatDates({ dateStyle: 'medium' });

  if (!active || !canManage)
    return (
      <EmptyState
        icon={<IconKey size={26} />}
        title={t('apiClients.notAllowedTitle')}
        body={t('apiClients.notAllowedBody')}
        actionLabel={t('nav.home')}
        actionTo="/"
      />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes: chosen }, { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>{t('apiClients.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('apiClients.lead', { name: active.name })}
        </Text>
      </div>
      {create.isSuccess && (
        <Alert color="yellow" variant="light" title={t('apiClients.secretTitle')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('apiClients.secretHelp')}</Text>
            <Text size="sm">
              client_id: <Code data-testid="client-id">{create.data.clientId}</Code>
            </Text>
            <Group gap="xs">
              <Text size="sm">client_secret:</Text>
              <Code data-testid="client-secret">{create.data.clientSecret}</Code>
              <CopyButton value={create.data.clientSecret}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('apiClients.copied') : t('apiClients.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="new-client-heading">
        <Title order={3} id="new-client-heading" mb="sm">
          {t('apiClients.newTitle')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {create.isError && !fieldErrors.name && !fieldErrors.scopes && <ErrorAlert error={create.error} />}
            <TextInput
              label={t('apiClients.name')}
              placeholder={t('apiClients.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
              required
              w={360}
            />
            <Checkbox.Group label={t('apiClients.scopes')} value={chosen} onChange={setChosen} error={fieldErrors.scopes}>
              <Stack gap={6} mt="xs">
                {scopes
                  .filter((s) => s.kind === null || s.kind === active.kind)
                  .map(({ scope }) => (
                    <Checkbox key={scope} value={scope} label={`${scope} — ${t(`apiClients.scope.${scope}`)}`} />
                  ))}
              </Stack>
            </Checkbox.Group>
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('apiClients.create')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <section aria-labelledby="clients-heading">
        <Title order={3} id="clients-heading" mb="sm">
          {t('apiClients.listTitle')}
        </Title>
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        {clients.isPending ? (
          <Skeleton height={80} aria-busy />
        ) : clients.isError ? (
          <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />
        ) : clients.data.length === 0 ? (
          <Text c="dimmed">{t('apiClients.empty')}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiClients.name')}</Table.Th>
                <Table.Th scope="col">client_id</Table.Th>
                <Table.Th scope="col">{t('apiClients.scopes')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.created')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('members.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    <Code>{c.clientId}</Code>
                  </Table.Td>
                  <Table.Td>{c.scopes.join(', ')}</Table.Td>
                  <Table.Td>{dateFormat.format(new Date(c.createdAt))}</Table.Td>
                  <Table.Td>
                    {c.revokedAt ? (
                      <Badge color="gray" variant="light">
                        {t('apiClients.revoked')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoke.isPending && revoke.variables === c.id}
                        onClick={() =>
                          void confirmAction({ title: t('apiClients.confirmRevoke', { name: c.name }), confirmLabel: t('apiClients.revoke') }).then(
                            (yes) => yes && revoke.mutate(c.id),
                          )
                        }
                      >
                        {t('apiClients.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
