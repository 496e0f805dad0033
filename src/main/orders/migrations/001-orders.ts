/**
 * The order journal. STRICT tables so a wrong type is refused by SQLite itself, and CHECKs on
 * the money columns so no code path can store a fractional or negative rupiah amount.
 * Times are ISO 8601 UTC text (fixed width, so text order is time order).
 */
export const sql = `
CREATE TABLE orders (
  order_id TEXT PRIMARY KEY NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('creating','awaiting_payment','paid','canceled','expired','failed','needs_review')),
  method TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  fee INTEGER CHECK (fee IS NULL OR fee >= 0),
  total_payment INTEGER CHECK (total_payment IS NULL OR total_payment >= 0),
  note TEXT NOT NULL DEFAULT '',
  terminal TEXT NOT NULL,
  api_version TEXT NOT NULL CHECK (api_version IN ('v1','v2')),
  sandbox INTEGER NOT NULL CHECK (sandbox IN (0,1)),
  project TEXT NOT NULL,
  txn_id TEXT,
  payment_number TEXT,
  payment_url TEXT,
  expires_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  paid_at TEXT,
  reason TEXT,
  reason_detail TEXT,
  last_checked_at TEXT,
  create_attempts INTEGER NOT NULL DEFAULT 0 CHECK (create_attempts >= 0),
  watch_until TEXT,
  replaces_order_id TEXT
) STRICT;

CREATE TABLE order_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id TEXT NOT NULL REFERENCES orders(order_id),
  at TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  reason TEXT NOT NULL,
  facts TEXT CHECK (facts IS NULL OR json_valid(facts))
) STRICT;

CREATE TABLE sequences (
  terminal TEXT PRIMARY KEY NOT NULL,
  next INTEGER NOT NULL CHECK (next >= 1),
  -- The latest timestamp put in an id, so a clock set backwards cannot make ids go back.
  last_stamp TEXT NOT NULL DEFAULT ''
) STRICT;

-- History pages: keyset on (created_at, order_id), newest first or oldest first.
CREATE INDEX orders_created ON orders(created_at, order_id);
CREATE INDEX orders_state_created ON orders(state, created_at);
CREATE INDEX orders_method_created ON orders(method, created_at);
-- Recovery at start must stay instant with a million rows: partial indices hold only the few live or watched sales.
CREATE INDEX orders_live ON orders(created_at) WHERE state IN ('creating','awaiting_payment');
CREATE INDEX orders_watched ON orders(watch_until) WHERE watch_until IS NOT NULL AND state IN ('canceled','expired');
CREATE INDEX order_events_order ON order_events(order_id, id);
`;
