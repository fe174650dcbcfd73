import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '@/components/NumberField';
import { bounds } from '@/lib/bounds';

/** A per-unit price line as both the vendor profile and a proposal write it: a unit and graduated volume bands. */
export interface UnitPriceLine {
  unit?: string | null;
  bands?: { fromQuantity?: number | string | null; priceYen?: number | string | null }[] | null;
}

/**
 * Per-unit prices with their volume bands (each band's price applies from its lower bound up to the next band's).
 * `errorPath` is where the Api names these lines in its field errors ("unitPrices", "fees.unitPrices").
 */
export function UnitPriceEditor<T extends UnitPriceLine>({
  value,
  onChange,
  errors,
  errorPath,
  priceBounds,
}: {
  /** The Api's bounds on a band's price here (a profile's list price, a proposal's price). */
  priceBounds: { min: number; max: number; integer: true };
  value: T[];
  onChange: (v: T[]) => void;
  errors: Record<string, string>;
  errorPath: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<UnitPriceLine>) => onChange(value.map((u, i) => (i === index ? { ...u, ...change } : u)));
  return (
    <Stack gap="sm">
      <Text fw={500} size="sm">
        {t('profile.unitPrices')}
      </Text>
      {value.map((u, i) => (
        <Paper key={i} withBorder p="sm">
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput
                label={t('profile.unit')}
                placeholder={t('profile.unitPlaceholder')}
                value={u.unit ?? ''}
                onChange={(e) => update(i, { unit: e.currentTarget.value })}
                error={errors[`${errorPath}[${i}].unit`]}
                w={200}
                required
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('profile.removeUnit', { n: i + 1 })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                mb={4}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            {(u.bands ?? []).map((b, j) => (
              <Group key={j} align="flex-end">
                <NumberField
                  label={t('profile.bandFrom')}
                  thousandSeparator=","
                  {...bounds.bandFrom}
                  value={b.fromQuantity}
                  w={180}
                  error={errors[`${errorPath}[${i}].bands[${j}].fromQuantity`]}
                  onChange={(v) => update(i, { bands: (u.bands ?? []).map((x, k) => (k === j ? { ...x, fromQuantity: v } : x)) })}
                />
                <NumberField
                  label={t('profile.bandPrice')}
                  prefix="¥"
                  thousandSeparator=","
                  {...priceBounds}
                  value={b.priceYen}
                  w={180}
                  error={errors[`${errorPath}[${i}].bands[${j}].priceYen`]}
                  onChange={(v) => update(i, { bands: (u.bands ?? []).map((x, k) => (k === j ? { ...x, priceYen: v } : x)) })}
                />
              </Group>
            ))}
            {errors[`${errorPath}[${i}].bands`] && (
              <Text size="sm" c="red" role="alert">
                {errors[`${errorPath}[${i}].bands`]}
              </Text>
            )}
            <Button
              size="xs"
              variant="subtle"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => update(i, { bands: [...(u.bands ?? []), { fromQuantity: null, priceYen: null }] })}
            >
              {t('profile.addBand')}
            </Button>
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        w="fit-content"
        onClick={() => onChange([...value, { unit: '', bands: [{ fromQuantity: 0, priceYen: null }] } as T])}
      >
        {t('profile.addUnit')}
      </Button>
    </Stack>
  );
}
