import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

export const supportedLanguages = ['ja', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'marketplace.language';
const workNamespace = 'work';

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
  // Two catalogues per language: what every page (and the first load) needs, and "work": the texts of the signed-in
  // work pages (RFPs, proposals, evaluation, contracts, audit), loaded with the first of those pages.
  .use(resourcesToBackend((language: string, namespace: string) => import(`../locales/${language}${namespace === workNamespace ? '.work' : ''}.json`)))
  .use(initReactI18next)
  .init({
    lng: remembered?.startsWith('en') ? 'en' : 'ja',
    supportedLngs: supportedLanguages,
    fallbackLng: false, // each catalogue is complete (tests/E2E/MessageCatalogues.cs): load one only
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    ns: ['translation'],
    // A key not in the common catalogue is looked up in the work one (once loaded): keys read the same everywhere.
    fallbackNS: workNamespace,
  });

/** Loads the work pages' texts (in the current language, and in each language switched to afterwards). */
export const loadWorkTexts = () => i18n.loadNamespaces(workNamespace);

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
export const formatDates = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'ja-JP', options);
