import { describe, expect, it } from 'vitest';
import { cashDigits, drawerLines } from '@renderer/lib/shift-drawer';

describe('the open shift drawer', () => {
  it('lists opening, sales, refunds, in and out, with money leaving the drawer negative', () => {
    const lines = drawerLines({
      opening: 200_000,
      cashSales: 75_000,
      cashRefunds: 10_000,
      cashIn: 50_000,
      cashOut: 20_000,
      expected: 295_000,
    });
    expect(lines.map((l) => [l.id, l.value])).toEqual([
      ['opening', 200_000],
      ['cash-sales', 75_000],
      ['cash-refunds', -10_000],
      ['cash-in', 50_000],
      ['cash-out', -20_000],
    ]);
    expect(lines.reduce((sum, l) => sum + l.value, 0)).toBe(295_000);
  });

  it('keeps only digits in a cash field, at most nine', () => {
    expect(cashDigits('Rp 50.000')).toBe('50000');
    expect(cashDigits('12345678901')).toBe('123456789');
    expect(cashDigits('abc')).toBe('');
  });
});
