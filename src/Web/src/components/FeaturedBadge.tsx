import { Badge, Tooltip } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A paid plan's featured badge beside a vendor's name: a badge only, never a higher place in a list (decision 0018). */
export function FeaturedBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('billing.featuredHint')} withArrow>
      <Badge variant="light" color="violet" size="sm" leftSection={<IconStar size={12} aria-hidden />} tabIndex={0} data-testid="featured-badge"
        aria-label={`${t('billing.featured')}: ${t('billing.featuredHint')}`}>
        {t('billing.featured')}
      </Badge>
    </Tooltip>
  );
}
