import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18n from '@/lib/i18n';

/**
 * Asks before something that cannot be undone (deleting, withdrawing, revoking), in the app's own dialog: named by
 * its title, focus on "cancel" so that Enter does not destroy, Escape or the named close button cancels.
 * Resolves true only when the person confirmed.
 */
/** `returnFocus: false` when the page moves focus to the result itself (the button that asked may be gone). */
export function confirmAction({ title, body, confirmLabel, danger = true, returnFocus = true }: {
  title: string; body?: string; confirmLabel: string; danger?: boolean; returnFocus?: boolean;
}) {
  return new Promise<boolean>((resolve) => {
    modals.openConfirmModal({
      title,
      returnFocus,
      children: body ? <Text size="sm">{body}</Text> : undefined,
      labels: { confirm: confirmLabel, cancel: i18n.t('dialog.cancel') },
      confirmProps: { color: danger ? 'red' : undefined },
      cancelProps: { 'data-autofocus': true } as Record<string, unknown>,
      closeButtonProps: { 'aria-label': i18n.t('dialog.close') },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
