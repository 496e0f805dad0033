import { z } from 'zod';
import { isPaymentMethod, type PaymentMethod } from '../../shared/methods';
import { wholeRupiah } from './answer-fields';
import { httpCall, invalidAnswer, issuePaths, type HttpCallOptions } from './http-call';
import { preflightAmount } from './preflight';

export type FeeTable = Partial<Record<PaymentMethod, number>>;

const feeMap = z.record(z.string(), z.unknown());

/**
 * Pakasir's public fee table: `GET {base}/api/v2/payment-fee/{amount}`, no key. Flat
 * `{qris: 394, ...}` or `{status, data: {...}}`. Both API versions use it: fees belong to the
 * method and the amount, not to the API version, and v1 has no fee call of its own (its
 * create answer tells the fee only once a transaction exists, and a v1 transaction cannot be
 * created again with another amount under the same order id).
 */
export async function fetchFeeTable(
  http: HttpCallOptions,
  base: string,
  amount: number,
  signal?: AbortSignal,
): Promise<FeeTable> {
  preflightAmount(amount);
  const answer = await httpCall(
    http,
    { method: 'GET', url: `${base}/api/v2/payment-fee/${amount}`, what: 'fees' },
    signal,
  );
  const raw =
    answer.json && typeof answer.json === 'object' && 'data' in answer.json
      ? (answer.json as { data: unknown }).data
      : answer.json;
  const parsed = feeMap.safeParse(raw);
  if (!parsed.success) throw invalidAnswer('fees', issuePaths(parsed.error), answer.httpStatus);
  const out: FeeTable = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (!isPaymentMethod(key)) continue;
    // A fee may itself be `{fee: n}` in some readings; take the number either way.
    const candidate = value && typeof value === 'object' && 'fee' in value ? (value as { fee: unknown }).fee : value;
    const fee = wholeRupiah.safeParse(candidate);
    if (!fee.success) throw invalidAnswer('fees', `unexpected ${key}`);
    out[key] = fee.data;
  }
  if (Object.keys(out).length === 0) throw invalidAnswer('fees', `the fee table names no known payment method`);
  return out;
}

/**
 * Who bears the fee, as one create answer shows it: total = amount + fee puts it on the
 * customer; total = amount with a fee above 0 is Pakasir's "merchant bears it" project
 * setting. A fee of 0 tells neither.
 */
export function feeBearerOf(amount: number, fee: number, total: number): 'customer' | 'merchant' | null {
  if (fee === 0) return null;
  if (total === amount + fee) return 'customer';
  if (total === amount) return 'merchant';
  return null;
}
