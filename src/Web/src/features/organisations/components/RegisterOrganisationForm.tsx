import { Button, Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { LanguageSelect } from '@/components/LanguageSelect';
import { ApiError } from '@/lib/api/problem';
import { currentLanguage } from '@/lib/i18n';
import { useRegisterOrganisation, type Organisation } from '../api/register-organisation';

/**
 * The Api validates (and says what is wrong in the user's language); the form shows each field's error next to
 * the field. Nothing is checked twice in two places.
 */
export function RegisterOrganisationForm({ initialKind, onRegistered }: { initialKind: 'client' | 'vendor'; onRegistered: (o: Organisation) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>(initialKind);
  const [contactEmail, setContactEmail] = useState('');
  const [preferredLanguage, setPreferredLanguage] = useState<string>(currentLanguage());
  const registration = useRegisterOrganisation();
  const fieldErrors = registration.error instanceof ApiError ? registration.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    registration.mutate({ name, kind, contactEmail, preferredLanguage }, { onSuccess: onRegistered });
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={registration.isError ? 'register-error' : undefined}>
      <Stack gap="md" maw={520}>
        {registration.isError && (
          <div id="register-error">
            <ErrorAlert error={registration.error} title={t('register.failed')} />
          </div>
        )}
        <TextInput
          label={t('register.name')}
          placeholder={t('register.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors.name}
          required
          autoComplete="organization"
        />
        <Radio.Group label={t('register.kind')} value={kind} onChange={setKind} error={fieldErrors.kind} required>
          <Stack gap="xs" mt="xs">
            <Radio value="client" label={t('register.kindClient')} />
            <Radio value="vendor" label={t('register.kindVendor')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('register.contactEmail')}
          type="email"
          value={contactEmail}
          onChange={(e) => setContactEmail(e.currentTarget.value)}
          error={fieldErrors.contactEmail}
          required
          autoComplete="email"
        />
        <LanguageSelect label={t('register.language')} value={preferredLanguage} onChange={setPreferredLanguage} error={fieldErrors.preferredLanguage} />
        <Button type="submit" loading={registration.isPending} loaderProps={{ 'aria-label': t('register.submitting') }} w="fit-content">
          {t('register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
