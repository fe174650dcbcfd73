import { Alert, Button, Group } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';

/**
 * What to do when a save was refused because the document changed elsewhere (412: another tab, a colleague): keep
 * what is on this screen (saved over the newer one) or read the newer one. Nothing typed here is dropped until the
 * person chooses.
 */
export function StaleChangeAlert({ error, onKeepMine, onReload }: { error: unknown; onKeepMine: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return (
    <Alert color="orange" title={error.problem?.title ?? t('stale.title')} role="alert">
      {error.problem?.detail ?? t('stale.detail')}
      <Group mt="xs" gap="xs">
        <Button size="xs" onClick={onKeepMine}>
          {t('stale.keepMine')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
          {t('stale.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
