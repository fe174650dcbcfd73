import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';

/** The home of the area an address belongs to: a missing RFP under /vendor sends back to the vendor's home. */
const areaHome = (path: string) => ['/client', '/vendor', '/operator'].find((area) => path.startsWith(`${area}/`) || path === area) ?? '/';

/**
 * The one not-found page: an address the router does not know (`page`), or a thing the Api answered 404 for (`item`:
 * deleted, never there, or not visible to this organisation, which the Api does not tell apart on purpose).
 */
export function NotFound({ kind }: { kind: 'page' | 'item' }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const home = areaHome(location.pathname);
  usePageTitle(t(`notFound.${kind}Title`));
  return (
    <Stack gap="sm" align="flex-start" role="region" aria-labelledby="not-found-title">
      <Title order={2} id="not-found-title">
        {t(`notFound.${kind}Title`)}
      </Title>
      <Text maw={640}>{t(`notFound.${kind}Body`)}</Text>
      {kind === 'item' && (
        <Text maw={640} c="dimmed" size="sm">
          {t('notFound.itemHint')}
        </Text>
      )}
      <Group gap="xs">
        <Button component={Link} to={home} variant="light" leftSection={<IconHome size={16} aria-hidden />}>
          {t(home === '/' ? 'notFound.action' : 'notFound.areaHome')}
        </Button>
        {window.history.length > 1 && (
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => void navigate(-1)}>
            {t('notFound.back')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
