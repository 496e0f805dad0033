import type { PaymentMethod } from '../../src/shared/methods';
import type { RefundChannel } from '../../src/shared/refunds';
import { seededRandom } from '../../testkit/random';

/** The gateway part of a sale (all of a gateway sale, the rest of a split one). */
export interface PlannedGatewayPart {
  /** What the cashier asked for this part. */
  price: number;
  /** What is sent to Pakasir: the price, or less when the shop bears the fee (round price). */
  amount: number;
  feePayer: 'shop' | 'customer';
  method: PaymentMethod;
  fee: number;
  fate: 'paid' | 'canceled' | 'expired';
}

export interface PlannedSale extends PlannedGatewayPart {
  /** gateway: one Pakasir payment; cash: Tunai only; split: part cash, the rest by the gateway. */
  kind: 'gateway' | 'cash' | 'split';
  /** Cash and split: the counter sale's whole price, its cash part and what was handed over. */
  salePrice: number;
  cash: number;
  tendered: number;
  /** Money given back after the sale (a split whose rest failed is voided: its cash back). */
  refund: { amount: number; channel: RefundChannel } | null;
}

/** Sales per shift on a till: a shift opens before the first and closes after the last. */
export const SHIFT_SALES = 60;

/** Sale i of a till's plan: the same on every restart, from the seed alone. */
export function planSale(seed: number, till: number, i: number): PlannedSale {
  const r = seededRandom(seed * 1_000_003 + till * 7919 + i);
  const va = r() < 0.2;
  const price = va ? 10_000 + Math.floor(r() * 490) * 1000 : 1_000 + Math.floor(r() * 2_000) * 250;
  const fee = va ? 3_500 : Math.round(price * 0.007) + 310;
  // A third of the sales are round-price: the customer pays the price, the shop bears the fee.
  const shopPays = r() < 0.33;
  const f = r();
  const gateway: PlannedGatewayPart = {
    price,
    amount: shopPays ? price - fee : price,
    feePayer: shopPays ? 'shop' : 'customer',
    method: va ? 'bri_va' : 'qris',
    fee,
    fate: f < 0.8 ? 'paid' : f < 0.9 ? 'canceled' : 'expired',
  };
  const k = r();
  const refundRoll = r();
  if (k < 0.5) return { ...gateway, kind: 'gateway', salePrice: price, cash: 0, tendered: 0, refund: null };
  const cashPrice = 1_000 + Math.floor(r() * 200) * 500;
  const notes = [cashPrice, Math.ceil(cashPrice / 50_000) * 50_000, Math.ceil(cashPrice / 100_000) * 100_000];
  const tendered = notes[Math.floor(r() * notes.length)]!;
  if (k < 0.85) {
    const refund = refundRoll < 0.12 ? { amount: Math.min(cashPrice, 2_000), channel: 'cash' as const } : null;
    return { ...gateway, kind: 'cash', salePrice: cashPrice, cash: cashPrice, tendered, refund };
  }
  // Split: the cash part first, then the gateway part for the rest.
  const refund =
    gateway.fate !== 'paid'
      ? { amount: cashPrice, channel: 'cash' as const }
      : refundRoll < 0.15
        ? { amount: 1_000, channel: refundRoll < 0.07 ? ('bank_transfer' as const) : ('cash' as const) }
        : null;
  return { ...gateway, kind: 'split', salePrice: cashPrice + price, cash: cashPrice, tendered, refund };
}
