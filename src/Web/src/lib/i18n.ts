import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

export const supportedLanguages = ['ja', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'marketplace.language';

// Japanese unless the user chose English (remembered in localStorage). The browser's own language is not
// consulted: the first users are Japanese companies, and the choice should not depend on the machine's locale.
// Only the language in use is downloaded (each catalogue is its own chunk); main.tsx renders once it has arrived,
// and changeLanguage fetches the other before it switches.
const remembered = (() => {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage blocked: Japanese
  }
})();
export const i18nReady = i18n
  .use(resourcesToBackend((language: string) => import(`../locales/${language}.json`)))
  .use(initReactI18next)
  .init({
    lng: remembered?.startsWith('en') ? 'en' : 'ja',
    supportedLngs: supportedLanguages,
    fallbackLng: false, // each catalogue is complete (tests/E2E/MessageCatalogues.cs): load one only
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
  });

const syncDocumentLanguage = (language: string) => {
  document.documentElement.lang = language.startsWith('en') ? 'en' : 'ja';
};
syncDocumentLanguage(i18n.language ?? 'ja');
i18n.on('languageChanged', (language) => {
  syncDocumentLanguage(language);
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // storage blocked: the choice lasts until the page is closed
  }
});

export const currentLanguage = (): Language => (i18n.language?.startsWith('en') ? 'en' : 'ja');

export default i18n;

/** Dates and times in the UI's language (Japanese style by default); one place decides the locale. */
export const formatDates = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'ja-JP', options);
