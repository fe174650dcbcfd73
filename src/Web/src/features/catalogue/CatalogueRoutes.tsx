import { Badge, Button, Card, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconCategory } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireSignIn } from '@/components/RequireSignIn';
import { ApiError } from '@/lib/api/problem';
import { useMe } from '@/lib/auth/me';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { nameOf, useAddService, useCatalogue, useSetRetired, type OutsourcingType } from '@/lib/api/catalogue';

/** The public catalogue: what kinds of work the marketplace knows, by type. */
export function CatalogueRoute() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const catalogue = useCatalogue();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('catalogue.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('catalogue.lead')}
        </Text>
      </div>
      {catalogue.isPending ? (
        <Skeleton height={240} aria-busy />
      ) : catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <TypeColumns types={catalogue.data} />
      )}
    </Stack>
  );
}

function TypeColumns({ types, manage }: { types: OutsourcingType[]; manage?: (serviceId: string, retire: boolean) => ReactNode }) {
  const language = currentLanguage();
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      {types.map((type) => (
        <Card withBorder key={type.code} padding="md" component="section" aria-labelledby={`type-${type.code}`}>
          <Title order={3} size="h4" id={`type-${type.code}`} mb="sm">
            {nameOf(type, language)}
          </Title>
          {type.services.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('catalogue.noServices')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {type.services.map((service) => (
                <Group key={service.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" c={service.retired ? 'dimmed' : undefined} td={service.retired ? 'line-through' : undefined}>
                    {nameOf(service, language)}
                    {service.retired && (
                      <Badge ml="xs" size="xs" color="gray" variant="light">
                        {t('catalogue.retired')}
                      </Badge>
                    )}
                  </Text>
                  {manage?.(service.id, !service.retired)}
                </Group>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The operator's catalogue: add services, retire and restore them. */
export function OperatorCatalogueRoute() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.manageTitle'));
  return (
    <RequireSignIn>
      <OperatorCatalogue />
    </RequireSignIn>
  );
}

function OperatorCatalogue() {
  const { t } = useTranslation();
  const me = useMe();
  const [showRetired, setShowRetired] = useState(true);
  const catalogue = useCatalogue(showRetired);
  const setRetired = useSetRetired();
  const add = useAddService();
  const [type, setType] = useState<string | null>('BPO');
  const [nameJa, setNameJa] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [code, setCode] = useState('');
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors() : {};

  if (me.isPending) return <Skeleton height={200} />;
  if (!me.data?.isPlatformOperator)
    return (
      <EmptyState
        icon={<IconCategory size={26} />}
        title={t('catalogue.notAllowedTitle')}
        body={t('catalogue.notAllowedBody')}
        actionLabel={t('catalogue.title')}
        actionTo="/catalogue"
      />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { type: type ?? '', nameJa, nameEn, code: code || null },
      {
        onSuccess: () => {
          setNameJa('');
          setNameEn('');
          setCode('');
        },
      },
    );
  };

  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>{t('catalogue.manageTitle')}</Title>
        <Text c="dimmed" mt="xs">
          {t('catalogue.manageLead')}
        </Text>
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="add-service-heading">
        <Title order={3} id="add-service-heading" mb="sm">
          {t('catalogue.addTitle')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {add.isError && Object.keys(fieldErrors).length === 0 && <ErrorAlert error={add.error} />}
            {add.isSuccess && (
              <Text role="status" c="teal">
                {t('catalogue.added', { name: nameOf(add.data, currentLanguage()) })}
              </Text>
            )}
            <Group align="flex-start" wrap="wrap">
              <Select
                label={t('catalogue.type')}
                data={(catalogue.data ?? []).map((x) => ({ value: x.code, label: x.code }))}
                value={type}
                onChange={setType}
                error={fieldErrors.type}
                allowDeselect={false}
                w={120}
              />
              <TextInput
                label={t('catalogue.nameJa')}
                value={nameJa}
                onChange={(e) => setNameJa(e.currentTarget.value)}
                error={fieldErrors.nameJa}
                required
                w={260}
              />
              <TextInput
                label={t('catalogue.nameEn')}
                value={nameEn}
                onChange={(e) => setNameEn(e.currentTarget.value)}
                error={fieldErrors.nameEn}
                required
                w={260}
              />
              <TextInput
                label={t('catalogue.code')}
                description={t('catalogue.codeHelp')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fieldErrors.code}
                w={220}
              />
            </Group>
            <Button type="submit" loading={add.isPending} w="fit-content">
              {t('catalogue.add')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Switch label={t('catalogue.showRetired')} checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
      {setRetired.isError && <ErrorAlert error={setRetired.error} />}
      {catalogue.isPending ? (
        <Skeleton height={240} aria-busy />
      ) : catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <TypeColumns
          types={catalogue.data}
          manage={(serviceId, retire) => (
            <Button
              size="compact-xs"
              variant="subtle"
              color={retire ? 'red' : 'blue'}
              loading={setRetired.isPending && setRetired.variables?.serviceId === serviceId}
              onClick={() => setRetired.mutate({ serviceId, retire })}
            >
              {retire ? t('catalogue.retire') : t('catalogue.restore')}
            </Button>
          )}
        />
      )}
    </Stack>
  );
}
