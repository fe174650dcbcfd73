import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { ConfirmHost } from '@/lib/confirm';
import { QueryClientProvider } from '@tanstack/react-query';
import { AuthProvider } from 'react-oidc-context';
import { userManager } from '@/lib/auth/oidc';
import { RouterProvider } from 'react-router';
import { queryClient } from '@/lib/query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <AuthProvider
        userManager={userManager}
        // Drop ?code=&state= from the address once they are used; the callback page then goes where sign-in began.
        onSigninCallback={() => window.history.replaceState(window.history.state, '', window.location.pathname)}
      >
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
          <ConfirmHost />
        </QueryClientProvider>
      </AuthProvider>
    </MantineProvider>
  );
}
