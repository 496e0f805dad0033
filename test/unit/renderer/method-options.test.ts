import { describe, expect, it } from 'vitest';
import { fallbackMethod, methodOptions } from '@renderer/lib/method-options';

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

  it('moves the selection off a method that no longer fits, preferring the default', () => {
    expect(fallbackMethod('qris', 'qris', 20_000_000, 'v2')).toBe('bni_va');
    expect(fallbackMethod('bri_va', 'qris', 5_000, 'v2')).toBe('qris');
    expect(fallbackMethod('bri_va', 'qris', 20_000, 'v2')).toBe('bri_va');
    expect(fallbackMethod('paypal', 'qris', 20_000, 'v2')).toBe('qris');
  });
});
