import type { PaymentMethod } from '../shared/methods';

/**
 * Fee formulas as the v1 SDKs hard-code them. Only the simulator computes fees: the app
 * always shows the fee the gateway returned. Integer arithmetic, rounding half up, so the
 * guide's example holds: 99,000 -> 693 + 310 = 1,003 -> total 100,003.
 */
export function simulatedFee(method: PaymentMethod, amount: number): number {
  switch (method) {
    case 'qris':
      return amount <= 105_000 ? Math.floor((7 * amount + 500) / 1000) + 310 : Math.floor((amount + 50) / 100);
    case 'sampoerna_va':
    case 'artha_graha_va':
      return 2_000;
    case 'payment_link':
      return 0;
    case 'paypal':
      return Math.max(Math.floor((amount + 50) / 100), 3_000);
    default:
      return 3_500;
  }
}
