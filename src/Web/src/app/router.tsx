import { createBrowserRouter } from 'react-router';
import { AppLayout } from '@/components/AppLayout';
import { AccountSettingsRoute } from '@/features/account/routes/AccountSettingsRoute';
import { AuthCallbackRoute } from '@/features/account/routes/AuthCallbackRoute';
import { ConfirmEmailRoute } from '@/features/account/routes/ConfirmEmailRoute';
import { ForgotPasswordRoute, ResetPasswordRoute } from '@/features/account/routes/PasswordRoutes';
import { SignInRoute } from '@/features/account/routes/SignInRoute';
import { SignUpRoute } from '@/features/account/routes/SignUpRoute';
import { AuditLogRoute } from '@/features/audit/AuditLogRoute';
import { CatalogueRoute, OperatorCatalogueRoute } from '@/features/catalogue/CatalogueRoutes';
import { ApiClientsRoute } from '@/features/integrations/ApiClientsRoute';
import { AcceptInvitationRoute } from '@/features/members/routes/AcceptInvitationRoute';
import { MembersRoute } from '@/features/members/routes/MembersRoute';
import { CompareRoute } from '@/features/marketplace/CompareRoute';
import { VendorSearchRoute } from '@/features/marketplace/VendorSearchRoute';
import { CertificationQueueRoute } from '@/features/vendor-profile/CertificationQueueRoute';
import { PublicVendorRoute } from '@/features/vendor-profile/PublicVendorRoute';
import { VendorProfileRoute } from '@/features/vendor-profile/VendorProfileRoute';
import { RfpBuilderRoute } from '@/features/rfps/RfpBuilderRoute';
import { RfpListRoute } from '@/features/rfps/RfpListRoute';
import { VendorRfpFeedRoute } from '@/features/vendor-rfps/VendorRfpFeedRoute';
import { VendorRfpRoute } from '@/features/vendor-rfps/VendorRfpRoute';
import { ProposalRoute } from '@/features/proposals/ProposalRoute';
import { ClientProposalsRoute } from '@/features/proposals/ClientProposalsRoute';
import { EvaluationRoute } from '@/features/evaluation/EvaluationRoute';
import { BillingCancelledRoute, BillingReturnRoute, BillingRoute } from '@/features/billing/BillingRoute';
import { ContractListRoute, ContractRoute } from '@/features/awards/ContractRoutes';
import { WorkInventoryRoute } from '@/features/work-inventory/WorkInventoryRoute';
import { OrganisationRoute } from '@/features/organisations/routes/OrganisationRoute';
import { RegisterOrganisationRoute } from '@/features/organisations/routes/RegisterOrganisationRoute';
import { ClientAreaRoute, VendorAreaRoute } from './routes/AreaRoutes';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';

// The app composes the features; features never import each other.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'client', element: <ClientAreaRoute /> },
      { path: 'client/work-inventory', element: <WorkInventoryRoute /> },
      { path: 'client/rfps', element: <RfpListRoute /> },
      { path: 'client/rfps/:id', element: <RfpBuilderRoute /> },
      { path: 'client/rfps/:id/proposals', element: <ClientProposalsRoute /> },
      { path: 'client/rfps/:id/evaluation', element: <EvaluationRoute /> },
      { path: 'contracts', element: <ContractListRoute /> },
      { path: 'contracts/:id', element: <ContractRoute /> },
      { path: 'vendor', element: <VendorAreaRoute /> },
      { path: 'vendor/profile', element: <VendorProfileRoute /> },
      { path: 'vendor/rfps', element: <VendorRfpFeedRoute /> },
      { path: 'vendor/billing', element: <BillingRoute /> },
      { path: 'vendor/billing/return', element: <BillingReturnRoute /> },
      { path: 'vendor/billing/cancelled', element: <BillingCancelledRoute /> },
      { path: 'vendor/rfps/:id', element: <VendorRfpRoute /> },
      { path: 'vendor/rfps/:id/proposal', element: <ProposalRoute /> },
      { path: 'vendors', element: <VendorSearchRoute /> },
      { path: 'vendors/compare', element: <CompareRoute /> },
      { path: 'vendors/:slug', element: <PublicVendorRoute /> },
      { path: 'organisations/new', element: <RegisterOrganisationRoute /> },
      { path: 'organisations/:id', element: <OrganisationRoute /> },
      { path: 'account/sign-up', element: <SignUpRoute /> },
      { path: 'account/confirm', element: <ConfirmEmailRoute /> },
      { path: 'account/sign-in', element: <SignInRoute /> },
      { path: 'account/forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'account/reset-password', element: <ResetPasswordRoute /> },
      { path: 'account/settings', element: <AccountSettingsRoute /> },
      { path: 'auth/callback', element: <AuthCallbackRoute /> },
      { path: 'invitations/accept', element: <AcceptInvitationRoute /> },
      { path: 'settings/members', element: <MembersRoute /> },
      { path: 'settings/api-clients', element: <ApiClientsRoute /> },
      { path: 'settings/audit-log', element: <AuditLogRoute /> },
      { path: 'catalogue', element: <CatalogueRoute /> },
      { path: 'operator/catalogue', element: <OperatorCatalogueRoute /> },
      { path: 'operator/certifications', element: <CertificationQueueRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
