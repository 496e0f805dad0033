import { COUNTER_KINDS, type CounterPayload } from '@shared/sync/counter-events';
import { insertRows, type Column } from './bulk-insert';
import { counterKind, factKind } from './counter-kind';

/** One row of shop.shift_events, whichever kind wrote it. */
interface ShiftEventRow {
  shiftId: string;
  eventId: number;
  kind: 'cash_in' | 'cash_out' | 'cashier_changed' | 'checked';
  amount: number | null;
  reason: string | null;
  at: string;
  staffId: string | null;
  staffName: string | null;
  facts: string | null;
  seq: number;
}

const EVENT_COLUMNS: Column<ShiftEventRow>[] = [
  { name: 'shift_id', type: 'text', value: (r) => r.shiftId },
  { name: 'event_id', type: 'bigint', value: (r) => r.eventId },
  { name: 'kind', type: 'text', value: (r) => r.kind },
  { name: 'amount', type: 'bigint', value: (r) => r.amount },
  { name: 'reason', type: 'text', value: (r) => r.reason },
  { name: 'at', type: 'timestamptz', value: (r) => r.at },
  { name: 'staff_id', type: 'text', value: (r) => r.staffId },
  { name: 'staff_name', type: 'text', value: (r) => r.staffName },
  { name: 'facts', type: 'jsonb', value: (r) => r.facts },
  { name: 'seq', type: 'bigint', value: (r) => r.seq },
];

const shiftOpened = factKind({
  kind: COUNTER_KINDS.shiftOpened,
  entityOf: (p) => p.shiftId,
  table: 'shop.shifts',
  columns: [
    { name: 'shift_id', type: 'text', value: (e) => e.payload.shiftId },
    { name: 'terminal', type: 'text', value: (e) => e.payload.terminal },
    { name: 'business_day', type: 'date', value: (e) => e.payload.businessDay },
    { name: 'opened_at', type: 'timestamptz', value: (e) => e.payload.openedAt },
    { name: 'opened_by', type: 'text', value: (e) => e.payload.openedBy },
    { name: 'opened_by_name', type: 'text', value: (e) => e.payload.openedByName },
    { name: 'opening_cash', type: 'bigint', value: (e) => e.payload.openingCash },
  ],
});

type ShiftEventKind =
  typeof COUNTER_KINDS.shiftCashMoved | typeof COUNTER_KINDS.shiftCashierChanged | typeof COUNTER_KINDS.shiftChecked;

/** What differs between the kinds that write shop.shift_events. */
type ShiftEventDetail = Pick<ShiftEventRow, 'kind' | 'amount' | 'reason' | 'staffId' | 'staffName' | 'facts'>;

/** A kind that writes one row of shop.shift_events per entry, once (the facts rule of factKind). */
function shiftEventKind<K extends ShiftEventKind>(kind: K, detail: (p: CounterPayload<K>) => ShiftEventDetail) {
  return counterKind(
    kind,
    (p) => p.shiftId,
    async (client, tillId, events) => {
      const rows = events.map((e): ShiftEventRow => ({
        shiftId: e.payload.shiftId,
        eventId: e.payload.eventId,
        at: e.payload.at,
        seq: e.seq,
        ...detail(e.payload),
      }));
      await insertRows(client, 'shop.shift_events', tillId, EVENT_COLUMNS, rows, 'ON CONFLICT DO NOTHING');
    },
  );
}

const cashMoved = shiftEventKind(COUNTER_KINDS.shiftCashMoved, (p) => ({
  kind: p.kind === 'in' ? 'cash_in' : 'cash_out',
  amount: p.amount,
  reason: p.reason,
  staffId: p.staffId,
  staffName: p.staffName,
  facts: null,
}));

const cashierChanged = shiftEventKind(COUNTER_KINDS.shiftCashierChanged, (p) => ({
  kind: 'cashier_changed',
  amount: null,
  reason: null,
  staffId: p.staffId,
  staffName: p.staffName,
  facts: null,
}));

const checked = shiftEventKind(COUNTER_KINDS.shiftChecked, (p) => ({
  kind: 'checked',
  amount: null,
  reason: null,
  staffId: null,
  staffName: null,
  facts: JSON.stringify({
    checked: p.checked,
    unchecked: p.unchecked,
    offline: p.offline,
    differences: p.differences,
  }),
}));

// A shift closes once; a second close entry for it (never written by a till) is kept in
// shop.events and changes nothing here.
const shiftClosed = factKind({
  kind: COUNTER_KINDS.shiftClosed,
  entityOf: (p) => p.shiftId,
  table: 'shop.shift_closes',
  columns: [
    { name: 'shift_id', type: 'text', value: (e) => e.payload.shiftId },
    { name: 'closed_at', type: 'timestamptz', value: (e) => e.payload.closedAt },
    { name: 'closed_by', type: 'text', value: (e) => e.payload.closedBy },
    { name: 'closed_by_name', type: 'text', value: (e) => e.payload.closedByName },
    { name: 'opening', type: 'bigint', value: (e) => e.payload.drawer.opening },
    { name: 'cash_sales', type: 'bigint', value: (e) => e.payload.drawer.cashSales },
    { name: 'cash_refunds', type: 'bigint', value: (e) => e.payload.drawer.cashRefunds },
    { name: 'cash_in', type: 'bigint', value: (e) => e.payload.drawer.cashIn },
    { name: 'cash_out', type: 'bigint', value: (e) => e.payload.drawer.cashOut },
    { name: 'expected', type: 'bigint', value: (e) => e.payload.drawer.expected },
    { name: 'counted', type: 'bigint', value: (e) => e.payload.countedCash },
    { name: 'difference', type: 'bigint', value: (e) => e.payload.difference },
    { name: 'gross', type: 'bigint', value: (e) => e.payload.gross },
    { name: 'refunds', type: 'bigint', value: (e) => e.payload.refunds },
    { name: 'note', type: 'text', value: (e) => e.payload.note },
  ],
});

export const shiftKinds = [shiftOpened, cashMoved, cashierChanged, checked, shiftClosed];
