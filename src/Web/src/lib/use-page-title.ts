import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Names the page in the browser tab and for screen readers: "<page> | Marketplace". */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} | ${t('app.name')}` : t('app.name'));
}
