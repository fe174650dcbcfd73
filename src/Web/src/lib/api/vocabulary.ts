import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from './client';
import { unwrap } from './problem';

/** The closed lists profiles choose from (client sizes, regions, languages), with Japanese and English names. */
export type Vocabulary = Schemas['VendorVocabularyDto'];

export const useVocabulary = () =>
  useQuery({ queryKey: ['vendor-vocabulary'], queryFn: async () => unwrap(await api.GET('/api/v1/vendor-vocabulary')), staleTime: Infinity });

/** A vocabulary code's name in the UI's language (the code itself when unknown). */
export const vocabularyName = (vocabulary: Vocabulary | undefined, list: 'regions' | 'languages' | 'clientSizes', code: string, language: string) => {
  const item = vocabulary?.[list].find((i) => i.code === code);
  return item ? (language === 'en' ? item.nameEn : item.nameJa) : code;
};
