import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/AttachmentList';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FileUpload } from '@/components/FileUpload';
import { useRefreshRfpAttachments, useRemoveRfpAttachment, useRfpAttachments } from './api';
import { confirmAction } from '@/lib/confirm';

/** The RFP's documents: added and removed while it is a draft (PDF, PNG or JPEG up to 10 MB), with upload progress. */
export function AttachmentsSection({ organisationId, rfpId, editable }: { organisationId: string; rfpId: string; editable: boolean }) {
  const { t } = useTranslation();
  const attachments = useRfpAttachments(organisationId, rfpId);
  const remove = useRemoveRfpAttachment(organisationId, rfpId);
  const refresh = useRefreshRfpAttachments(organisationId, rfpId);
  return (
    <Stack gap="sm">
      {editable && (
        <Text size="sm" c="dimmed">
          {t('rfp.attachmentsHint')}
        </Text>
      )}
      {attachments.isError ? (
        <ErrorAlert inline error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : (
        <AttachmentList
          items={attachments.data ?? []}
          downloadPath={(id) => `/api/v1/rfps/${rfpId}/attachments/${id}`}
          empty={t('rfp.noAttachments')}
          onRemove={
            editable
              ? (a) =>
                  void confirmAction({ title: t('attachments.confirmRemove', { name: a.fileName }), confirmLabel: t('attachments.removeConfirm') }).then(
                    (yes) => yes && remove.mutate(a.id),
                  )
              : undefined
          }
        />
      )}
      {editable && <FileUpload path={`/api/v1/rfps/${rfpId}/attachments`} label={t('rfp.addAttachment')} onUploaded={refresh} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
