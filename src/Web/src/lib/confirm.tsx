import { Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import i18n from '@/lib/i18n';

/**
 * The confirmation dialogs come from @mantine/modals, whose code (the modal, its transitions and focus trap) is
 * loaded on the first confirmation, not with the first page: the host below mounts then, and stays.
 */
let wanted = false;
let ready: (() => void) | null = null;
const hostReady = new Promise<void>((resolve) => {
  ready = resolve;
});
const listeners = new Set<() => void>();
const want = () => {
  if (wanted) return;
  wanted = true;
  listeners.forEach((notify) => notify());
};

const ModalsHost = lazy(async () => {
  const { ModalsProvider } = await import('@mantine/modals');
  return {
    default: function Host() {
      useEffect(() => ready?.(), []);
      return <ModalsProvider>{null}</ModalsProvider>;
    },
  };
});

/** Rendered once inside the app's providers (theme, language): empty until the first confirmation asks for it. */
export function ConfirmHost() {
  const mounted = useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => wanted,
  );
  return mounted ? (
    <Suspense fallback={null}>
      <ModalsHost />
    </Suspense>
  ) : null;
}

/**
 * Asks before something that cannot be undone (deleting, withdrawing, revoking), in the app's own dialog: named by
 * its title, focus on "cancel" so that Enter does not destroy, Escape or the named close button cancels.
 * Resolves true only when the person confirmed. `returnFocus: false` when the page moves focus to the result itself
 * (the button that asked may be gone).
 */
export async function confirmAction({
  title,
  body,
  confirmLabel,
  danger = true,
  returnFocus = true,
}: {
  title: string;
  body?: string;
  confirmLabel: string;
  danger?: boolean;
  returnFocus?: boolean;
}) {
  want();
  const [{ modals }] = await Promise.all([import('@mantine/modals'), hostReady]);
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
