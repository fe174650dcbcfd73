import createClient, { type Middleware } from 'openapi-fetch';
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

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(languageMiddleware);
