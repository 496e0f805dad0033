import Database from 'better-sqlite3';
import type { OrderEventView, OrderFilter, OrderPage, OrderView } from '@shared/domain';
import type { SaleLineView } from '@shared/items';
import { LIVE_STATES, stateInSql, WATCHED_STATES } from '@shared/order-state';
import { buildDailyReport } from './daily-report';
import { readSaleLines } from './sale-lines';
import { OrderCounter } from './order-count';
import { encodeCursor, filterParts, partsToSql } from './order-query';
import { filteredPage, searchOrders } from './order-search';
import { toEventView, toRecord, toView, type EventRow, type OrderRow } from './order-row';
import type { OrderRecord, TextQuery } from './order-store';

const MAX_PAGE = 500;

/** Where the journal's file is and how its history filters read the business day. */
export interface JournalReadPlace {
  file: string;
  /** Zone for business-day filters and reports. */
  timeZone: string;
  /** The business-day cutoff hour (from settings, so it is read per query). */
  cutoffHour: () => number;
  nativeBinding?: string;
}

/** The journal's read side: single sales, the start-up lists, history pages, counts and exports. */
export class JournalReader {
  private readonly stmt;
  private readonly counter: OrderCounter;

  constructor(
    private readonly db: Database.Database,
    private readonly place: JournalReadPlace,
  ) {
    this.counter = new OrderCounter(db);
    this.stmt = {
      get: db.prepare('SELECT * FROM orders WHERE order_id = ?'),
      events: db.prepare('SELECT * FROM order_events WHERE order_id = ? ORDER BY id'),
      // Start-up reads these two: each must read its small partial index, never the million
      // finished sales. INDEXED BY makes SQLite refuse the statement (so the journal will not
      // open) if the state lists in shared/order-state.ts ever drift from the index's condition.
      live: db.prepare(
        `SELECT * FROM orders INDEXED BY orders_live WHERE ${stateInSql(LIVE_STATES)} ORDER BY created_at`,
      ),
      watched: db.prepare(
        `SELECT * FROM orders INDEXED BY orders_watched WHERE watch_until IS NOT NULL AND ${stateInSql(WATCHED_STATES)} AND watch_until > ? ORDER BY watch_until`,
      ),
      review: db.prepare("SELECT * FROM orders WHERE state = 'needs_review' ORDER BY created_at DESC, order_id DESC"),
      between: db.prepare(
        'SELECT * FROM orders WHERE created_at >= ? AND created_at < ? ORDER BY created_at, order_id',
      ),
      // Two subqueries, so each reads one end of the created_at index instead of the whole table.
      createdRange: db.prepare(
        'SELECT (SELECT min(created_at) FROM orders) AS first, (SELECT max(created_at) FROM orders) AS last',
      ),
    };
  }

  private parts(filter: OrderFilter) {
    return filterParts(filter, this.place.timeZone, this.place.cutoffHour());
  }

  get(orderId: string): OrderRecord | null {
    const row = this.stmt.get.get(orderId) as OrderRow | undefined;
    return row ? toRecord(row) : null;
  }

  saleLines(saleId: string): SaleLineView[] {
    return readSaleLines(this.db, saleId);
  }

  events(orderId: string): OrderEventView[] {
    return (this.stmt.events.all(orderId) as EventRow[]).map(toEventView);
  }

  listLive(): OrderRecord[] {
    return (this.stmt.live.all() as OrderRow[]).map(toRecord);
  }

  listWatched(nowIso: string): OrderRecord[] {
    return (this.stmt.watched.all(nowIso) as OrderRow[]).map(toRecord);
  }

  /** Newest first, keyset-paginated on (created_at, order_id) so page 500 costs what page 1 costs. */
  list(filter: OrderFilter, limit: number, cursor?: string | null): OrderPage {
    const size = Math.max(1, Math.min(MAX_PAGE, Math.trunc(limit) || 1));
    const parts = this.parts(filter);
    const found = parts.search
      ? searchOrders(this.db, parts, size, cursor)
      : filteredPage(this.db, parts, size, cursor, () => this.counter.count(parts));
    const page = found.rows.slice(0, size);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: found.rows.length > size && last ? encodeCursor(last.created_at, last.order_id) : null,
      total: found.total,
      ...(found.capped ? { totalCapped: true } : {}),
    };
  }

  listNeedsReview(): OrderView[] {
    return (this.stmt.review.all() as OrderRow[]).map(toView);
  }

  listBetween(startIso: string, endIso: string): OrderRecord[] {
    return (this.stmt.between.all(startIso, endIso) as OrderRow[]).map(toRecord);
  }

  /** The statement the exports stream, in created order, for a reader of its own (read() or a worker thread). */
  textQuery(filter: OrderFilter, expression: string): TextQuery {
    const part = partsToSql(this.parts(filter));
    return {
      file: this.place.file,
      nativeBinding: this.place.nativeBinding,
      sql: `SELECT ${expression} FROM orders ${part.where} ORDER BY created_at, order_id`,
      params: part.params,
    };
  }

  /**
   * Streams in created order over a second, read-only connection: the export awaits disk
   * writes between rows, and an open cursor on the main connection would block every sale
   * meanwhile ("connection is busy"). WAL lets this reader see one consistent snapshot.
   */
  *iterate(filter: OrderFilter): IterableIterator<OrderRecord> {
    const { file, nativeBinding, sql, params } = this.textQuery(filter, '*');
    const reader = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      reader.pragma('busy_timeout = 5000');
      for (const row of reader.prepare(sql).iterate(...params) as IterableIterator<OrderRow>) yield toRecord(row);
    } finally {
      reader.close();
    }
  }

  createdRange(): { first: string; last: string } | null {
    const row = this.stmt.createdRange.get() as { first: string | null; last: string | null };
    return row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
  }

  count(filter: OrderFilter): number {
    return this.counter.count(this.parts(filter));
  }

  dailyReport(day: string, cutoffHour: number, timeZone?: string) {
    return buildDailyReport(this.db, day, cutoffHour, timeZone ?? this.place.timeZone);
  }
}
