import { createBrowserRouter } from 'react-router';
import { AppLayout } from '@/components/AppLayout';
import { ConfirmEmailRoute } from '@/features/account/routes/ConfirmEmailRoute';
import { SignUpRoute } from '@/features/account/routes/SignUpRoute';
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
      { path: 'vendor', element: <VendorAreaRoute /> },
      { path: 'register', element: <RegisterOrganisationRoute /> },
      { path: 'account/sign-up', element: <SignUpRoute /> },
      { path: 'account/confirm', element: <ConfirmEmailRoute /> },
      { path: 'organisations/:id', element: <OrganisationRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
