import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Omit<NumberInputProps, 'value' | 'onChange' | 'min' | 'max' | 'allowNegative' | 'allowDecimal' | 'clampBehavior'> & {
  value: number | string | null | undefined;
  /** The number typed, or null when the field is empty. Out-of-bounds numbers are passed on too: nothing typed is dropped. */
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  /** Yen, counts, months: a whole number. */
  integer?: boolean;
};

/**
 * A number input that says what is wrong with a number instead of changing it: a minus sign, a decimal point or a
 * number past the bound stays as typed, with the bound in words under the field (the same bound the Api checks, so
 * the form warns before the save is refused). Mantine's own `allowNegative={false}` or clamping would turn −1 into 1
 * or 0 without a word.
 */
export function NumberField({ value, onChange, min, max, integer = false, error, ...props }: Props) {
  const { t, i18n } = useTranslation();
  // What is in the box, as typed: "-" or "1." on the way to a number stays there while the form holds null or 1.
  const [typed, setTyped] = useState<string | number>(value ?? '');
  const toNumber = (v: string | number) => (v === '' || v === '-' ? null : Number(v));
  useEffect(() => {
    const outside = value === null || value === undefined || value === '' ? null : Number(value);
    if (outside !== toNumber(typed) && !(outside === null && Number.isNaN(toNumber(typed)))) setTyped(value ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const number = toNumber(typed);
  const format = new Intl.NumberFormat(i18n.language);
  const problem =
    number === null
      ? null
      : Number.isNaN(number)
        ? t('number.notNumber')
        : integer && !Number.isInteger(number)
          ? t('number.integer')
          : min !== undefined && number < min
            ? t('number.min', { min: format.format(min) })
            : max !== undefined && number > max
              ? t('number.max', { max: format.format(max) })
              : null;
  return (
    <NumberInput
      {...props}
      value={typed}
      clampBehavior="none"
      allowNegative
      allowDecimal
      onChange={(v) => {
        setTyped(v);
        const next = toNumber(v);
        onChange(next === null || Number.isNaN(next) ? null : next);
      }}
      error={problem ?? error}
    />
  );
}
