import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { setActiveOrganisationId } from '@/lib/auth/active-organisation';
import { meQueryKey } from '@/lib/auth/me';
import { signIn } from '@/lib/auth/oidc';
import { usePageTitle } from '@/lib/use-page-title';
import { useAcceptInvitation, useInvitationPreview } from '../api/members';

/** Opened from the invitation mail: shows what is offered, then joins as the signed-in person. */
export function AcceptInvitationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('accept.title'));
  const [params] = useSearchParams();
  const auth = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = { organisationId: params.get('organisation') ?? '', invitationId: params.get('invitation') ?? '', token: params.get('token') ?? '' };
  const preview = useInvitationPreview(link);
  const accept = useAcceptInvitation();

  if (preview.isPending) return <Skeleton height={160} aria-busy />;
  if (preview.isError)
    return (
      <Stack maw={560}>
        <Title order={2}>{t('accept.title')}</Title>
        {preview.error instanceof ApiError && preview.error.status === 400 ? (
          <Alert color="red" variant="light" role="alert" title={t('accept.invalidTitle')}>
            {t('accept.invalid')}
          </Alert>
        ) : (
          <ErrorAlert error={preview.error} />
        )}
      </Stack>
    );

  const invitation = preview.data;
  return (
    <Stack gap="lg" maw={560}>
      <Title order={2}>{t('accept.title')}</Title>
      <Paper withBorder p="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <IconMailOpened size={28} aria-hidden />
          <div>
            <Text fw={600} size="lg">
              {invitation.organisationName}
            </Text>
            <Text>{t('accept.offer', { role: t(`roles.${invitation.role}`), kind: t(`organisation.kind.${invitation.organisationKind}`) })}</Text>
            <Text size="sm" c="dimmed">
              {t('accept.for', { email: invitation.email })}
            </Text>
          </div>
        </Group>
      </Paper>
      {accept.isError && <ErrorAlert error={accept.error} />}
      {auth.isAuthenticated ? (
        <Button
          w="fit-content"
          loading={accept.isPending}
          onClick={() =>
            accept.mutate(link, {
              onSuccess: (joined) => {
                setActiveOrganisationId(joined.organisationId);
                void queryClient.invalidateQueries({ queryKey: meQueryKey });
                void navigate(`/organisations/${joined.organisationId}`);
              },
            })
          }
        >
          {t('accept.submit')}
        </Button>
      ) : (
        <Stack gap="xs">
          <Text>{t('accept.signInFirst')}</Text>
          <Group>
            <Button onClick={() => void signIn()}>{t('nav.signIn')}</Button>
            <Button component={Link} to="/account/sign-up" variant="default">
              {t('nav.signUp')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
