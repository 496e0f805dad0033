import { describe, expect, it } from 'vitest';
import { nextRoundPriceStep, planRoundPrice } from '../../../src/main/payments/round-price';
import { simulatedFee } from '../../../src/simulator/fees';
import { seededRandom } from '../../../testkit/random';

const qris = (a: number) => simulatedFee('qris', a);
const va = (a: number) => simulatedFee('bni_va', a);

/** The best possible answer, by brute force: the largest amount whose total stays within the price. */
function best(price: number, fee: (a: number) => number): number | null {
  for (let a = price; a >= 1; a--) if (a + fee(a) <= price) return a;
  return null;
}

async function plan(price: number, fee: (a: number) => number, maxAsks?: number) {
  const asked: number[] = [];
  const result = await planRoundPrice(
    price,
    async (a) => {
      asked.push(a);
      return fee(a);
    },
    maxAsks,
  );
  return { result, asked };
}

describe('round price: the amount sent so the customer pays the price', () => {
  it('Rp 25.000 by QRIS: the customer pays exactly Rp 25.000 and the shop bears the fee', async () => {
    const { result, asked } = await plan(25_000, qris);
    expect(result).toMatchObject({ total: 25_000, exact: true });
    expect(result!.amount + qris(result!.amount)).toBe(25_000);
    expect(result!.amount).toBe(24_518);
    expect(asked[0]).toBe(25_000);
    expect(asked.length).toBeLessThanOrEqual(4);
  });

  it('a flat VA fee takes two answers', async () => {
    const { result, asked } = await plan(150_000, va);
    expect(result).toMatchObject({ amount: 146_500, fee: 3_500, total: 150_000, exact: true });
    expect(asked).toEqual([150_000, 146_500]);
  });

  it('QRIS at the Rp 10 juta cap: 1% fee, still found in a few answers', async () => {
    const { result, asked } = await plan(10_000_000, qris);
    expect(result!.amount).toBe(best(10_000_000, qris));
    expect(result!.total).toBeLessThanOrEqual(10_000_000);
    expect(asked.length).toBeLessThanOrEqual(6);
  });

  it('over many prices: never above the price, always the best amount, exact whenever one exists', async () => {
    const random = seededRandom(16);
    const prices = [500, 501, 999, 1_000, 1_234, 104_999, 105_000, 105_001, 106_100, 106_101, 106_102];
    for (let i = 0; i < 300; i++) prices.push(500 + Math.floor(random() * 300_000));
    for (let i = 0; i < 40; i++) prices.push(1_000_000 + Math.floor(random() * 9_000_000));
    for (const price of prices) {
      const { result, asked } = await plan(price, qris);
      const want = best(price, qris);
      expect(result?.amount ?? null, `price ${price}`).toBe(want);
      expect(result!.total, `price ${price}`).toBeLessThanOrEqual(price);
      expect(result!.exact).toBe(want !== null && want + qris(want) === price);
      expect(asked.length, `price ${price}`).toBeLessThanOrEqual(8);
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it('where no amount gives the price, the customer pays less, never more', async () => {
    // A fee that rises Rp 100 at each full thousand: totals jump from 10.899 to 11.000.
    const stepped = (a: number) => 100 * Math.floor(a / 1000);
    const { result } = await plan(10_950, stepped);
    // A fee table this odd may take more answers than allowed: the best so far, never above the price.
    expect(result!.exact).toBe(false);
    expect(result!.total).toBeLessThanOrEqual(10_899);
    expect(result!.amount).toBeGreaterThanOrEqual(9_950);
    const generous = await plan(10_950, stepped, 20);
    expect(generous.result).toMatchObject({ amount: 9_999, total: 10_899, exact: false });
  });

  it('a fee larger than the price: no amount fits', async () => {
    expect((await plan(300, qris)).result).toBeNull();
  });

  it('a fee of 0 (Pakasir answers that the merchant bears it): the price itself', async () => {
    const { result, asked } = await plan(25_000, () => 0);
    expect(result).toMatchObject({ amount: 25_000, total: 25_000, exact: true });
    expect(asked).toEqual([25_000]);
  });

  it('stops after the allowed number of answers with the best amount so far, within the price', async () => {
    const { result, asked } = await plan(10_000_000, qris, 2);
    expect(asked).toHaveLength(2);
    expect(result!.total).toBeLessThanOrEqual(10_000_000);
  });

  it('one step at a time: the first question is the price itself', () => {
    expect(nextRoundPriceStep(25_000, new Map())).toEqual({ kind: 'ask', amount: 25_000 });
    expect(nextRoundPriceStep(25_000, new Map([[25_000, 485]]))).toEqual({ kind: 'ask', amount: 24_515 });
    expect(() => nextRoundPriceStep(0, new Map())).toThrow(RangeError);
    expect(() => nextRoundPriceStep(1.5, new Map())).toThrow(RangeError);
  });
});
