import { Alert, Anchor, Button, FileButton, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ErrorAlert';
import { download } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import { uploadWithProgress } from '@/lib/api/upload';
import { useAddTasks, type ImportPreview } from './api';
import { Dialog } from '@/components/Dialog';

type Step = { kind: 'choose' } | { kind: 'uploading'; fraction: number } | { kind: 'reading' } | { kind: 'preview'; preview: ImportPreview; fileName: string };

/**
 * Import from Excel or CSV in two steps: the Api reads the file and reports every problem by row and column (nothing
 * is added); the user then adds the good rows, or fixes the file and chooses it again.
 */
export function ImportTasks({ organisationId, onClose }: { organisationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const add = useAddTasks(organisationId);

  const read = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setStep({ kind: 'uploading', fraction: 0 });
    const form = new FormData();
    form.append('file', file);
    try {
      const preview = await uploadWithProgress<ImportPreview>('/api/v1/work-inventory/import/preview', form, (fraction) =>
        setStep(fraction < 1 ? { kind: 'uploading', fraction } : { kind: 'reading' }),
      );
      setStep({ kind: 'preview', preview, fileName: file.name });
    } catch (e) {
      setError(e);
      setStep({ kind: 'choose' });
    }
  };
  const fileError = error instanceof ApiError ? error.fieldErrors().file : undefined;

  const chooser = (label: string, variant: 'filled' | 'default') => (
    <FileButton onChange={(file) => void read(file)} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv">
      {(props) => (
        <Button {...props} variant={variant} leftSection={<IconUpload size={16} />}>
          {label}
        </Button>
      )}
    </FileButton>
  );

  return (
    <Dialog opened onClose={onClose} title={t('inventory.import.title')} size="xl">
      <Stack>
        {step.kind === 'choose' && (
          <>
            <Text size="sm">{t('inventory.import.lead')}</Text>
            <Group gap="md">
              <Anchor component="button" type="button" onClick={() => download('/api/v1/work-inventory/template.xlsx', 'template.xlsx').catch(setError)}>
                <Group gap={4} component="span">
                  <IconFileSpreadsheet size={16} aria-hidden />
                  {t('inventory.import.templateXlsx')}
                </Group>
              </Anchor>
              <Anchor component="button" type="button" onClick={() => download('/api/v1/work-inventory/template.csv', 'template.csv').catch(setError)}>
                {t('inventory.import.templateCsv')}
              </Anchor>
            </Group>
            {fileError ? (
              <Alert color="red" title={t('inventory.import.unreadable')} role="alert">
                {fileError}
              </Alert>
            ) : (
              error !== null && <ErrorAlert error={error} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('inventory.cancel')}
              </Button>
              {chooser(t('inventory.import.choose'), 'filled')}
            </Group>
          </>
        )}
        {step.kind === 'uploading' && (
          <Stack gap={4}>
            <Text size="sm">{t('inventory.import.uploading', { percent: Math.round(step.fraction * 100) })}</Text>
            <Progress value={step.fraction * 100} aria-label={t('inventory.import.uploadingLabel')} />
          </Stack>
        )}
        {step.kind === 'reading' && (
          <Stack gap={4}>
            <Text size="sm">{t('inventory.import.reading')}</Text>
            <Progress value={100} animated striped aria-label={t('inventory.import.reading')} />
          </Stack>
        )}
        {step.kind === 'preview' && (
          <Preview
            preview={step.preview}
            fileName={step.fileName}
            adding={add.isPending}
            onAdd={() =>
              add.mutate(
                step.preview.tasks.map((row) => row.task),
                { onSuccess: onClose },
              )
            }
            chooser={chooser(t('inventory.import.chooseAgain'), 'default')}
          />
        )}
        {add.isError && <ErrorAlert error={add.error} />}
      </Stack>
    </Dialog>
  );
}

function Preview({
  preview,
  fileName,
  adding,
  onAdd,
  chooser,
}: {
  preview: ImportPreview;
  fileName: string;
  adding: boolean;
  onAdd: () => void;
  chooser: ReactNode;
}) {
  const { t } = useTranslation();
  const good = preview.tasks.length;
  const problems = preview.problems;
  return (
    <>
      <Alert color={problems.length === 0 ? 'teal' : 'yellow'} role="status" title={fileName}>
        {t('inventory.import.summary', { rows: Number(preview.rows), good, problems: problems.length })}
      </Alert>
      {problems.length > 0 && (
        <Table.ScrollContainer minWidth={500} mah={320}>
          <Table striped withTableBorder>
            <Table.Caption>{t('inventory.import.problemsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.import.row')}</Table.Th>
                <Table.Th scope="col">{t('inventory.import.column')}</Table.Th>
                <Table.Th scope="col">{t('inventory.import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, i) => (
                <Table.Tr key={`${p.row}-${p.column}-${i}`}>
                  <Table.Td>{Number(p.row)}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {problems.length > 0 && good > 0 && <Text size="sm">{t('inventory.import.partialHint')}</Text>}
      <Group justify="flex-end">
        {chooser}
        {good > 0 && (
          <Button onClick={onAdd} loading={adding}>
            {problems.length === 0 ? t('inventory.import.addAll', { count: good }) : t('inventory.import.addGood', { count: good })}
          </Button>
        )}
      </Group>
    </>
  );
}
