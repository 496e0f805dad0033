/**
 * The counter as the owner sees it across tills, projected from the tills' counter entries
 * (src/shared/sync/counter-events.ts). Every row is keyed by its till and the till's own id,
 * so the same entry pushed twice, or two tills with the same ids, never collide.
 *
 * The ingest applies a push's entries grouped by kind, so a shift's close may be applied
 * before its opening when both arrive in one push: the shift's parts are kept in tables of
 * their own (shifts, shift_events, shift_closes), each filled by one kind and joined on
 * reading, never a row one kind inserts and another updates.
 *
 * - counter_sales: a sale at the counter (its payment parts are rows of shop.orders with
 *   this sale_id, cash parts included).
 * - refunds: money given back, linked to its sale; never an edit of the sale.
 * - shifts / shift_events / shift_closes: the opening, cash in and out, cashier changes and
 *   checks with Pakasir, and the close with counted and expected cash.
 * - staff: names and roles as the till last said (never a PIN or its hash: the entries do not
 *   carry one). staff_actions: the owner-only actions and refused PINs, who did them.
 * - day_closes: the owner closed a business day; the Z figures as they stood.
 * - orders gain the counter sale, the shift whose drawer took a cash part, and what the
 *   customer handed over and got back.
 */
export const sql = `
ALTER TABLE shop.orders
  ADD COLUMN sale_id text,
  ADD COLUMN shift_id text,
  ADD COLUMN cash_tendered bigint CHECK (cash_tendered IS NULL OR cash_tendered > 0),
  ADD COLUMN cash_change bigint CHECK (cash_change IS NULL OR cash_change >= 0);
CREATE INDEX orders_sale ON shop.orders (till_id, sale_id) WHERE sale_id IS NOT NULL;
CREATE INDEX orders_shift ON shop.orders (till_id, shift_id) WHERE shift_id IS NOT NULL;

CREATE TABLE shop.counter_sales (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  sale_id text NOT NULL,
  terminal text NOT NULL,
  price bigint NOT NULL CHECK (price > 0),
  note text NOT NULL,
  created_at timestamptz NOT NULL,
  cashier_id text,
  cashier_name text,
  shift_id text,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, sale_id)
);
CREATE INDEX counter_sales_shift ON shop.counter_sales (till_id, shift_id);
CREATE INDEX counter_sales_created ON shop.counter_sales (created_at);

CREATE TABLE shop.refunds (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  refund_id text NOT NULL,
  sale_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('refund', 'void')),
  amount bigint NOT NULL CHECK (amount > 0),
  channel text NOT NULL,
  note text NOT NULL,
  at timestamptz NOT NULL,
  by_staff_id text,
  by_name text NOT NULL,
  shift_id text,
  terminal text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, refund_id)
);
CREATE INDEX refunds_at ON shop.refunds (at);
CREATE INDEX refunds_shift ON shop.refunds (till_id, shift_id);

CREATE TABLE shop.shifts (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  shift_id text NOT NULL,
  terminal text NOT NULL,
  business_day date NOT NULL,
  opened_at timestamptz NOT NULL,
  opened_by text NOT NULL,
  opened_by_name text NOT NULL,
  opening_cash bigint NOT NULL CHECK (opening_cash >= 0),
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, shift_id)
);
CREATE INDEX shifts_day ON shop.shifts (business_day);

CREATE TABLE shop.shift_events (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  shift_id text NOT NULL,
  event_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cash_in', 'cash_out', 'cashier_changed', 'checked')),
  amount bigint CHECK (amount IS NULL OR amount > 0),
  reason text,
  at timestamptz NOT NULL,
  staff_id text,
  staff_name text,
  facts jsonb,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, shift_id, event_id)
);

CREATE TABLE shop.shift_closes (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  shift_id text NOT NULL,
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL,
  closed_by_name text NOT NULL,
  opening bigint NOT NULL,
  cash_sales bigint NOT NULL,
  cash_refunds bigint NOT NULL,
  cash_in bigint NOT NULL,
  cash_out bigint NOT NULL,
  expected bigint NOT NULL,
  counted bigint NOT NULL,
  difference bigint NOT NULL,
  gross bigint NOT NULL,
  refunds bigint NOT NULL,
  note text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, shift_id)
);

CREATE TABLE shop.staff (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  staff_id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'cashier')),
  active boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, staff_id)
);

CREATE TABLE shop.staff_actions (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  id bigint NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  by_staff_id text,
  by_name text,
  target text,
  facts jsonb,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, id)
);
CREATE INDEX staff_actions_at ON shop.staff_actions (at);

CREATE TABLE shop.day_closes (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  close_id bigint NOT NULL,
  day date NOT NULL,
  closed_at timestamptz NOT NULL,
  by_staff_id text,
  by_name text NOT NULL,
  gross bigint NOT NULL,
  fees bigint NOT NULL,
  refunds bigint NOT NULL,
  net_after_refunds bigint NOT NULL,
  cash_difference bigint,
  seq bigint NOT NULL,
  PRIMARY KEY (till_id, close_id)
);
CREATE INDEX day_closes_day ON shop.day_closes (day);
`;
