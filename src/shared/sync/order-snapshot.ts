import { z } from 'zod';
import { SALE_METHODS } from '../methods';
import { ORDER_ID_PATTERN } from '../order-id';
import { ORDER_STATES } from '../order-state';

/**
 * `order.snapshot`: a sale (or one payment part of a counter sale) as it stands after a change
 * in the till's journal. The till writes one in the same SQLite transaction as every state
 * change (and every money fact change); the server keeps the newest per sale by `revision`,
 * so snapshots arriving again or late never roll a sale back.
 *
 * Schema 2 (the counter) adds the counter sale it belongs to and, for cash, what was handed
 * over and the change; `method` may be `cash`. Schema 1 payloads simply lack those fields.
 */
export const ORDER_SNAPSHOT_KIND = 'order.snapshot';

const rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const iso = z
  .string()
  .max(40)
  .refine((v) => Number.isFinite(Date.parse(v)), 'must be an ISO 8601 time');

export const orderSnapshotSchema = z.object({
  orderId: z.string().regex(ORDER_ID_PATTERN),
  state: z.enum(ORDER_STATES),
  method: z.enum(SALE_METHODS),
  /** What was sent to Pakasir. */
  amount: rupiah.min(1),
  /** What the cashier asked for; null on sales from before round prices (the amount, then). */
  price: rupiah.min(1).nullable(),
  /** Who bore Pakasir's fee on this sale; null on sales from before the choice existed. */
  feePayer: z.enum(['shop', 'customer']).nullable(),
  fee: rupiah.nullable(),
  totalPayment: rupiah.nullable(),
  note: z.string().max(1000),
  terminal: z.string().max(64),
  apiVersion: z.enum(['v1', 'v2']),
  sandbox: z.boolean(),
  project: z.string().max(128),
  txnId: z.string().max(128).nullable(),
  expiresAt: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
  paidAt: iso.nullable(),
  revision: z.number().int().min(0),
  reason: z.string().max(64).nullable(),
  reasonDetail: z.string().max(2000).nullable(),
  replacesOrderId: z.string().max(64).nullable(),
  /** Schema 2: the counter sale this payment is a part of. */
  saleId: z.string().max(64).nullable().optional(),
  /** Schema 2, cash only: what the customer handed over, and the change given back. */
  cashTendered: rupiah.min(1).nullable().optional(),
  cashChange: rupiah.nullable().optional(),
  /** Schema 2, cash only: the shift whose drawer took the cash. */
  shiftId: z.string().max(64).nullable().optional(),
});
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;
