/**
 * The shop server's tables, in the `shop` schema owned by the migration role.
 *
 * - tills: one row per paired till; only a hash of its token is kept. `hwm` is the last
 *   sequence applied from that till: the ingest reads and raises it under a row lock, so two
 *   pushes from one till (a killed process's request still in flight, and its successor's)
 *   apply in order, each event once.
 * - events: every event every till pushed, exactly as received, insert-only (the app role
 *   has no UPDATE or DELETE on it). An event the server could not apply is kept here too,
 *   with its reason, so an upgraded server can apply it later.
 * - orders: the projection the owner's reports read, newest snapshot per sale by revision.
 *   Later kinds (cash sales, shifts, refunds, receipts) get projection tables of their own
 *   beside it, filled from the same events.
 * - webhook_receipts / payment_notices: Pakasir's webhooks as received, and the hints sent
 *   on to tills.
 */
export const sql = `
CREATE SCHEMA IF NOT EXISTS shop;

CREATE TABLE shop.tills (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  token_sha256 text NOT NULL UNIQUE,
  hwm bigint NOT NULL DEFAULT 0 CHECK (hwm >= 0),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE shop.pairing_codes (
  code_sha256 text PRIMARY KEY,
  till_name text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  till_id uuid REFERENCES shop.tills(id)
);

-- The start of a till's order ids, so a webhook for a sale the server has not seen yet still finds its till.
CREATE TABLE shop.till_prefixes (
  prefix text NOT NULL,
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (prefix, till_id)
);

CREATE TABLE shop.events (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  seq bigint NOT NULL CHECK (seq >= 1),
  kind text NOT NULL,
  entity_id text NOT NULL,
  schema integer NOT NULL,
  occurred_at text NOT NULL,
  payload jsonb,
  received_at timestamptz NOT NULL,
  rejected_code text,
  rejected_reason text,
  PRIMARY KEY (till_id, seq)
);
CREATE INDEX events_kind_entity ON shop.events (kind, entity_id);
CREATE INDEX events_rejected ON shop.events (till_id, seq) WHERE rejected_code IS NOT NULL;

CREATE TABLE shop.orders (
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  order_id text NOT NULL,
  revision bigint NOT NULL,
  state text NOT NULL,
  method text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  price bigint CHECK (price IS NULL OR price > 0),
  fee_payer text,
  fee bigint CHECK (fee IS NULL OR fee >= 0),
  total_payment bigint CHECK (total_payment IS NULL OR total_payment >= 0),
  sandbox boolean NOT NULL,
  project text NOT NULL,
  txn_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  paid_at timestamptz,
  snapshot jsonb NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (till_id, order_id)
);
CREATE INDEX orders_order_id ON shop.orders (order_id);
CREATE INDEX orders_created ON shop.orders (created_at);

CREATE TABLE shop.webhook_receipts (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL,
  api_version text NOT NULL,
  order_id text NOT NULL,
  txn_id text,
  amount bigint,
  status text NOT NULL,
  body jsonb NOT NULL,
  matched_tills integer NOT NULL
);
CREATE INDEX webhook_receipts_order ON shop.webhook_receipts (order_id);

CREATE TABLE shop.payment_notices (
  id bigserial PRIMARY KEY,
  till_id uuid NOT NULL REFERENCES shop.tills(id),
  order_id text NOT NULL,
  txn_id text,
  amount bigint,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX payment_notices_till ON shop.payment_notices (till_id, id);
`;
