import { z } from 'zod';
import type { GatewayStatusValue } from './gateway';

/**
 * Field readers for gateway answers. Tolerant where real answers are known to vary
 * (numbers as numeric strings, status spelling, timestamp precision and offset), strict
 * where money is at stake (an amount must be a whole, non-negative rupiah value).
 */

/** 99000 or "99000"; never "99.000", "99000.5", 99000.5, "" or a negative. */
export const wholeRupiah = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,16}$/, 'not a whole number')
      .transform(Number),
  ])
  .refine((n) => Number.isSafeInteger(n) && n >= 0, 'not a whole, non-negative number');

// Each optional reader is `.optional()` at the outside: zod 4 decides whether an object key
// may be missing from that, not from a union member accepting undefined.
export const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : null));

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * RFC 3339 with 0-9 fractional digits and any offset, to ISO 8601 UTC with milliseconds.
 * Returns null for anything else: an unreadable time must never hide the status next to it
 * (a completed payment with an odd completed_at is still a completed payment).
 */
export function parseGatewayTimestamp(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  if (!zulu && (Number(oh) > 23 || Number(om) > 59)) return null;
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  // Date.UTC rolls 31 February over into March; a real calendar date must round-trip.
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return null;
  const offsetMin = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return new Date(utc - offsetMin * 60_000).toISOString();
}

export const timestamp = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => parseGatewayTimestamp(s));

/** Lower-cased and trimmed; the British spelling folded in. Anything else is 'unknown'. */
export function normaliseStatus(raw: string): { status: GatewayStatusValue; rawStatus: string } {
  const rawStatus = raw.trim().toLowerCase();
  const known: Record<string, GatewayStatusValue> = {
    pending: 'pending',
    completed: 'completed',
    canceled: 'canceled',
    cancelled: 'canceled',
    expired: 'expired',
    failed: 'failed',
  };
  return { status: known[rawStatus] ?? 'unknown', rawStatus };
}

export const statusText = z.string().transform((s) => normaliseStatus(s));

/**
 * Identity fields of a status answer (order_id, amount, txn_id): read when readable, null
 * otherwise. Whether null is acceptable depends on the status next to it, so the client
 * decides after parsing: a `completed` answer must reach the money rules whatever else it
 * carries.
 */
export const identityText = z
  .union([z.string(), z.number().transform(String), z.null()])
  .optional()
  .catch(null)
  .transform((s) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : null));

export const identityRupiah = wholeRupiah
  .nullable()
  .optional()
  .catch(null)
  .transform((n) => n ?? null);

/** Lists the identity fields a non-completed answer lacks (it is then simply malformed). */
export function missingIdentity(fields: Record<string, unknown>): string | null {
  const missing = Object.entries(fields)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  return missing.length > 0 ? `unexpected ${missing.join(', ')}` : null;
}

export const optionalBoolean = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal('true'), z.literal('false'), z.null()])
  .optional()
  .transform((b) => (b === null || b === undefined ? null : b === true || b === 1 || b === 'true'));

/** Unwraps `{payment: {...}}` / `{data: {...}}` answers some readers report for v2. */
export function unwrap(answer: unknown, keys: readonly string[]): unknown {
  if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
    for (const key of keys) {
      const inner = (answer as Record<string, unknown>)[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner;
    }
  }
  return answer;
}
