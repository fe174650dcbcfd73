import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '@/testing/render';
import { NumberField } from './NumberField';

/** The field as a form holds it: the last number passed on is what would be saved. */
function Form({ min, max, integer, saved }: { min?: number; max?: number; integer?: boolean; saved: (number | null)[] }) {
  const [value, setValue] = useState<number | null>(null);
  return (
    <NumberField
      label="月間件数"
      value={value}
      min={min}
      max={max}
      integer={integer}
      onChange={(next) => {
        saved.push(next);
        setValue(next);
      }}
    />
  );
}

describe('NumberField', () => {
  it('keeps a negative number as typed and names the bound instead of changing it', async () => {
    const saved: (number | null)[] = [];
    await renderInApp(<Form min={0} saved={saved} />);
    await userEvent.type(screen.getByLabelText('月間件数'), '-1');
    expect(screen.getByLabelText('月間件数')).toHaveValue('-1');
    expect(screen.getByText('0 以上で入力してください。')).toBeInTheDocument();
    expect(saved.at(-1)).toBe(-1);
  });

  it('says a whole number is wanted when a decimal is typed, and passes the decimal on', async () => {
    const saved: (number | null)[] = [];
    await renderInApp(<Form integer saved={saved} />);
    await userEvent.type(screen.getByLabelText('月間件数'), '12.5');
    expect(screen.getByText('整数で入力してください。')).toBeInTheDocument();
    expect(saved.at(-1)).toBe(12.5);
  });

  it('names the upper bound in the reader’s number format', async () => {
    await renderInApp(<Form max={1000000} saved={[]} />, { language: 'en' });
    await userEvent.type(screen.getByLabelText('月間件数'), '2000000');
    expect(screen.getByText(/1,000,000/)).toBeInTheDocument();
  });

  it('shows no problem for a number within its bounds, and null once emptied', async () => {
    const saved: (number | null)[] = [];
    await renderInApp(<Form min={0} max={100} saved={saved} />);
    const input = screen.getByLabelText('月間件数');
    await userEvent.type(input, '42');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(input);
    expect(saved.at(-1)).toBeNull();
  });
});
