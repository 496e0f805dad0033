/**
 * Quick items and the lines of a sale.
 *
 * - `items` is the owner's catalogue as it stands now; `item_events` is its journal: every
 *   item created, changed or removed, with what it was before and after, so a price the
 *   owner changed can always be traced. A removed item stays (inactive): old lines may name it.
 * - `sale_items` holds a sale's lines with their own copy of the name and price, written in
 *   the same transaction as the sale, before Pakasir is called. A later price change never
 *   reaches a sale that was already made. `sale_id` is the counter sale, or the order id of
 *   a sale made without one (as for refunds).
 *
 * Numbered 8, after the sale's gateway address (7); nothing here needs the counter's tables.
 */
export const sql = `
CREATE TABLE items (
  item_id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  price INTEGER NOT NULL CHECK (price > 0),
  category TEXT NOT NULL DEFAULT '' CHECK (length(category) <= 30),
  barcode TEXT,
  active INTEGER NOT NULL CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- One live item per barcode: a scan must never be ambiguous.
CREATE UNIQUE INDEX items_barcode ON items(barcode) WHERE active = 1 AND barcode IS NOT NULL;

CREATE TABLE item_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id TEXT NOT NULL REFERENCES items(item_id),
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created','changed','removed')),
  facts TEXT NOT NULL CHECK (json_valid(facts))
) STRICT;
CREATE INDEX item_events_item ON item_events(item_id, id);

CREATE TABLE sale_items (
  sale_id TEXT NOT NULL,
  line_no INTEGER NOT NULL CHECK (line_no >= 1),
  item_id TEXT,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  unit_price INTEGER NOT NULL CHECK (unit_price > 0),
  qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 999),
  total INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sale_id, line_no),
  CHECK (total = unit_price * qty)
) STRICT;
`;
