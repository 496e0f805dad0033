import type { PaymentMethod } from '../../src/shared/methods';
import { seededRandom } from '../../testkit/random';

export interface PlannedSale {
  /** What the cashier asked for. */
  price: number;
  /** What is sent to Pakasir: the price, or less when the shop bears the fee (round price). */
  amount: number;
  feePayer: 'shop' | 'customer';
  method: PaymentMethod;
  fee: number;
  fate: 'paid' | 'canceled' | 'expired';
}

/** Sale i of a till's plan: the same on every restart, from the seed alone. */
export function planSale(seed: number, till: number, i: number): PlannedSale {
  const r = seededRandom(seed * 1_000_003 + till * 7919 + i);
  const va = r() < 0.2;
  const price = va ? 10_000 + Math.floor(r() * 490) * 1000 : 1_000 + Math.floor(r() * 2_000) * 250;
  const fee = va ? 3_500 : Math.round(price * 0.007) + 310;
  // A third of the sales are round-price: the customer pays the price, the shop bears the fee.
  const shopPays = r() < 0.33;
  const f = r();
  return {
    price,
    amount: shopPays ? price - fee : price,
    feePayer: shopPays ? 'shop' : 'customer',
    method: va ? 'bri_va' : 'qris',
    fee,
    fate: f < 0.8 ? 'paid' : f < 0.9 ? 'canceled' : 'expired',
  };
}
