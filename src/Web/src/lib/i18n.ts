import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import ja from '@/locales/ja.json';

export const supportedLanguages = ['ja', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'marketplace.language';

// Japanese unless the user chose English (remembered in localStorage). The browser's own language is not
// consulted: the first users are Japanese companies, and the choice should not depend on the machine's locale.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    supportedLngs: supportedLanguages,
    fallbackLng: 'ja',
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage'], lookupLocalStorage: languageStorageKey, caches: ['localStorage'] },
  });

const syncDocumentLanguage = (language: string) => {
  document.documentElement.lang = language.startsWith('en') ? 'en' : 'ja';
};
syncDocumentLanguage(i18n.language ?? 'ja');
i18n.on('languageChanged', syncDocumentLanguage);

export const currentLanguage = (): Language => (i18n.language?.startsWith('en') ? 'en' : 'ja');

export default i18n;

/** Dates and times in the UI's language (Japanese style by default); one place decides the locale. */
export const formatDates = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'ja-JP', options);
