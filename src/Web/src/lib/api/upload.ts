import { activeOrganisationId } from '@/lib/auth/active-organisation';
import { accessToken } from '@/lib/auth/oidc';
import { currentLanguage } from '@/lib/i18n';
import { ApiError, type Problem } from './problem';

/**
 * Posts a multipart form and reports the upload's progress (0-1), which fetch cannot do; otherwise it behaves like
 * the api client: the same headers, the answer's JSON, an ApiError for anything but 2xx.
 */
export async function uploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const token = await accessToken();
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.responseType = 'json';
    request.setRequestHeader('Accept-Language', currentLanguage());
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    const organisation = activeOrganisationId();
    if (organisation) request.setRequestHeader('X-Organisation-Id', organisation);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve(request.response as T)
        : reject(new ApiError(request.status, (request.response ?? undefined) as Problem | undefined));
    request.onerror = () => reject(new TypeError('network'));
    request.send(form);
  });
}
