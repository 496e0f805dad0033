import { COUNTER_KINDS } from '@shared/sync/counter-events';
import { insertRows, type Column } from './bulk-insert';
import { counterKind, factKind, SEQ_COLUMN, type Accepted } from './counter-kind';
import { shiftKinds } from './shift-kinds';

const saleOpened = factKind({
  kind: COUNTER_KINDS.saleOpened,
  entityOf: (p) => p.saleId,
  table: 'shop.counter_sales',
  columns: [
    { name: 'sale_id', type: 'text', value: (e) => e.payload.saleId },
    { name: 'terminal', type: 'text', value: (e) => e.payload.terminal },
    { name: 'price', type: 'bigint', value: (e) => e.payload.price },
    { name: 'note', type: 'text', value: (e) => e.payload.note },
    { name: 'created_at', type: 'timestamptz', value: (e) => e.payload.createdAt },
    { name: 'cashier_id', type: 'text', value: (e) => e.payload.cashierId },
    { name: 'cashier_name', type: 'text', value: (e) => e.payload.cashierName },
    { name: 'shift_id', type: 'text', value: (e) => e.payload.shiftId },
  ],
});

const refundRecorded = factKind({
  kind: COUNTER_KINDS.refundRecorded,
  entityOf: (p) => p.refundId,
  table: 'shop.refunds',
  columns: [
    { name: 'refund_id', type: 'text', value: (e) => e.payload.refundId },
    { name: 'sale_id', type: 'text', value: (e) => e.payload.saleId },
    { name: 'kind', type: 'text', value: (e) => e.payload.kind },
    { name: 'amount', type: 'bigint', value: (e) => e.payload.amount },
    { name: 'channel', type: 'text', value: (e) => e.payload.channel },
    { name: 'note', type: 'text', value: (e) => e.payload.note },
    { name: 'at', type: 'timestamptz', value: (e) => e.payload.at },
    { name: 'by_staff_id', type: 'text', value: (e) => e.payload.byStaffId },
    { name: 'by_name', type: 'text', value: (e) => e.payload.byName },
    { name: 'shift_id', type: 'text', value: (e) => e.payload.shiftId },
    { name: 'terminal', type: 'text', value: (e) => e.payload.terminal },
  ],
});

const staffChanged = counterKind(
  COUNTER_KINDS.staffChanged,
  (p) => p.staffId,
  async (client, tillId, events) => {
    // One row per person per statement (ON CONFLICT may touch a row once): the newest entry.
    const newest = new Map<string, Accepted<'staff.changed'>>();
    for (const e of events) newest.set(e.payload.staffId, e);
    const cols: Column<Accepted<'staff.changed'>>[] = [
      { name: 'staff_id', type: 'text', value: (e) => e.payload.staffId },
      { name: 'name', type: 'text', value: (e) => e.payload.name },
      { name: 'role', type: 'text', value: (e) => e.payload.role },
      { name: 'active', type: 'boolean', value: (e) => e.payload.active },
      { name: 'updated_at', type: 'timestamptz', value: (e) => e.payload.at },
      SEQ_COLUMN,
    ];
    await insertRows(
      client,
      'shop.staff',
      tillId,
      cols,
      [...newest.values()],
      `ON CONFLICT (till_id, staff_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
       active = EXCLUDED.active, updated_at = EXCLUDED.updated_at, seq = EXCLUDED.seq
     WHERE shop.staff.seq < EXCLUDED.seq`,
    );
  },
);

const staffAction = factKind({
  kind: COUNTER_KINDS.staffAction,
  entityOf: (p) => String(p.id),
  table: 'shop.staff_actions',
  columns: [
    { name: 'id', type: 'bigint', value: (e) => e.payload.id },
    { name: 'at', type: 'timestamptz', value: (e) => e.payload.at },
    { name: 'action', type: 'text', value: (e) => e.payload.action },
    { name: 'by_staff_id', type: 'text', value: (e) => e.payload.byStaffId },
    { name: 'by_name', type: 'text', value: (e) => e.payload.byName },
    { name: 'target', type: 'text', value: (e) => e.payload.target },
    { name: 'facts', type: 'jsonb', value: (e) => (e.payload.facts ? JSON.stringify(e.payload.facts) : null) },
  ],
});

const dayClosed = factKind({
  kind: COUNTER_KINDS.dayClosed,
  entityOf: (p) => p.day,
  table: 'shop.day_closes',
  columns: [
    { name: 'close_id', type: 'bigint', value: (e) => e.payload.closeId },
    { name: 'day', type: 'date', value: (e) => e.payload.day },
    { name: 'closed_at', type: 'timestamptz', value: (e) => e.payload.closedAt },
    { name: 'by_staff_id', type: 'text', value: (e) => e.payload.byStaffId },
    { name: 'by_name', type: 'text', value: (e) => e.payload.byName },
    { name: 'gross', type: 'bigint', value: (e) => e.payload.gross },
    { name: 'fees', type: 'bigint', value: (e) => e.payload.fees },
    { name: 'refunds', type: 'bigint', value: (e) => e.payload.refunds },
    { name: 'net_after_refunds', type: 'bigint', value: (e) => e.payload.netAfterRefunds },
    { name: 'cash_difference', type: 'bigint', value: (e) => e.payload.cashDifference },
  ],
});

/**
 * The counter's kinds (sales, refunds, shifts, staff, the owner's actions, day closes): each
 * payload is checked against its schema (an entry that breaks it is kept with the reason,
 * which the till shows) and projected into the owner's tables in the ingest's transaction.
 */
export const counterKinds = [saleOpened, refundRecorded, ...shiftKinds, staffChanged, staffAction, dayClosed];
