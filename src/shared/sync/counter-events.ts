import { z } from 'zod';
import { REFUND_CHANNELS } from '../refunds';

/**
 * The counter's outbox kinds: what a till tells the shop server about sales, refunds,
 * shifts, staff and the owner's actions, beside the `order.snapshot` of every payment part.
 * Each is written in the same journal transaction as the change it describes, with the till's
 * own sequence, and never carries a PIN or its hash. Schema 1 of each; a kind's payload grows
 * by raising its schema, never by changing what a field means.
 *
 * Who is referred to by staff id (stable) and name (as it was at the time: a renamed cashier
 * keeps their old name on old entries).
 */
const rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const signedRupiah = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const iso = z
  .string()
  .max(40)
  .refine((v) => Number.isFinite(Date.parse(v)), 'must be an ISO 8601 time');
const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const name = z.string().max(40);
const note = z.string().max(200);

export const COUNTER_KINDS = {
  saleOpened: 'sale.opened',
  refundRecorded: 'refund.recorded',
  shiftOpened: 'shift.opened',
  shiftCashMoved: 'shift.cash_moved',
  shiftCashierChanged: 'shift.cashier_changed',
  shiftChecked: 'shift.checked',
  shiftClosed: 'shift.closed',
  staffChanged: 'staff.changed',
  staffAction: 'staff.action',
  dayClosed: 'day.closed',
} as const;

/** `sale.opened` (entity: the sale id): a counter sale; its payment parts follow as order snapshots with this saleId. */
export const saleOpenedSchema = z.strictObject({
  saleId: id,
  terminal: z.string().max(16),
  /** The price asked for the goods. */
  price: rupiah.min(1),
  note,
  createdAt: iso,
  cashierId: id.nullable(),
  cashierName: name.nullable(),
  shiftId: id.nullable(),
});

/** `refund.recorded` (entity: the refund id): money given back, linked to its sale; the sale itself is never edited. */
export const refundRecordedSchema = z.strictObject({
  refundId: id,
  saleId: id,
  kind: z.enum(['refund', 'void']),
  amount: rupiah.min(1),
  channel: z.enum(REFUND_CHANNELS),
  note,
  at: iso,
  byStaffId: id.nullable(),
  byName: name,
  /** The shift whose drawer paid a cash refund. */
  shiftId: id.nullable(),
  terminal: z.string().max(16),
});

/** `shift.opened` (entity: the shift id). */
export const shiftOpenedSchema = z.strictObject({
  shiftId: id,
  terminal: z.string().max(16),
  businessDay: day,
  openedAt: iso,
  openedBy: id,
  openedByName: name,
  openingCash: rupiah,
});

/** `shift.cash_moved` (entity: the shift id): cash put into or taken out of the drawer, with the reason. */
export const shiftCashMovedSchema = z.strictObject({
  shiftId: id,
  eventId: z.number().int().min(1),
  kind: z.enum(['in', 'out']),
  amount: rupiah.min(1),
  reason: note,
  at: iso,
  staffId: id.nullable(),
  staffName: name.nullable(),
});

/** `shift.cashier_changed` (entity: the shift id): another cashier took over the counter. */
export const shiftCashierChangedSchema = z.strictObject({
  shiftId: id,
  eventId: z.number().int().min(1),
  at: iso,
  staffId: id,
  staffName: name,
});

/** `shift.checked` (entity: the shift id): the shift's QRIS and VA checked with Pakasir. */
export const shiftCheckedSchema = z.strictObject({
  shiftId: id,
  eventId: z.number().int().min(1),
  at: iso,
  checked: z.number().int().min(0),
  unchecked: z.number().int().min(0),
  offline: z.boolean(),
  differences: z.number().int().min(0),
});

const drawer = z.strictObject({
  opening: rupiah,
  cashSales: rupiah,
  cashRefunds: rupiah,
  cashIn: rupiah,
  cashOut: rupiah,
  expected: signedRupiah,
});

/** `shift.closed` (entity: the shift id): the drawer counted against what was expected. */
export const shiftClosedSchema = z.strictObject({
  shiftId: id,
  closedAt: iso,
  closedBy: id,
  closedByName: name,
  drawer,
  countedCash: rupiah,
  /** counted - expected; negative: short. */
  difference: signedRupiah,
  gross: rupiah,
  refunds: rupiah,
  note,
});

/** `staff.changed` (entity: the staff id): a cashier or the owner added, renamed, switched off or given a new PIN. */
export const staffChangedSchema = z.strictObject({
  staffId: id,
  name,
  role: z.enum(['owner', 'cashier']),
  active: z.boolean(),
  pinChanged: z.boolean(),
  at: iso,
  byStaffId: id.nullable(),
});

/** `staff.action` (entity: the audit entry id): an owner-only action and who did it, or a refused PIN. */
export const staffActionSchema = z.strictObject({
  id: z.number().int().min(1),
  at: iso,
  action: z.string().min(1).max(64),
  byStaffId: id.nullable(),
  byName: name.nullable(),
  target: z.string().max(128).nullable(),
  facts: z.record(z.string(), z.unknown()).nullable(),
});

/** `day.closed` (entity: the business day): the owner closed the day; the Z report's figures as they stood. */
export const dayClosedSchema = z.strictObject({
  day,
  closeId: z.number().int().min(1),
  closedAt: iso,
  byStaffId: id.nullable(),
  byName: name,
  gross: rupiah,
  fees: rupiah,
  refunds: rupiah,
  netAfterRefunds: signedRupiah,
  cashDifference: signedRupiah.nullable(),
});

export const COUNTER_SCHEMAS = {
  [COUNTER_KINDS.saleOpened]: saleOpenedSchema,
  [COUNTER_KINDS.refundRecorded]: refundRecordedSchema,
  [COUNTER_KINDS.shiftOpened]: shiftOpenedSchema,
  [COUNTER_KINDS.shiftCashMoved]: shiftCashMovedSchema,
  [COUNTER_KINDS.shiftCashierChanged]: shiftCashierChangedSchema,
  [COUNTER_KINDS.shiftChecked]: shiftCheckedSchema,
  [COUNTER_KINDS.shiftClosed]: shiftClosedSchema,
  [COUNTER_KINDS.staffChanged]: staffChangedSchema,
  [COUNTER_KINDS.staffAction]: staffActionSchema,
  [COUNTER_KINDS.dayClosed]: dayClosedSchema,
} as const;

export type CounterKind = keyof typeof COUNTER_SCHEMAS;
export type CounterPayload<K extends CounterKind> = z.infer<(typeof COUNTER_SCHEMAS)[K]>;
