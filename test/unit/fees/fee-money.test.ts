import { describe, expect, it } from 'vitest';
import { FeeLookup } from '../../../src/main/pakasir/fee-lookup';
import { feeBearerOf } from '../../../src/main/pakasir/fee-table';
import { customerTotal, saleMoney } from '../../../src/shared/fees';

describe('the money of one sale, in the shop’s terms', () => {
  it('round price: the customer pays the price, the shop bears the fee', () => {
    expect(saleMoney({ price: 25_000, amount: 24_518, fee: 482, totalPayment: 25_000 })).toEqual({
      price: 25_000,
      customerPays: 25_000,
      fee: 482,
      shopReceives: 24_518,
      feeOnCustomer: 0,
      feeOnShop: 482,
    });
  });

  it('the customer pays the fee on top', () => {
    expect(saleMoney({ price: 25_000, amount: 25_000, fee: 485, totalPayment: 25_485 })).toMatchObject({
      customerPays: 25_485,
      shopReceives: 25_000,
      feeOnCustomer: 485,
      feeOnShop: 0,
    });
  });

  it("Pakasir's project bears the fee: total = amount, the fee comes off the shop", () => {
    expect(saleMoney({ price: 50_000, amount: 50_000, fee: 660, totalPayment: 50_000 })).toMatchObject({
      customerPays: 50_000,
      shopReceives: 49_340,
      feeOnShop: 660,
    });
  });

  it('nothing known before Pakasir answers', () => {
    expect(saleMoney({ price: 9_000, amount: 9_000, fee: null, totalPayment: null })).toMatchObject({
      customerPays: null,
      shopReceives: null,
      feeOnShop: null,
    });
  });

  it('a payment link with the round price shows the price as the most the customer pays', () => {
    const link = { method: 'payment_link' as const, price: 80_000, totalPayment: 76_500 };
    expect(customerTotal({ ...link, feePayer: 'shop' })).toEqual({ amount: 80_000, atMost: true });
    expect(customerTotal({ ...link, feePayer: 'customer' })).toEqual({ amount: 76_500, atMost: false });
    expect(customerTotal({ method: 'qris', feePayer: 'shop', price: 25_000, totalPayment: 25_000 })).toEqual({
      amount: 25_000,
      atMost: false,
    });
  });

  it('who bears the fee, as one create answer shows it', () => {
    expect(feeBearerOf(25_000, 485, 25_485)).toBe('customer');
    expect(feeBearerOf(25_000, 485, 25_000)).toBe('merchant');
    expect(feeBearerOf(25_000, 0, 25_000)).toBeNull();
    expect(feeBearerOf(25_000, 485, 25_100)).toBeNull();
  });
});

describe('FeeLookup', () => {
  it('asks once per amount, shares a question in flight, and forgets after its time', async () => {
    let now = 0;
    const asked: number[] = [];
    const lookup = new FeeLookup(
      async (amount) => {
        asked.push(amount);
        return { qris: Math.round(amount / 100), bni_va: 3_500 };
      },
      { now: () => now, ttlMs: 1_000 },
    );
    const [a, b] = await Promise.all([lookup.fee('qris', 10_000), lookup.fee('qris', 10_000)]);
    expect([a, b]).toEqual([100, 100]);
    expect(await lookup.fee('bni_va', 10_000)).toBe(3_500);
    expect(asked).toEqual([10_000]);
    expect(lookup.peek(10_000)).toMatchObject({ qris: 100 });
    now = 1_001;
    expect(lookup.peek(10_000)).toBeNull();
    await lookup.fee('qris', 10_000);
    expect(asked).toEqual([10_000, 10_000]);
    lookup.forget();
    await lookup.fee('qris', 10_000);
    expect(asked).toHaveLength(3);
  });

  it('a failed answer is not remembered', async () => {
    let fail = true;
    const lookup = new FeeLookup(async () => {
      if (fail) throw new Error('offline');
      return { qris: 1 };
    });
    await expect(lookup.fee('qris', 5_000)).rejects.toThrow('offline');
    fail = false;
    expect(await lookup.fee('qris', 5_000)).toBe(1);
  });

  it('a link counts the largest fee the page may charge; a missing method is an invalid answer', async () => {
    const lookup = new FeeLookup(async () => ({ qris: 300, bni_va: 3_500, sampoerna_va: 2_000 }));
    expect(await lookup.fee('payment_link', 20_000)).toBe(3_500);
    expect(await lookup.fee('payment_link', 20_000, true)).toBe(300);
    await expect(lookup.fee('bri_va', 20_000)).rejects.toMatchObject({ kind: 'invalid_answer' });
  });
});
