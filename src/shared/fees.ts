import { METHOD_RULES, type SaleMethod } from './methods';

/**
 * Who pays Pakasir's fee, and what that means for one sale. Shared so the cashier window,
 * the customer display, the history and the reports all say the same numbers.
 *
 * - `shop`: the customer pays the round price; the amount sent to Pakasir is chosen so that
 *   amount + fee equals the price (never more), and the shop bears the fee. The default:
 *   Bank Indonesia has said QRIS merchant fees must not be charged to consumers.
 * - `customer`: the price is sent as is and the customer pays Pakasir's fee on top, when the
 *   project's own "Beban Biaya" setting in Pakasir's dashboard puts it on the customer.
 */
export const FEE_PAYERS = ['shop', 'customer'] as const;
export type FeePayer = (typeof FEE_PAYERS)[number];

/** Pakasir's own project setting ("Beban Biaya"), as its create answers reveal it. */
export type PakasirFeeBearer = 'customer' | 'merchant';

export interface SaleMoneyInput {
  /** What the cashier typed. */
  price: number;
  /** What was sent to Pakasir. */
  amount: number;
  fee: number | null;
  totalPayment: number | null;
}

export interface SaleMoney {
  price: number;
  /** What the customer pays (Pakasir's total_payment); null until Pakasir answered. */
  customerPays: number | null;
  fee: number | null;
  /** What reaches the shop: what the customer pays less Pakasir's fee. */
  shopReceives: number | null;
  /** The part of the fee the customer paid above the price, and the part the shop bore. */
  feeOnCustomer: number | null;
  feeOnShop: number | null;
}

/**
 * The money of one sale in the shop's terms. Derived from Pakasir's own answer, so it holds
 * whichever side bears the fee (the app's choice or Pakasir's "Beban Biaya"): whatever the
 * customer pays above the price is fee they paid; the rest of the fee is the shop's cost.
 */
export function saleMoney(o: SaleMoneyInput): SaleMoney {
  if (o.totalPayment === null || o.fee === null) {
    return {
      price: o.price,
      customerPays: o.totalPayment,
      fee: o.fee,
      shopReceives: null,
      feeOnCustomer: null,
      feeOnShop: null,
    };
  }
  const feeOnCustomer = Math.min(o.fee, Math.max(0, o.totalPayment - o.price));
  return {
    price: o.price,
    customerPays: o.totalPayment,
    fee: o.fee,
    shopReceives: o.totalPayment - o.fee,
    feeOnCustomer,
    feeOnShop: o.fee - feeOnCustomer,
  };
}

/**
 * The total to put in front of the customer. On a payment link the customer picks the method
 * (and with it Pakasir's fee) on Pakasir's page, after the link was made: with the round price
 * promised, the amount sent leaves room for the largest fee, so the customer pays at most the
 * price; that price is the honest number to show, not the lower amount sent.
 */
export function customerTotal(o: {
  method: SaleMethod;
  feePayer: FeePayer;
  price: number;
  totalPayment: number | null;
}): { amount: number | null; atMost: boolean } {
  if (METHOD_RULES[o.method].kind === 'link' && o.feePayer === 'shop') return { amount: o.price, atMost: true };
  return { amount: o.totalPayment, atMost: false };
}
