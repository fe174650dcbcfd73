import { Badge } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A paid plan's featured badge beside a vendor's name: a badge only, never a higher place in a list (decision 0018).
 * What it means is in its accessible name and, for the mouse, the browser's own tooltip: the search page stays free
 * of a positioning library for one hint.
 */
export function FeaturedBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color="violet"
      size="sm"
      leftSection={<IconStar size={12} aria-hidden />}
      data-testid="featured-badge"
      title={t('billing.featuredHint')}
      aria-label={`${t('billing.featured')}: ${t('billing.featuredHint')}`}
    >
      {t('billing.featured')}
    </Badge>
  );
}
