import { Alert, Badge, Button, Card, FileButton, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificationStatusBadge, useCertificationName } from '@/components/CertificationStatusBadge';
import { ErrorAlert } from '@/components/ErrorAlert';
import { download } from '@/lib/api/download';
import { ApiError } from '@/lib/api/problem';
import { formatDates } from '@/lib/i18n';
import { useCertifications, useDeleteCertification, useSaveCertification, useUploadEvidence, type Certification, type CertificationInput } from './api';
import { confirmAction } from '@/lib/confirm';

export const certificationTypes = ['isms', 'pmark', 'iso9001', 'soc2', 'other'] as const;

const empty: CertificationInput = { type: 'isms', otherName: null, registrationNumber: '', scope: '', issuer: '', validFrom: null, validTo: null };

export function CertificationsPanel({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const certifications = useCertifications(organisationId);
  const remove = useDeleteCertification(organisationId);
  const [editing, setEditing] = useState<{ id?: string; input: CertificationInput } | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="certifications-heading">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="certifications-heading">
          {t('certifications.title')}
        </Title>
        {canEdit && !editing && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ input: empty })}>
            {t('certifications.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('certifications.lead')}
      </Text>
      {editing && <CertificationForm organisationId={organisationId} editing={editing} onDone={() => setEditing(null)} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {certifications.isPending ? (
        <Skeleton height={80} aria-busy />
      ) : certifications.isError ? (
        <ErrorAlert inline error={certifications.error} onRetry={() => void certifications.refetch()} />
      ) : certifications.data.length === 0 ? (
        <Text c="dimmed">{t('certifications.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {certifications.data.map((c) => (
            <CertificationCard
              key={c.id}
              organisationId={organisationId}
              certification={c}
              canEdit={canEdit}
              onEdit={() =>
                setEditing({
                  id: c.id,
                  input: {
                    type: c.type,
                    otherName: c.otherName,
                    registrationNumber: c.registrationNumber,
                    scope: c.scope,
                    issuer: c.issuer,
                    validFrom: c.validFrom,
                    validTo: c.validTo,
                  },
                })
              }
              onDelete={() =>
                void confirmAction({ title: t('certifications.confirmDelete'), confirmLabel: t('certifications.delete') }).then(
                  (yes) => yes && remove.mutate(c.id),
                )
              }
            />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** What the summary needs; `evidence` is left out where it is not shown (the public page): then "not verified". */
export type CertificationFacts = Pick<
  Certification,
  'type' | 'otherName' | 'registrationNumber' | 'scope' | 'issuer' | 'validFrom' | 'validTo' | 'verified' | 'status'
> & {
  evidence?: Certification['evidence'];
};

export function CertificationSummary({ certification }: { certification: CertificationFacts }) {
  const { t } = useTranslation();
  const nameOf = useCertificationName();
  const dateFormat = formatDates({ dateStyle: 'medium' });
  return (
    <div>
      <Group gap="xs">
        <Text fw={600}>{nameOf(certification)}</Text>
        <Badge color={certification.verified ? 'teal' : 'gray'} variant="light">
          {certification.verified
            ? t('certifications.verified')
            : certification.evidence === undefined
              ? t('certifications.unverified')
              : certification.evidence
                ? t('certifications.awaiting')
                : t('certifications.noEvidence')}
        </Badge>
        <CertificationStatusBadge status={certification.status} />
      </Group>
      <Text size="sm">
        {t('certifications.number')}: {certification.registrationNumber}
        {certification.issuer ? `／${certification.issuer}` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        {t('certifications.validity', { from: dateFormat.format(new Date(certification.validFrom)), to: dateFormat.format(new Date(certification.validTo)) })}
        {certification.scope ? `／${t('certifications.scope')}: ${certification.scope}` : ''}
      </Text>
    </div>
  );
}

function CertificationCard({
  organisationId,
  certification,
  canEdit,
  onEdit,
  onDelete,
}: {
  organisationId: string;
  certification: Certification;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(organisationId);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <CertificationSummary certification={certification} />
        <Group gap="xs">
          {certification.evidence && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              onClick={() =>
                download(`/api/v1/vendor-profile/certifications/${certification.id}/evidence`, certification.evidence!.fileName).catch(setDownloadError)
              }
            >
              {certification.evidence.fileName}
            </Button>
          )}
          {canEdit && (
            <>
              <FileButton
                onChange={(file) => file && upload.mutate({ id: certification.id, file })}
                accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              >
                {(props) => (
                  <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={upload.isPending}>
                    {certification.evidence ? t('certifications.replaceEvidence') : t('certifications.uploadEvidence')}
                  </Button>
                )}
              </FileButton>
              <Button size="xs" variant="subtle" onClick={onEdit}>
                {t('certifications.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
                {t('certifications.delete')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {certification.rejection && (
        <Alert
          color="orange"
          variant="light"
          mt="xs"
          title={t('certifications.rejectedTitle', { date: formatDates({ dateStyle: 'medium' }).format(new Date(certification.rejection.at)) })}
        >
          <Text size="sm">{certification.rejection.reason}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('certifications.rejectedNext')}
          </Text>
        </Alert>
      )}
      {upload.isError && (
        <Text size="sm" c="red" role="alert" mt="xs">
          {upload.error instanceof ApiError ? (upload.error.fieldErrors().file ?? upload.error.message) : t('errors.network')}
        </Text>
      )}
      {downloadError !== null && <ErrorAlert error={downloadError} />}
    </Card>
  );
}

function CertificationForm({
  organisationId,
  editing,
  onDone,
}: {
  organisationId: string;
  editing: { id?: string; input: CertificationInput };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCertification(organisationId);
  const [input, setInput] = useState(editing.input);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof CertificationInput>(key: K, value: CertificationInput[K]) => setInput({ ...input, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: editing.id, input }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('certifications.formLabel')}>
      <Paper withBorder p="sm" mb="sm" bg="gray.0">
        <Stack gap="sm">
          {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('certifications.type')}
              data={certificationTypes.map((c) => ({ value: c, label: t(`certifications.types.${c}`) }))}
              value={input.type ?? null}
              onChange={(v) => set('type', v)}
              error={errors.type}
              allowDeselect={false}
              required
            />
            {input.type === 'other' && (
              <TextInput
                label={t('certifications.otherName')}
                value={input.otherName ?? ''}
                onChange={(e) => set('otherName', e.currentTarget.value)}
                error={errors.otherName}
                required
              />
            )}
            <TextInput
              label={t('certifications.number')}
              value={input.registrationNumber ?? ''}
              onChange={(e) => set('registrationNumber', e.currentTarget.value)}
              error={errors.registrationNumber}
              required
            />
            <TextInput
              label={t('certifications.issuer')}
              value={input.issuer ?? ''}
              onChange={(e) => set('issuer', e.currentTarget.value)}
              error={errors.issuer}
            />
            <TextInput label={t('certifications.scope')} value={input.scope ?? ''} onChange={(e) => set('scope', e.currentTarget.value)} error={errors.scope} />
            <TextInput
              type="date"
              label={t('certifications.validFrom')}
              value={input.validFrom ?? ''}
              onChange={(e) => set('validFrom', e.currentTarget.value || null)}
              error={errors.validFrom}
              required
            />
            <TextInput
              type="date"
              label={t('certifications.validTo')}
              value={input.validTo ?? ''}
              onChange={(e) => set('validTo', e.currentTarget.value || null)}
              error={errors.validTo}
              required
            />
          </SimpleGrid>
          {editing.id && (
            <Text size="xs" c="dimmed">
              {t('certifications.changeClears')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('certifications.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('certifications.cancel')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
