import Database from 'better-sqlite3';
import type { OrderFilter } from '../../../src/shared/domain';
import type { OrderStore } from '../../../src/main/orders/order-store';

/** Every row's text of an export expression, read at once on this thread: what the export thread must hand back. */
export function textRows(store: OrderStore, expression: string, filter: OrderFilter = {}): string[] {
  const { file, sql, params } = store.textQuery(filter, expression);
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .all(...params) as string[];
  } finally {
    db.close();
  }
}
