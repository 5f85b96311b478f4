// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderOnDesk } from '../testing/dom';
import { MoneyInput } from './MoneyInput';

let seen: (number | string | null)[] = [];
function Amount() {
  const [fen, setFen] = useState<number | string | null>(null);
  return (
    <>
      <MoneyInput aria-label="成交金额" value={fen} onChange={(v) => (seen.push(v), setFen(v))} />
      <button onClick={() => setFen(60_000_000)}>恢复草稿</button>
    </>
  );
}

describe('MoneyInput: amounts typed in 万元, kept in 分', () => {
  it('hands the form fen for what the caseworker types, and the text itself when it is not an amount', async () => {
    seen = [];
    renderOnDesk(<Amount />);
    const input = screen.getByLabelText('成交金额');
    await userEvent.type(input, '12.5');
    expect(seen.at(-1)).toBe(12_500_000);
    expect((input as HTMLInputElement).value).toBe('12.5');
    await userEvent.clear(input);
    expect(seen.at(-1)).toBeNull();
    await userEvent.type(input, '十万');
    expect(seen.at(-1)).toBe('十万');
  });

  it('shows a value the form sets itself (a draft restored, a record loaded)', async () => {
    renderOnDesk(<Amount />);
    const input = screen.getByLabelText('成交金额') as HTMLInputElement;
    await userEvent.type(input, '3');
    await userEvent.click(screen.getByRole('button', { name: '恢复草稿' }));
    expect(input.value).toBe('60');
  });
});
