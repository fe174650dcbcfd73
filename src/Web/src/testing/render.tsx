import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import enWork from '@/locales/en.work.json';
import ja from '@/locales/ja.json';
import jaWork from '@/locales/ja.work.json';

/** Renders a component as the app does: Mantine's theme and the real catalogues, in Japanese unless told. */
export async function renderInApp(ui: ReactElement, { language = 'ja' }: { language?: 'ja' | 'en' } = {}) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { ja: { translation: ja, work: jaWork }, en: { translation: en, work: enWork } },
    ns: ['translation'],
    fallbackNS: 'work',
    interpolation: { escapeValue: false },
  });
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}
