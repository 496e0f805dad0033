import { describe, expect, it } from 'vitest';
import { changeFor, quickTenders } from '../../../src/renderer/src/lib/cash';

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
