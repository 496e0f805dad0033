import type Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { MAX_CART_LINES, MAX_QTY, type SaleLineView } from '@shared/items';
import { MAX_AMOUNT } from '@shared/methods';
import { SALE_LINES_KIND, SALE_LINES_SCHEMA, saleLinesSchema } from '@shared/sync/sale-lines';
import { appendToOutbox } from './outbox-append';

interface LineRow {
  line_no: number;
  item_id: string | null;
  name: string;
  unit_price: number;
  qty: number;
  total: number;
}

/** A sale's lines must add up to its price: checked before anything is written. */
export function checkLines(lines: readonly SaleLineView[], price: number): void {
  const bad = (why: string) => new PosError('invalid_input', `The sale's items ${why}.`);
  if (lines.length === 0 || lines.length > MAX_CART_LINES) throw bad(`must be 1 to ${MAX_CART_LINES} lines`);
  let sum = 0;
  for (const l of lines) {
    if (!Number.isInteger(l.qty) || l.qty < 1 || l.qty > MAX_QTY) throw bad(`have a quantity outside 1-${MAX_QTY}`);
    if (!Number.isInteger(l.unitPrice) || l.unitPrice < 1 || l.unitPrice > MAX_AMOUNT) throw bad('have a bad price');
    if (l.total !== l.unitPrice * l.qty) throw bad('have a line whose total is not price times quantity');
    sum += l.total;
  }
  if (sum !== price) throw bad(`add up to ${sum}, not to the sale's price ${price}`);
}

/**
 * Inside the caller's transaction (the one that writes the sale): the lines with their own
 * copy of names and prices, and their outbox entry for the shop server.
 */
export function writeSaleLines(
  db: Database.Database,
  saleId: string,
  lines: readonly SaleLineView[],
  at: string,
): void {
  const insert = db.prepare(
    'INSERT INTO sale_items (sale_id, line_no, item_id, name, unit_price, qty, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  lines.forEach((l, i) => insert.run(saleId, i + 1, l.itemId, l.name, l.unitPrice, l.qty, l.total, at));
  const payload = saleLinesSchema.parse({
    saleId,
    lines: lines.map((l, i) => ({
      lineNo: i + 1,
      itemId: l.itemId,
      name: l.name,
      unitPrice: l.unitPrice,
      qty: l.qty,
      total: l.total,
    })),
    total: lines.reduce((sum, l) => sum + l.total, 0),
    at,
  });
  appendToOutbox(db, { kind: SALE_LINES_KIND, entityId: saleId, schema: SALE_LINES_SCHEMA, occurredAt: at, payload });
}

export function readSaleLines(db: Database.Database, saleId: string): SaleLineView[] {
  const rows = db
    .prepare('SELECT line_no, item_id, name, unit_price, qty, total FROM sale_items WHERE sale_id = ? ORDER BY line_no')
    .all(saleId) as LineRow[];
  return rows.map((r) => ({ itemId: r.item_id, name: r.name, qty: r.qty, unitPrice: r.unit_price, total: r.total }));
}
