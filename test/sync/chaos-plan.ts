import type { PaymentMethod } from '../../src/shared/methods';
import { seededRandom } from '../support/random';

export interface PlannedSale {
  amount: number;
  method: PaymentMethod;
  fee: number;
  fate: 'paid' | 'canceled' | 'expired';
}

/** Sale i of a till's plan: the same on every restart, from the seed alone. */
export function planSale(seed: number, till: number, i: number): PlannedSale {
  const r = seededRandom(seed * 1_000_003 + till * 7919 + i);
  const va = r() < 0.2;
  const amount = va ? 10_000 + Math.floor(r() * 490) * 1000 : 500 + Math.floor(r() * 2_000) * 250;
  const fee = va ? 3_500 : Math.round(amount * 0.007) + 310;
  const f = r();
  return { amount, method: va ? 'bri_va' : 'qris', fee, fate: f < 0.8 ? 'paid' : f < 0.9 ? 'canceled' : 'expired' };
}
