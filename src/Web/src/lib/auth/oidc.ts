import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/**
 * The SPA is a public OIDC client of the Api (authorization code + PKCE S256). Tokens live in sessionStorage (one
 * tab, gone when it closes); the access token is renewed with the rotating refresh token before it expires.
 */
export const userManager = new UserManager({
  authority: window.location.origin,
  client_id: 'marketplace-spa',
  redirect_uri: `${window.location.origin}/auth/callback`,
  post_logout_redirect_uri: `${window.location.origin}/`,
  response_type: 'code',
  scope: 'openid profile email offline_access marketplace',
  automaticSilentRenew: true,
  revokeTokensOnSignout: true,
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
});

// When the refresh token is refused (its family was revoked, or the password changed), the session is over.
userManager.events.addSilentRenewError(() => void userManager.removeUser());

/** Where a finished sign-in returns to: the page that asked for it. */
export interface SignInState {
  returnTo?: string;
}

export const signIn = (returnTo = window.location.pathname + window.location.search) =>
  userManager.signinRedirect({ state: { returnTo } satisfies SignInState });

export const accessToken = async () => (await userManager.getUser())?.access_token;
