import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout, PageLoading } from '@/components/AppLayout';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { loadWorkTexts } from '@/lib/i18n';

/**
 * A page whose code is fetched when it is first visited: every page is its own chunk, so the first load carries the
 * layout and the home page only (bench/spa-bytes.sh prints the bytes per route). The layout shows progress meanwhile.
 */
/** A work page: its code and the work pages' texts, both before it renders. */
const page =
  <M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K) =>
  async () => ({ Component: (await Promise.all([load(), loadWorkTexts()]))[0][name] });

/** A page anyone opens first (search, a vendor's page, signing in): only the common texts. */
const publicPage =
  <M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K) =>
  async () => ({ Component: (await load())[name] });

// The app composes the features; features never import each other.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    HydrateFallback: PageLoading,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'client', lazy: page(() => import('@/features/home/HomeRoutes'), 'ClientHomeRoute') },
      { path: 'client/work-inventory', lazy: page(() => import('@/features/work-inventory/WorkInventoryRoute'), 'WorkInventoryRoute') },
      { path: 'client/rfps', lazy: page(() => import('@/features/rfps/RfpListRoute'), 'RfpListRoute') },
      { path: 'client/rfps/:id', lazy: page(() => import('@/features/rfps/RfpBuilderRoute'), 'RfpBuilderRoute') },
      { path: 'client/rfps/:id/proposals', lazy: page(() => import('@/features/proposals/ClientProposalsRoute'), 'ClientProposalsRoute') },
      { path: 'client/rfps/:id/evaluation', lazy: page(() => import('./routes/EvaluationPage'), 'EvaluationPage') },
      { path: 'contracts', lazy: page(() => import('@/features/awards/ContractRoutes'), 'ContractListRoute') },
      { path: 'contracts/:id', lazy: page(() => import('@/features/awards/ContractRoutes'), 'ContractRoute') },
      { path: 'vendor', lazy: page(() => import('@/features/home/HomeRoutes'), 'VendorHomeRoute') },
      { path: 'vendor/profile', lazy: page(() => import('@/features/vendor-profile/VendorProfileRoute'), 'VendorProfileRoute') },
      { path: 'vendor/rfps', lazy: page(() => import('@/features/vendor-rfps/VendorRfpFeedRoute'), 'VendorRfpFeedRoute') },
      { path: 'vendor/billing', lazy: page(() => import('@/features/billing/BillingRoute'), 'BillingRoute') },
      { path: 'vendor/billing/return', lazy: page(() => import('@/features/billing/BillingRoute'), 'BillingReturnRoute') },
      { path: 'vendor/billing/cancelled', lazy: page(() => import('@/features/billing/BillingRoute'), 'BillingCancelledRoute') },
      { path: 'vendor/rfps/:id', lazy: page(() => import('@/features/vendor-rfps/VendorRfpRoute'), 'VendorRfpRoute') },
      { path: 'vendor/rfps/:id/proposal', lazy: page(() => import('@/features/proposals/ProposalRoute'), 'ProposalRoute') },
      { path: 'vendors', lazy: publicPage(() => import('@/features/marketplace/VendorSearchRoute'), 'VendorSearchRoute') },
      { path: 'vendors/compare', lazy: publicPage(() => import('@/features/marketplace/CompareRoute'), 'CompareRoute') },
      { path: 'vendors/:slug', lazy: publicPage(() => import('@/features/vendor-profile/PublicVendorRoute'), 'PublicVendorRoute') },
      { path: 'organisations/new', lazy: page(() => import('@/features/organisations/routes/RegisterOrganisationRoute'), 'RegisterOrganisationRoute') },
      { path: 'organisations/:id', lazy: page(() => import('@/features/organisations/routes/OrganisationRoute'), 'OrganisationRoute') },
      { path: 'account/sign-up', lazy: publicPage(() => import('@/features/account/routes/SignUpRoute'), 'SignUpRoute') },
      { path: 'account/confirm', lazy: publicPage(() => import('@/features/account/routes/ConfirmEmailRoute'), 'ConfirmEmailRoute') },
      { path: 'account/sign-in', lazy: publicPage(() => import('@/features/account/routes/SignInRoute'), 'SignInRoute') },
      { path: 'account/forgot-password', lazy: publicPage(() => import('@/features/account/routes/PasswordRoutes'), 'ForgotPasswordRoute') },
      { path: 'account/reset-password', lazy: publicPage(() => import('@/features/account/routes/PasswordRoutes'), 'ResetPasswordRoute') },
      { path: 'account/settings', lazy: page(() => import('@/features/account/routes/AccountSettingsRoute'), 'AccountSettingsRoute') },
      { path: 'auth/callback', lazy: publicPage(() => import('@/features/account/routes/AuthCallbackRoute'), 'AuthCallbackRoute') },
      { path: 'invitations/accept', lazy: page(() => import('@/features/members/routes/AcceptInvitationRoute'), 'AcceptInvitationRoute') },
      { path: 'settings/members', lazy: page(() => import('@/features/members/routes/MembersRoute'), 'MembersRoute') },
      { path: 'settings/api-clients', lazy: page(() => import('@/features/integrations/ApiClientsRoute'), 'ApiClientsRoute') },
      { path: 'settings/audit-log', lazy: page(() => import('@/features/audit/AuditLogRoute'), 'AuditLogRoute') },
      { path: 'catalogue', lazy: publicPage(() => import('@/features/catalogue/CatalogueRoutes'), 'CatalogueRoute') },
      { path: 'operator/catalogue', lazy: page(() => import('@/features/catalogue/CatalogueRoutes'), 'OperatorCatalogueRoute') },
      { path: 'operator/certifications', lazy: page(() => import('@/features/vendor-profile/CertificationQueueRoute'), 'CertificationQueueRoute') },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
