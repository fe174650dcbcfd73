import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import { uploadWithProgress } from '@/lib/api/upload';
import { ErrorAlert } from './ErrorAlert';

/**
 * A button that uploads one file (PDF, PNG or JPEG: the platform's upload rules) to `path` as the multipart field
 * "file", with its progress, and the Api's field error in the reader's language; `onUploaded` gets the answer.
 */
export function FileUpload<T>({ path, label, onUploaded }: { path: string; label: string; onUploaded: (answer: T) => unknown }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    setError(null);
    setProgress(0);
    try {
      await onUploaded(await uploadWithProgress<T>(path, form, setProgress));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const fieldError = error instanceof ApiError ? error.fieldErrors().file : undefined;
  return (
    <Stack gap="xs">
      <Group>
        <FileButton onChange={(file) => file && void upload(file)} accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg">
          {(props) => (
            <Button {...props} variant="light" size="xs" leftSection={<IconUpload size={14} />} loading={progress !== null}>
              {label}
            </Button>
          )}
        </FileButton>
      </Group>
      {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t('rfp.uploading')} />}
      {fieldError && (
        <Text size="sm" c="red" role="alert">
          {fieldError}
        </Text>
      )}
      {error !== null && !fieldError && <ErrorAlert error={error} />}
    </Stack>
  );
}
