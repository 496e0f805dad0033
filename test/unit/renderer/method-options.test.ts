import { describe, expect, it } from 'vitest';
import { chargePlan } from '@renderer/lib/charge-plan';
import { methodOptions } from '@renderer/lib/method-options';

const problemOf = (amount: number, version: 'v1' | 'v2', method: string) =>
  methodOptions(amount, version).find((o) => o.method === method)?.problem;

describe('method options', () => {
  it('disables QRIS above Rp 10 juta with the limit as the reason', () => {
    expect(problemOf(10_000_001, 'v2', 'qris')).toEqual({ code: 'above_max', max: 10_000_000 });
    expect(problemOf(10_000_000, 'v2', 'qris')).toBeNull();
  });

  it('disables virtual accounts below their minimum', () => {
    expect(problemOf(5_000, 'v2', 'bni_va')).toEqual({ code: 'below_min', min: 10_000 });
    expect(problemOf(10_000, 'v2', 'bni_va')).toBeNull();
  });

  it('offers the payment link only on v2 and PayPal only on v1, whatever the amount', () => {
    expect(problemOf(20_000, 'v1', 'payment_link')).toEqual({ code: 'method_unavailable', version: 'v1' });
    expect(problemOf(20_000, 'v2', 'paypal')).toEqual({ code: 'method_unavailable', version: 'v2' });
    expect(problemOf(0, 'v2', 'paypal')).toEqual({ code: 'method_unavailable', version: 'v2' });
  });

  it('does not grey every method out before the first digit', () => {
    expect(problemOf(0, 'v2', 'qris')).toBeNull();
    expect(problemOf(0, 'v2', 'bni_va')).toBeNull();
  });

  it('PayPal cannot keep a round price: refused when the shop bears the fee', () => {
    expect(methodOptions(20_000, 'v1', 'shop').find((o) => o.method === 'paypal')?.problem).toEqual({
      code: 'round_price',
    });
    expect(methodOptions(20_000, 'v1', 'customer').find((o) => o.method === 'paypal')?.problem).toBeNull();
  });
});

describe('the charge plan: never a silent method switch', () => {
  it('charges by the chosen method when it fits', () => {
    expect(chargePlan(25_000, 'qris', 'v2', 'shop')).toEqual({ kind: 'ready', method: 'qris' });
    expect(chargePlan(0, 'qris', 'v2', 'shop')).toEqual({ kind: 'empty' });
  });

  it('above the QRIS cap it asks, offering only the methods that fit', () => {
    const plan = chargePlan(12_000_000, 'qris', 'v2', 'shop');
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.method).toBe('qris');
    expect(plan.problem).toEqual({ code: 'above_max', max: 10_000_000 });
    expect(plan.fits).toContain('bni_va');
    expect(plan.fits).toContain('payment_link');
    expect(plan.fits).not.toContain('qris');
    expect(plan.fits).not.toContain('paypal');
  });

  it('below a VA minimum it asks too, and QRIS is offered', () => {
    const plan = chargePlan(5_000, 'bri_va', 'v1', 'customer');
    expect(plan).toMatchObject({ kind: 'ask', method: 'bri_va', problem: { code: 'below_min', min: 10_000 } });
    if (plan.kind === 'ask') expect(plan.fits).toEqual(['qris', 'paypal']);
  });
});
