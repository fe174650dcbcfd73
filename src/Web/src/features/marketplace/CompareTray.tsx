import { Affix, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconLayoutColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareUrl, trayLimit, useCompareTray } from './compare-tray';

/** The tray along the bottom of the page: the vendors chosen so far, and the way to the side-by-side view. */
export function CompareTray() {
  const { t } = useTranslation();
  const tray = useCompareTray();
  if (tray.vendors.length === 0) return null;
  const ready = tray.vendors.length >= 2;
  return (
    <Affix position={{ bottom: 16, left: 16, right: 16 }} zIndex={150} className="no-print">
      <Paper withBorder shadow="md" p="sm" radius="md" component="section" aria-label={t('compare.tray')}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {t('compare.trayCount', { count: tray.vendors.length, limit: trayLimit })}
            </Text>
            {tray.vendors.map((v) => (
              <Paper key={v.slug} withBorder px="xs" py={2} radius="xl">
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{v.name}</Text>
                  <CloseButton size="sm" aria-label={t('compare.removeNamed', { name: v.name })} onClick={() => tray.remove(v.slug)} />
                </Group>
              </Paper>
            ))}
          </Group>
          <Group gap="xs">
            {!ready && (
              <Text size="sm" c="dimmed">
                {t('compare.needTwo')}
              </Text>
            )}
            <Button variant="subtle" size="sm" onClick={tray.clear}>
              {t('compare.clear')}
            </Button>
            <Button
              size="sm"
              leftSection={<IconLayoutColumns size={16} aria-hidden />}
              component={Link}
              to={compareUrl(tray.vendors.map((v) => v.slug))}
              disabled={!ready}
              data-disabled={!ready || undefined}
              onClick={(e) => !ready && e.preventDefault()}
            >
              {t('compare.open')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Affix>
  );
}
