/**
 * The counter: cash, split payments, shifts, refunds, cashiers and the owner.
 *
 * - A counter sale is a `sales` row (the price asked, the cashier, the shift) with one or more
 *   payment parts, each an `orders` row linked by `sale_id`: cash parts are written paid in
 *   the same transaction as the sale (with what was handed over and the change); a gateway
 *   part follows the payment engine unchanged. History, reports, exports, reconciliation and
 *   the outbox carry cash as they carry QRIS.
 * - Refunds and voids are new rows linked to the sale, never edits of it.
 * - A shift is a row with its events (opened, cash in / out, cashier changed, checked with
 *   Pakasir, closed); at most one open shift per till, enforced by SQLite itself.
 * - Staff: named cashiers with scrypt-hashed PINs; wrong PINs are counted on the row so a
 *   restart cannot reset the count. The owner's PIN lives beside the settings (it must work
 *   while the journal is closed, and outlive a restored one); the owner is staff id 'owner'
 *   wherever these tables name who did something, so those columns are plain ids, not keys.
 *   `staff_events` is the audit journal: who did each owner-only action, and every refused PIN.
 * - Day closes: the owner's business-day close, with the Z report as it stood.
 *
 * The order snapshot queued for the shop server grows to schema 2 (the sale it belongs to,
 * cash handed over and change, the drawer's shift): the trigger is replaced, never edited in
 * place.
 */
const snapshot = (o: string, at: string): string => `
  SELECT 'order.snapshot', ${o}.order_id, 2, ${at}, json_object(
    'orderId', ${o}.order_id,
    'state', ${o}.state,
    'method', ${o}.method,
    'amount', ${o}.amount,
    'price', ${o}.price,
    'feePayer', ${o}.fee_payer,
    'fee', ${o}.fee,
    'totalPayment', ${o}.total_payment,
    'note', ${o}.note,
    'terminal', ${o}.terminal,
    'apiVersion', ${o}.api_version,
    'sandbox', json(CASE WHEN ${o}.sandbox = 1 THEN 'true' ELSE 'false' END),
    'project', ${o}.project,
    'txnId', ${o}.txn_id,
    'expiresAt', ${o}.expires_at,
    'createdAt', ${o}.created_at,
    'updatedAt', ${o}.updated_at,
    'paidAt', ${o}.paid_at,
    'revision', ${o}.revision,
    'reason', ${o}.reason,
    'reasonDetail', ${o}.reason_detail,
    'replacesOrderId', ${o}.replaces_order_id,
    'saleId', ${o}.sale_id,
    'cashTendered', ${o}.cash_tendered,
    'cashChange', ${o}.cash_change,
    'shiftId', ${o}.shift_id
  )`;

export const sql = `
ALTER TABLE orders ADD COLUMN sale_id TEXT;
ALTER TABLE orders ADD COLUMN cash_tendered INTEGER CHECK (cash_tendered IS NULL OR cash_tendered > 0);
ALTER TABLE orders ADD COLUMN cash_change INTEGER CHECK (cash_change IS NULL OR cash_change >= 0);
-- Cash parts only: the shift whose drawer took the cash.
ALTER TABLE orders ADD COLUMN shift_id TEXT;
CREATE INDEX orders_sale ON orders(sale_id) WHERE sale_id IS NOT NULL;
CREATE INDEX orders_shift ON orders(shift_id) WHERE shift_id IS NOT NULL;

CREATE TABLE staff (
  staff_id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  role TEXT NOT NULL CHECK (role IN ('owner','cashier')),
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0,1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  last_failed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  by_staff_id TEXT,
  by_name TEXT,
  target TEXT,
  facts TEXT CHECK (facts IS NULL OR json_valid(facts))
) STRICT;
CREATE INDEX staff_events_at ON staff_events(at, id);

CREATE TABLE shifts (
  shift_id TEXT PRIMARY KEY NOT NULL,
  terminal TEXT NOT NULL,
  business_day TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open','closed')),
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opening_cash INTEGER NOT NULL CHECK (opening_cash >= 0),
  cashier_id TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT,
  counted_cash INTEGER CHECK (counted_cash IS NULL OR counted_cash >= 0),
  expected_cash INTEGER,
  report TEXT CHECK (report IS NULL OR json_valid(report)),
  CHECK ((state = 'open') = (closed_at IS NULL))
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts(terminal) WHERE state = 'open';
CREATE INDEX shifts_day ON shifts(business_day, opened_at);

CREATE TABLE shift_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  shift_id TEXT NOT NULL REFERENCES shifts(shift_id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opened','cash_in','cash_out','cashier_changed','checked','closed')),
  amount INTEGER CHECK (amount IS NULL OR amount >= 0),
  note TEXT NOT NULL DEFAULT '',
  staff_id TEXT,
  facts TEXT CHECK (facts IS NULL OR json_valid(facts))
) STRICT;
CREATE INDEX shift_events_shift ON shift_events(shift_id, id);

CREATE TABLE sales (
  sale_id TEXT PRIMARY KEY NOT NULL,
  terminal TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price > 0),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  cashier_id TEXT,
  cashier_name TEXT,
  shift_id TEXT REFERENCES shifts(shift_id)
) STRICT;
CREATE INDEX sales_shift ON sales(shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX sales_created ON sales(created_at);

-- sale_id: a counter sale, or the order id of a payment taken before the counter kept sales.
CREATE TABLE refunds (
  refund_id TEXT PRIMARY KEY NOT NULL,
  sale_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('refund','void')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  channel TEXT NOT NULL CHECK (channel IN ('cash','bank_transfer','e_wallet','other')),
  note TEXT NOT NULL,
  at TEXT NOT NULL,
  by_staff_id TEXT,
  by_name TEXT NOT NULL,
  shift_id TEXT REFERENCES shifts(shift_id),
  terminal TEXT NOT NULL,
  CHECK (channel <> 'cash' OR shift_id IS NOT NULL)
) STRICT;
CREATE INDEX refunds_sale ON refunds(sale_id);
CREATE INDEX refunds_at ON refunds(at);
CREATE INDEX refunds_shift ON refunds(shift_id) WHERE shift_id IS NOT NULL;

CREATE TABLE day_closes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  day TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  by_staff_id TEXT,
  by_name TEXT NOT NULL,
  report TEXT NOT NULL CHECK (json_valid(report))
) STRICT;
CREATE INDEX day_closes_day ON day_closes(day, id);

DROP TRIGGER sync_outbox_order;
CREATE TRIGGER sync_outbox_order AFTER INSERT ON order_events
WHEN NOT (
  NEW.from_state IS NEW.to_state
  AND json_extract(coalesce(NEW.facts, '{}'), '$.changed') IS NULL
  AND (NEW.reason IN ('create_attempt', 'create_unanswered', 'gateway_cancel_sent', 'gateway_cancel_failed')
       OR NEW.reason LIKE 'keep\\_checking\\_%' ESCAPE '\\')
)
BEGIN
  INSERT INTO sync_outbox (kind, entity_id, schema, occurred_at, payload)
  ${snapshot('o', 'NEW.at')}
    FROM orders o WHERE o.order_id = NEW.order_id;
END;
`;
