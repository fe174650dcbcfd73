import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '@/lib/i18n';

/** Switches between Japanese and English; i18next remembers the choice in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={currentLanguage()}
        onChange={(value) => void i18n.changeLanguage(value as Language)}
        data={[
          { value: 'ja', label: <span lang="ja">{t('language.ja')}</span> },
          { value: 'en', label: <span lang="en">{t('language.en')}</span> },
        ]}
      />
    </div>
  );
}
