import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The first thing a person fills in or, in a dialog without fields, its first button (never the header's close button). */
const firstField = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';
const firstButton = 'button:not([disabled]), a[href]';

/**
 * Puts `data-autofocus` on the first field when the body mounts, before Mantine's focus trap looks for it: without it
 * the trap focuses the first tabbable element, which is the close button in the header.
 */
export const focusFirstField = (body: HTMLElement | null) => {
  if (!body || body.querySelector('[data-autofocus]')) return;
  (body.querySelector(firstField) ?? body.querySelector(firstButton))?.setAttribute('data-autofocus', 'true');
};

/** Every dialog of the app: named by its title, a close button with a name, focus on the first field. */
export function Dialog({ children, ...props }: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('dialog.close') }} {...props}>
      <div ref={focusFirstField}>{children}</div>
    </Modal>
  );
}
