import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { signIn } from '@/lib/auth/oidc';
import { usePageTitle } from '@/lib/use-page-title';
import { useConfirmEmail } from '../api/confirm-email';

/** Opened from the link in the confirmation mail: confirms at once and says what happened. */
export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  usePageTitle(t('confirm.title'));
  const [params] = useSearchParams();
  const confirm = useConfirmEmail();
  const sent = useRef(false);
  const userId = params.get('user') ?? '';
  const token = params.get('token') ?? '';

  useEffect(() => {
    // Once, even under React's development double effects.
    if (sent.current) return;
    sent.current = true;
    confirm.mutate({ userId, token });
  }, [confirm, userId, token]);

  return (
    <Stack gap="md" maw={560}>
      <Title order={2}>{t('confirm.title')}</Title>
      {confirm.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('confirm.doneTitle')} role="status">
          {t('confirm.done')}
        </Alert>
      ) : confirm.isError ? (
        confirm.error instanceof ApiError && confirm.error.status === 400 ? (
          <Alert color="red" variant="light" title={t('confirm.invalidTitle')} role="alert">
            {confirm.error.fieldErrors().token ?? t('confirm.invalid')}
            <Text size="sm" mt="xs">
              {t('confirm.invalidHelp')}
            </Text>
          </Alert>
        ) : (
          <ErrorAlert error={confirm.error} />
        )
      ) : (
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" aria-hidden />
          <Text>{t('confirm.working')}</Text>
        </Group>
      )}
      {confirm.isSuccess ? (
        <Button onClick={() => void signIn('/organisations/new')} w="fit-content">
          {t('confirm.signIn')}
        </Button>
      ) : (
        <Button component={Link} to="/" variant="light" w="fit-content">
          {t('notFound.action')}
        </Button>
      )}
    </Stack>
  );
}
