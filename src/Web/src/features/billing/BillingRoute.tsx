import { Alert, Badge, Button, Group, Loader, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCreditCard, IconInfoCircle, IconMinus } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { type MyOrganisation } from '@/lib/auth/me';
import { formatDates } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { QuotaLine } from '@/components/QuotaLine';
import { useVendorBilling, type VendorBilling } from '@/lib/api/vendor-billing';
import { useOpenPortal, useStartCheckout } from './api';

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/** The vendor's plan and its quota, and the plans on offer (decision 0017). */
export function BillingRoute() {
  const { t } = useTranslation();
  usePageTitle(t('billing.title'));
  return <ForVendors>{(organisation) => <Loaded organisation={organisation} />}</ForVendors>;
}

/** Plans belong to vendor organisations: the billing pages ask for one. */
function ForVendors({ children }: { children: (organisation: MyOrganisation) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <RequireOrganisationKind kind="vendor" icon={<IconCreditCard size={26} />} title={t('billing.notVendorTitle')} body={t('billing.notVendorBody')}>
      {children}
    </RequireOrganisationKind>
  );
}

function Loaded({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const billing = useVendorBilling(organisation.id);
  if (billing.isPending) return <Skeleton height={320} aria-busy />;
  if (billing.isError) return <ErrorAlert error={billing.error} onRetry={() => void billing.refetch()} />;
  const data = billing.data;
  const dates = formatDates({ dateStyle: 'long', timeZone: 'Asia/Tokyo' }); // the quota's month and Stripe's dates, read in Japan time
  const limit = data.quota.limit == null ? null : Number(data.quota.limit);
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('billing.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('billing.lead')}
        </Text>
      </div>
      {!data.configured && (
        <Alert icon={<IconInfoCircle size={18} />} title={t('billing.notConfiguredTitle')}>
          {t('billing.notConfiguredBody')}
        </Alert>
      )}
      {data.graceUntil && (
        <Alert color="orange" title={t('billing.pastDueTitle')}>
          {t('billing.pastDueBody', { date: dates.format(new Date(data.graceUntil)) })}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="current-plan">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="current-plan">
            {t('billing.currentPlan')}
          </Title>
          <Badge size="lg" variant="light">
            {data.plan.name}
          </Badge>
        </Group>
        <QuotaLine quota={data.quota} />
        {limit !== null && (
          <Progress
            mt="xs"
            value={limit === 0 ? 100 : (Number(data.quota.used) / limit) * 100}
            color={Number(data.quota.remaining) === 0 ? 'red' : 'indigo'}
            aria-label={t('billing.quotaUsed', { used: Number(data.quota.used), limit })}
          />
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('billing.quotaRule', { date: dates.format(new Date(data.quota.resetsAt)) })}
        </Text>
        {data.currentPeriodEnd && (
          <Text size="sm" mt="xs">
            {t('billing.periodEnd', { date: dates.format(new Date(data.currentPeriodEnd)) })}
          </Text>
        )}
        <Manage data={data} />
      </Paper>
      <Plans data={data} />
      <Text size="xs" c="dimmed">
        {t('billing.fairness')}
      </Text>
    </Stack>
  );
}

/** The customer portal (owners and admins, once the organisation has a Stripe customer), or who may manage billing. */
function Manage({ data }: { data: VendorBilling }) {
  const { t } = useTranslation();
  const portal = useOpenPortal();
  if (!data.configured) return null;
  if (!data.mayManage)
    return (
      <Text size="sm" c="dimmed" mt="sm">
        {t('billing.managersOnly')}
      </Text>
    );
  if (!data.hasBillingAccount) return null;
  return (
    <Stack gap="xs" mt="sm">
      <Group>
        <Button variant="light" loading={portal.isPending || portal.isSuccess} onClick={() => portal.mutate()}>
          {t('billing.manage')}
        </Button>
      </Group>
      {data.plan.code !== 'free' && (
        <Text size="xs" c="dimmed">
          {t('billing.changeInPortal')}
        </Text>
      )}
      {portal.isError && <ErrorAlert error={portal.error} />}
    </Stack>
  );
}

function Plans({ data }: { data: VendorBilling }) {
  const { t } = useTranslation();
  const checkout = useStartCheckout();
  // A paid plan is changed in Stripe's portal; from Free, any plan on sale can be bought here.
  const mayBuy = data.configured && data.mayManage && data.plan.code === 'free';
  const Feature = ({ on, label }: { on: boolean; label: string }) => (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon size="sm" variant="light" color={on ? 'teal' : 'gray'} aria-hidden>
        {on ? <IconCheck size={12} /> : <IconMinus size={12} />}
      </ThemeIcon>
      <Text size="sm" c={on ? undefined : 'dimmed'}>
        {label}
        <VisuallyHidden>{on ? t('billing.included') : t('billing.notIncluded')}</VisuallyHidden>
      </Text>
    </Group>
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: data.plans.length }} component="section" aria-label={t('billing.plansTitle')}>
        {data.plans.map((plan) => (
          <Paper
            key={plan.code}
            component="section"
            withBorder
            p="md"
            style={plan.code === data.plan.code ? { borderColor: 'var(--mantine-color-indigo-6)', borderWidth: 2 } : undefined}
            aria-label={plan.name}
          >
            <Group justify="space-between">
              <Title order={4}>{plan.name}</Title>
              {plan.code === data.plan.code && <Badge variant="filled">{t('billing.yourPlan')}</Badge>}
            </Group>
            <Text size="xl" fw={700} mt="xs">
              {Number(plan.priceYen) === 0 ? t('billing.freePrice') : t('billing.perMonth', { price: yen.format(Number(plan.priceYen)) })}
            </Text>
            <Stack gap={6} mt="sm">
              <Feature
                on
                label={plan.monthlyProposals == null ? t('billing.unlimited') : t('billing.monthlyProposals', { count: Number(plan.monthlyProposals) })}
              />
              <Feature on={plan.answerLibrary} label={t('billing.answerLibrary')} />
              <Feature on={plan.featuredBadge} label={t('billing.featuredBadge')} />
            </Stack>
            {mayBuy && plan.sold && plan.code !== data.plan.code && (
              <Button
                mt="md"
                fullWidth
                loading={checkout.variables === plan.code && (checkout.isPending || checkout.isSuccess)}
                disabled={checkout.isPending || checkout.isSuccess}
                onClick={() => checkout.mutate(plan.code)}
              >
                {t('billing.subscribe', { plan: plan.name })}
              </Button>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {checkout.isSuccess && (
        <Text size="sm" role="status">
          {t('billing.redirecting')}
        </Text>
      )}
      {checkout.isError && <ErrorAlert error={checkout.error} />}
    </Stack>
  );
}

/** How long the return page waits for Stripe's confirmation before saying it is slow. */
const confirmationWaitMs = 60_000;

/** Where Stripe's Checkout sends the browser back after paying: waits, showing progress, until the plan is in effect. */
export function BillingReturnRoute() {
  const { t } = useTranslation();
  usePageTitle(t('billing.returnTitle'));
  return <ForVendors>{(organisation) => <Confirming organisation={organisation} />}</ForVendors>;
}

function Confirming({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), confirmationWaitMs);
    return () => window.clearTimeout(timer);
  }, []);
  const billing = useVendorBilling(organisation.id, 1500);
  const done = billing.data && billing.data.plan.code !== 'free';
  const back = (
    <Button component={Link} to="/vendor/billing" variant="light">
      {t('billing.backToPlans')}
    </Button>
  );
  if (done) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={2}>{t('billing.returnDoneTitle', { plan: billing.data!.plan.name })}</Title>
        <Alert color="teal" icon={<IconCheck size={18} />} role="status">
          {t('billing.returnDoneBody')}
        </Alert>
        <QuotaLine quota={billing.data!.quota} />
        <Group>{back}</Group>
      </Stack>
    );
  }
  if (slow) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={2}>{t('billing.returnSlowTitle')}</Title>
        <Alert color="orange" icon={<IconInfoCircle size={18} />}>
          {t('billing.returnSlowBody')}
        </Alert>
        <Group>{back}</Group>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="lg" maw={640} aria-busy role="status">
      <Group gap="md" wrap="nowrap">
        <Loader size="sm" aria-hidden />
        <div>
          <Title order={2} size="h4">
            {t('billing.returnTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('billing.returnBody')}
          </Text>
        </div>
      </Group>
      {billing.isError && <ErrorAlert error={billing.error} />}
    </Paper>
  );
}

/** Where Stripe's Checkout sends the browser back when the vendor leaves without paying. */
export function BillingCancelledRoute() {
  const { t } = useTranslation();
  usePageTitle(t('billing.cancelledTitle'));
  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{t('billing.cancelledTitle')}</Title>
      <Alert icon={<IconInfoCircle size={18} />}>{t('billing.cancelledBody')}</Alert>
      <Group>
        <Button component={Link} to="/vendor/billing" variant="light">
          {t('billing.backToPlans')}
        </Button>
      </Group>
    </Stack>
  );
}
