import { describe, expect, it } from 'vitest';
import { cashFigures, changeFor, quickTenders, typeTendered } from '../../../src/renderer/src/lib/cash';
import type { KeypadKey } from '../../../src/renderer/src/lib/keypad';

describe('the cash quick buttons', () => {
  it('offer the exact amount and the next round sums of each note above it', () => {
    expect(quickTenders(23_500)).toEqual([23_500, 25_000, 30_000, 40_000, 50_000, 100_000]);
    expect(quickTenders(50_000)).toEqual([50_000, 55_000, 60_000, 100_000]);
    expect(quickTenders(120_000)).toEqual([120_000, 125_000, 130_000, 140_000, 150_000, 200_000]);
    expect(quickTenders(1_000)).toEqual([1_000, 5_000, 10_000, 20_000, 50_000, 100_000]);
  });

  it('offer nothing for no amount, and the change only once the cash covers the due', () => {
    expect(quickTenders(0)).toEqual([]);
    expect(quickTenders(-5)).toEqual([]);
    expect(changeFor(23_500, 20_000)).toBeNull();
    expect(changeFor(23_500, 23_500)).toBe(0);
    expect(changeFor(23_500, 50_000)).toBe(26_500);
  });
});

describe('the tendered cash', () => {
  const typeKeys = (keys: KeypadKey[]) => keys.reduce((d, k) => typeTendered(d, k), '');

  it('types digits without leading zeros, up to nine, with backspace and clear', () => {
    expect(typeKeys(['0', '5', '000'])).toBe('5000');
    expect(typeKeys(['1', '2', 'back'])).toBe('1');
    expect(typeKeys(['1', '2', 'clear'])).toBe('');
    expect(typeKeys(['9', '9', '9', '000', '000', '000'])).toBe('999000000');
  });

  it('is the due itself while nothing is typed, with no change', () => {
    expect(cashFigures(23_500, '')).toEqual({ typed: 0, tendered: 23_500, change: 0, canSplit: false });
  });

  it('gives the change for more, and offers the rest by QRIS for less', () => {
    expect(cashFigures(23_500, '50000')).toEqual({ typed: 50_000, tendered: 50_000, change: 26_500, canSplit: false });
    expect(cashFigures(23_500, '20000')).toEqual({ typed: 20_000, tendered: 20_000, change: null, canSplit: true });
  });
});
