import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '@/lib/api/download';
import { ErrorAlert } from './ErrorAlert';

type Attachment = { id: string; fileName: string; size: number | string };

const readableSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Attached files as download links (fetched with the token: a plain link could not); removable where allowed. */
export function AttachmentList({
  items,
  downloadPath,
  empty,
  onRemove,
}: {
  items: Attachment[];
  downloadPath: (id: string) => string;
  empty: string;
  onRemove?: (attachment: Attachment) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={4}>
      {items.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <IconPaperclip size={16} aria-hidden />
          <Anchor component="button" type="button" size="sm" onClick={() => download(downloadPath(a.id), a.fileName).then(() => setError(null), setError)}>
            {a.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {readableSize(Number(a.size))}
          </Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('attachments.remove', { name: a.fileName })} onClick={() => onRemove(a)}>
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
