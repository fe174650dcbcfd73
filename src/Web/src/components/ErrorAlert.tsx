import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import { NotFound } from './NotFound';

/**
 * Explains a failed request in the user's language; field errors are shown by the form itself.
 * `inline`: a part of a page (a panel), which says its error in place; without it, a 404 on what the page loads is
 * the not-found page (the Api does not know the thing, or will not show it to this organisation), not a retry.
 */
export function ErrorAlert({ error, title, onRetry, inline = false }: { error: unknown; title?: string; onRetry?: () => void; inline?: boolean }) {
  const { t } = useTranslation();
  if (onRetry && !inline && error instanceof ApiError && error.status === 404) return <NotFound kind="item" />;
  const message =
    error instanceof ApiError
      ? error.status === 503
        ? t('errors.unavailable')
        : error.status === 400 && error.problem?.errors
          ? t('errors.validation')
          : (error.problem?.detail ?? error.problem?.title ?? t('errors.title'))
      : t('errors.network');
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? (error instanceof ApiError && error.problem?.detail ? error.problem.title : undefined) ?? t('errors.title')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      {message}
      {onRetry && (
        <Button variant="subtle" color="red" size="xs" ml="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
