import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/AttachmentList';
import { ErrorAlert } from '@/components/ErrorAlert';
import { ApiError } from '@/lib/api/problem';
import { uploadWithProgress } from '@/lib/api/upload';
import { useRefreshRfpAttachments, useRemoveRfpAttachment, useRfpAttachments } from './api';

/** The RFP's documents: added and removed while it is a draft (PDF, PNG or JPEG up to 10 MB), with upload progress. */
export function AttachmentsSection({ organisationId, rfpId, editable }: { organisationId: string; rfpId: string; editable: boolean }) {
  const { t } = useTranslation();
  const attachments = useRfpAttachments(organisationId, rfpId);
  const remove = useRemoveRfpAttachment(organisationId, rfpId);
  const refresh = useRefreshRfpAttachments(organisationId, rfpId);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    setError(null);
    setProgress(0);
    try {
      await uploadWithProgress(`/api/v1/rfps/${rfpId}/attachments`, form, setProgress);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const fieldError = error instanceof ApiError ? error.fieldErrors().file : undefined;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('rfp.attachmentsHint')}</Text>
      {attachments.isError ? (
        <ErrorAlert error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : (
        <AttachmentList items={attachments.data ?? []} downloadPath={(id) => `/api/v1/rfps/${rfpId}/attachments/${id}`} empty={t('rfp.noAttachments')}
          onRemove={editable ? (a) => window.confirm(t('attachments.confirmRemove', { name: a.fileName })) && remove.mutate(a.id) : undefined} />
      )}
      {editable && (
        <Group>
          <FileButton onChange={(file) => file && void upload(file)} accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg">
            {(props) => (
              <Button {...props} variant="light" size="xs" leftSection={<IconUpload size={14} />} loading={progress !== null}>
                {t('rfp.addAttachment')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t('rfp.uploading')} />}
      {fieldError && <Text size="sm" c="red.8" role="alert">{fieldError}</Text>}
      {error !== null && !fieldError && <ErrorAlert error={error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
