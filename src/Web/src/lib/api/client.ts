import createClient, { type Middleware } from 'openapi-fetch';
import { activeOrganisationId } from '@/lib/auth/active-organisation';
import { accessToken, userManager } from '@/lib/auth/oidc';
import { currentLanguage } from '@/lib/i18n';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The Api answers in the user's language (validation messages), so every request says which one. */
const languageMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
};

/** The signed-in person's access token and chosen organisation, when there are any. */
const identityMiddleware: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    const organisation = activeOrganisationId();
    if (organisation && !request.headers.has('X-Organisation-Id')) request.headers.set('X-Organisation-Id', organisation);
    return request;
  },
  // A token the Api no longer accepts (session ended elsewhere, password changed, revoked): forget it, so that the
  // SPA shows the sign-in instead of failing request after request.
  async onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) await userManager.removeUser();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(languageMiddleware);
api.use(identityMiddleware);
