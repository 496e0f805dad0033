import { describe, expect, it } from 'vitest';
import { nextStepKey, recreateKey } from '@renderer/lib/outcome-text';

describe('the outcome screen advice', () => {
  it('names the next step for a failure the cashier can act on, and the generic one otherwise', () => {
    expect(nextStepKey('auth')).toBe('next.auth');
    expect(nextStepKey('create_lost')).toBe('next.create_lost');
    expect(nextStepKey('fee_above_price')).toBe('next.fee_above_price');
    expect(nextStepKey('amount_mismatch')).toBe('next.generic');
    expect(nextStepKey(null)).toBe('next.generic');
    expect(nextStepKey(undefined)).toBe('next.generic');
  });

  it('offers a new QR for QRIS, a new number for a VA and a new link for PayPal', () => {
    expect(recreateKey('qris')).toBe('outcome.recreate');
    expect(recreateKey('bni_va')).toBe('outcome.recreateVa');
    expect(recreateKey('paypal')).toBe('outcome.recreateLink');
  });
});
