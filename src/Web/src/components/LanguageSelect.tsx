import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Chooses the language of the e-mails an account or organisation receives ("ja" or "en"). */
export function LanguageSelect(props: { label: string; value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      value={props.value}
      onChange={(value) => props.onChange(value ?? 'ja')}
      error={props.error}
      allowDeselect={false}
      data={[
        { value: 'ja', label: t('language.ja') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
