import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Autosave } from '@/lib/autosave';
import { ApiError } from '@/lib/api/problem';
import { formatDates } from '@/lib/i18n';

/** One line beside the title: saved when, saving, or why not, with "send now" while a retry waits. */
export function AutosaveStatusLine({ autosave, idleText }: { autosave: Autosave; idleText?: string }) {
  const { t } = useTranslation();
  const time = formatDates({ timeStyle: 'short' });
  const error = autosave.error;
  const text = (() => {
    switch (autosave.status) {
      case 'waiting':
      case 'saving':
        return t('autosave.saving');
      case 'saved':
        return autosave.savedAt ? t('autosave.savedAt', { time: time.format(new Date(autosave.savedAt)) }) : t('autosave.saving');
      case 'retrying':
        return t('autosave.retrying');
      case 'refused':
        if (error instanceof ApiError && error.status === 400) return t('autosave.invalid');
        if (error instanceof ApiError && error.status === 412) return t('autosave.stale');
        return t('autosave.refused', { reason: error instanceof ApiError ? (error.problem?.title ?? `HTTP ${error.status}`) : '' });
      default:
        return idleText ?? t('autosave.idle');
    }
  })();
  const failed = autosave.status === 'retrying' || autosave.status === 'refused';
  return (
    <Group gap="xs" wrap="nowrap" component="span">
      <Text span size="sm" c={failed ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {text}
      </Text>
      {autosave.status === 'retrying' && (
        <Button size="compact-xs" variant="light" onClick={autosave.retryNow}>
          {t('autosave.retryNow')}
        </Button>
      )}
    </Group>
  );
}

/**
 * What came back from this browser on opening: a copy the server never had (put back, may be thrown away), or a copy
 * typed over a version that has changed since (the person chooses).
 */
export function AutosaveRestoreAlerts({ autosave, onDiscard }: { autosave: Autosave; onDiscard: () => void }) {
  const { t } = useTranslation();
  const dates = formatDates({ dateStyle: 'medium', timeStyle: 'short' });
  if (autosave.conflict) {
    return (
      <Alert color="orange" icon={<IconDeviceFloppy size={18} />} title={t('autosave.conflictTitle')} role="alert">
        {t('autosave.conflictBody', { time: dates.format(new Date(autosave.conflict.typedAt)) })}
        <Group mt="xs" gap="xs">
          <Button size="xs" onClick={autosave.restoreConflict}>
            {t('autosave.restoreMine')}
          </Button>
          <Button size="xs" variant="default" onClick={onDiscard}>
            {t('autosave.discard')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (autosave.restoredFrom) {
    return (
      <Alert
        color="blue"
        icon={<IconDeviceFloppy size={18} />}
        title={t('autosave.restoredTitle')}
        role="status"
        withCloseButton
        closeButtonLabel={t('autosave.dismiss')}
        onClose={autosave.dismissRestored}
      >
        {t('autosave.restoredBody', { time: dates.format(new Date(autosave.restoredFrom)) })}
        <Group mt="xs" gap="xs">
          <Button size="xs" variant="default" onClick={onDiscard}>
            {t('autosave.discard')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return null;
}
