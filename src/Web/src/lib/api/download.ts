import { api } from './client';
import { ApiError, type Problem } from './problem';

/**
 * Downloads a file the Api serves only to those allowed (so a plain link, without the token, cannot fetch it):
 * fetched with the token, then saved under the name the Api gives.
 */
export async function download(path: string, fallbackName: string) {
  const result = await api.GET(path as never, { parseAs: 'blob' } as never);
  const response = (result as { response: Response }).response;
  if (!response.ok) throw new ApiError(response.status, (result as { error?: Problem }).error);
  const blob = (result as { data: Blob }).data;
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ? decodeURIComponent(name) : fallbackName;
  link.click();
  URL.revokeObjectURL(link.href);
}
