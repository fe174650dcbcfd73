import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The Api's judgement of a certification on the day: expired, notYetValid, expiring (within six months) or valid. */
export type CertificationStatus = 'expired' | 'notYetValid' | 'expiring' | 'valid';

/** A badge for what a client must notice first (expired, expiring, not yet valid); nothing for a valid one. */
export function CertificationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === 'valid') return null;
  const color = status === 'expired' ? 'red' : status === 'expiring' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="light">
      {t(`certifications.${status}`)}
    </Badge>
  );
}

/** A certification's name: the type's, or the vendor's own for "other". */
export function useCertificationName() {
  const { t } = useTranslation();
  return (certification: { type: string; otherName?: string | null }) =>
    certification.type === 'other' ? (certification.otherName ?? t('certifications.types.other')) : t(`certifications.types.${certification.type}`);
}
