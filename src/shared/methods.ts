/**
 * Payment methods and the amount rules for each, in one table. Checked in main before any
 * network call, and read by the keypad to disable methods whose limits exclude the amount.
 * Limits come from ../shared/pakasir/api-notes.md (QRIS: Bank Indonesia's Rp 10 juta cap).
 */
export const VA_METHODS = [
  'bni_va',
  'bri_va',
  'cimb_niaga_va',
  'sampoerna_va',
  'bnc_va',
  'maybank_va',
  'permata_va',
  'atm_bersama_va',
  'artha_graha_va',
] as const;

export const PAYMENT_METHODS = ['qris', ...VA_METHODS, 'payment_link', 'paypal'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/**
 * How a sale, or one part of it, was paid: Pakasir's methods, or cash at the counter. Cash
 * is journaled like any payment (History, reports, exports and the shop server see it) but
 * never reaches Pakasir: no API version offers it, so checkAmount() and the clients'
 * preflight refuse it, and charge() only takes a PaymentMethod.
 */
export const SALE_METHODS = ['cash', ...PAYMENT_METHODS] as const;
export type SaleMethod = (typeof SALE_METHODS)[number];
export type MethodKind = 'cash' | 'qris' | 'va' | 'link' | 'paypal';
export type ApiVersion = 'v1' | 'v2';

export interface MethodRule {
  kind: MethodKind;
  min: number;
  max: number;
  /** API versions that offer it: payment_link is v2 only, the PayPal pay page is v1 only; none offers cash. */
  versions: readonly ApiVersion[];
  /** Bank name shown beside a VA number. */
  bank?: string;
}

const va = (bank: string): MethodRule => ({ kind: 'va', min: 10_000, max: 50_000_000, versions: ['v1', 'v2'], bank });

export const METHOD_RULES: Record<SaleMethod, MethodRule> = {
  cash: { kind: 'cash', min: 1, max: 50_000_000, versions: [] },
  qris: { kind: 'qris', min: 500, max: 10_000_000, versions: ['v1', 'v2'] },
  bni_va: va('BNI'),
  bri_va: va('BRI'),
  cimb_niaga_va: va('CIMB Niaga'),
  sampoerna_va: va('Bank Sampoerna'),
  bnc_va: va('Bank Neo Commerce'),
  maybank_va: va('Maybank'),
  permata_va: va('Permata'),
  atm_bersama_va: va('ATM Bersama'),
  artha_graha_va: va('Artha Graha'),
  payment_link: { kind: 'link', min: 500, max: 50_000_000, versions: ['v2'] },
  paypal: { kind: 'paypal', min: 500, max: 50_000_000, versions: ['v1'] },
};

/** The largest amount any method accepts: the keypad refuses digits beyond it. */
export const MAX_AMOUNT = 50_000_000;

export type AmountProblem =
  | { code: 'not_integer' }
  | { code: 'below_min'; min: number }
  | { code: 'above_max'; max: number }
  | { code: 'method_unavailable'; version: ApiVersion };

export function checkAmount(method: SaleMethod, amount: number, version: ApiVersion): AmountProblem | null {
  const rule = METHOD_RULES[method];
  if (!rule.versions.includes(version)) return { code: 'method_unavailable', version };
  if (!Number.isSafeInteger(amount)) return { code: 'not_integer' };
  if (amount < rule.min) return { code: 'below_min', min: rule.min };
  if (amount > rule.max) return { code: 'above_max', max: rule.max };
  return null;
}

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** Whether a journaled payment went through Pakasir (and so has a transaction to ask about). */
export function isGatewayMethod(method: SaleMethod): method is PaymentMethod {
  return method !== 'cash';
}
