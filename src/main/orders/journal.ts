import Database from 'better-sqlite3';
import type { OrderEventView, OrderFilter, OrderPage, ReconcileResult, StorageHealth } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SaleLineView } from '@shared/items';
import { isWholeRupiah } from '@shared/money';
import { isPaymentMethod } from '@shared/methods';
import { isValidOrderId, TERMINAL_PREFIX_PATTERN } from '@shared/order-id';
import { canTransition, LIVE_STATES, stateInSql, WATCHED_STATES, type OrderState } from '@shared/order-state';
import { buildDailyReport } from './daily-report';
import { machineTimeZone } from './local-time';
import { applyMigrations } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { openDatabase } from './open-database';
import { newInstallId } from '../datafolder/install-id';
import { guardStorage } from './storage-errors';
import { checkLines, readSaleLines, writeSaleLines } from './sale-lines';
import { OrderCounter } from './order-count';
import { encodeCursor, filterParts, partsToSql } from './order-query';
import { filteredPage, searchOrders } from './order-search';
import { allocateJournalId } from './id-allocator';
import { FACT_COLUMNS, MONEY_FACTS, toEventView, toRecord, toView, type EventRow, type OrderRow } from './order-row';
import type { GatewayFacts, NewOrder, OrderRecord, OrderStore } from './order-store';

export interface OrderStoreOptions {
  file: string;
  now?: () => Date;
  log?: { info(msg: string): void; warn(msg: string): void };
  /** Zone for business-day filters and reports; defaults to the machine's. */
  timeZone?: string;
  /** The business-day cutoff hour for history filters (from settings, so it is read per query). Default 0. */
  cutoffHour?: () => number;
  /**
   * This installation's id, part of every order id (see datafolder/install-id.ts). Without
   * one (tests, tools) a random id is taken for this opening: ids stay unique, only the
   * install part differs between openings.
   */
  installId?: string;
  /**
   * Nothing is merged from the -wal into the journal file until releaseCheckpoints(): until
   * the background integrity check has passed, the file stays exactly as it was found, so
   * a damaged one can still be copied aside whole, with every sale since in its -wal.
   */
  holdCheckpoints?: boolean;
  /** Hears when the journal stops being writable (a full disk...) and when it can be written again. */
  onStorageHealth?: (health: StorageHealth) => void;
  /** Tests only: a different migration list. */
  migrations?: readonly Migration[];
  /** The SQLite addon to load (Electron's own build); unset: better-sqlite3's Node build. */
  nativeBinding?: string;
  /** Tests only: the open connection, to make its disk full (max_page_count) or read-only (query_only). */
  inspectConnection?: (db: Database.Database) => void;
}

const MAX_PAGE = 500;
/** SQLite's default: merge the -wal into the file once it holds this many pages. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;

/** Opens (creating if needed) the journal: integrity check, backup, migrations, then the store. */
export function openOrderStore(opts: OrderStoreOptions): OrderStore {
  const now = opts.now ?? (() => new Date());
  const timeZone = opts.timeZone ?? machineTimeZone();
  const db = openDatabase(opts.file, { nativeBinding: opts.nativeBinding });
  if (opts.holdCheckpoints) db.pragma('wal_autocheckpoint = 0');
  try {
    applyMigrations(db, opts.file, opts.migrations ?? MIGRATIONS, now, opts.log);
  } catch (err) {
    db.close();
    throw err;
  }
  opts.inspectConnection?.(db);
  // The journal's boundary: a storage failure leaves it as a typed error (disk_full...).
  return guardStorage(
    new SqliteOrderStore(
      db,
      opts.file,
      now,
      timeZone,
      opts.cutoffHour ?? (() => 0),
      opts.installId ?? newInstallId(),
      opts.log,
      opts.nativeBinding,
    ),
    opts.onStorageHealth,
  );
}

type Facts = Record<string, unknown>;

class SqliteOrderStore implements OrderStore {
  private readonly stmt;
  private readonly counter: OrderCounter;

  constructor(
    private readonly db: Database.Database,
    readonly file: string,
    private readonly now: () => Date,
    private readonly timeZone: string,
    private readonly cutoffHour: () => number,
    private readonly installId: string,
    private readonly log?: { info(msg: string): void; warn(msg: string): void },
    private readonly nativeBinding?: string,
  ) {
    this.counter = new OrderCounter(db);
    this.stmt = {
      get: db.prepare('SELECT * FROM orders WHERE order_id = ?'),
      insert: db.prepare(
        `INSERT INTO orders (order_id, state, method, amount, price, fee_payer, note, terminal, api_version, sandbox, project, base_url, created_at, updated_at, replaces_order_id, sale_id)
         VALUES (@orderId, 'creating', @method, @amount, @price, @feePayer, @note, @terminal, @apiVersion, @sandbox, @project, @baseUrl, @at, @at, @replacesOrderId, @saleId)`,
      ),
      event: db.prepare(
        'INSERT INTO order_events (order_id, at, from_state, to_state, reason, facts) VALUES (?, ?, ?, ?, ?, ?)',
      ),
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
      attempt: db.prepare('UPDATE orders SET create_attempts = create_attempts + 1, updated_at = ? WHERE order_id = ?'),
      sequence: db.prepare(
        'INSERT INTO sequences (terminal, next) VALUES (?, 2) ON CONFLICT (terminal) DO UPDATE SET next = next + 1 RETURNING next - 1 AS seq',
      ),
      saveReconcile: db.prepare('INSERT INTO reconciliations (day, checked_at, offline, result) VALUES (?, ?, ?, ?)'),
      lastReconcile: db.prepare('SELECT result FROM reconciliations WHERE day = ? ORDER BY id DESC LIMIT 1'),
    };
  }

  private row(orderId: string): OrderRow {
    const row = this.stmt.get.get(orderId) as OrderRow | undefined;
    if (!row) throw new PosError('not_found', `No sale with order id ${orderId} in the order log.`);
    return row;
  }

  private appendEvent(
    orderId: string,
    at: string,
    from: OrderState | null,
    to: OrderState,
    reason: string,
    facts: Facts | null,
  ): void {
    this.stmt.event.run(
      orderId,
      at,
      from,
      to,
      reason,
      facts && Object.keys(facts).length > 0 ? JSON.stringify(facts) : null,
    );
  }

  /**
   * Turns facts into column updates. A money fact that is already set and would change is
   * returned in `changed` (old and new) so the caller's event records it: nothing about money
   * is rewritten silently.
   */
  private factUpdates(row: OrderRow, facts: GatewayFacts): { sets: string[]; params: unknown[]; changed: Facts } {
    const sets: string[] = [];
    const params: unknown[] = [];
    const changed: Facts = {};
    for (const [key, value] of Object.entries(facts) as [keyof GatewayFacts, unknown][]) {
      if (value === undefined || !(key in FACT_COLUMNS)) continue;
      if ((key === 'fee' || key === 'totalPayment') && value !== null && !isWholeRupiah(value)) {
        throw new PosError('invalid_input', `${key} must be a whole rupiah amount, got ${String(value)}`);
      }
      const column = FACT_COLUMNS[key];
      const old = row[column];
      if (old === value) continue;
      if (MONEY_FACTS.has(key) && old !== null) changed[key] = { old, new: value };
      sets.push(`${column} = ?`);
      params.push(value);
    }
    return { sets, params, changed };
  }

  create(order: NewOrder): OrderRecord {
    if (!isValidOrderId(order.orderId)) throw new PosError('invalid_input', `invalid order id: ${order.orderId}`);
    if (!isWholeRupiah(order.amount) || order.amount <= 0)
      throw new PosError('invalid_input', `amount must be a whole rupiah amount above 0, got ${order.amount}`);
    const price = order.price ?? order.amount;
    if (!isWholeRupiah(price) || price <= 0)
      throw new PosError('invalid_input', `price must be a whole rupiah amount above 0, got ${price}`);
    const feePayer = order.feePayer ?? 'customer';
    if (!isPaymentMethod(order.method))
      throw new PosError('invalid_input', `unknown payment method: ${String(order.method)}`);
    if (order.lines) checkLines(order.lines, price);
    const at = this.now().toISOString();
    return this.db
      .transaction(() => {
        if (this.stmt.get.get(order.orderId))
          throw new PosError('illegal_state', `Order id ${order.orderId} already exists in the order log.`);
        this.stmt.insert.run({
          orderId: order.orderId,
          method: order.method,
          amount: order.amount,
          price,
          feePayer,
          note: order.note,
          terminal: order.terminal,
          apiVersion: order.apiVersion,
          sandbox: order.sandbox ? 1 : 0,
          project: order.project,
          baseUrl: order.baseUrl ?? null,
          at,
          replacesOrderId: order.replacesOrderId ?? null,
          saleId: order.saleId ?? null,
        });
        this.appendEvent(order.orderId, at, null, 'creating', 'created', {
          amount: order.amount,
          price,
          feePayer,
          method: order.method,
          apiVersion: order.apiVersion,
          sandbox: order.sandbox,
          ...(order.replacesOrderId ? { replacesOrderId: order.replacesOrderId } : {}),
          ...(order.saleId ? { saleId: order.saleId } : {}),
        });
        // A new QR for an expired sale sells the same things: its lines come along.
        const lines = order.lines ?? (order.replacesOrderId ? readSaleLines(this.db, order.replacesOrderId) : []);
        if (lines.length > 0) writeSaleLines(this.db, order.orderId, lines, at);
        return toRecord(this.row(order.orderId));
      })
      .immediate();
  }

  get(orderId: string): OrderRecord | null {
    const row = this.stmt.get.get(orderId) as OrderRow | undefined;
    return row ? toRecord(row) : null;
  }

  transition(
    orderId: string,
    to: OrderState,
    reason: string,
    facts: GatewayFacts = {},
    eventFacts?: Record<string, unknown>,
    expectedFrom?: OrderState[],
  ): OrderRecord {
    return this.db
      .transaction(() => {
        // Read and write inside one IMMEDIATE transaction: a second writer waits, then sees
        // the new state and is refused, so two racing writers cannot both win.
        const row = this.row(orderId);
        const from = row.state as OrderState;
        if (expectedFrom && !expectedFrom.includes(from)) {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} is ${from}, not ${expectedFrom.join(' or ')}; the change to ${to} was refused.`,
          );
        }
        if (!canTransition(from, to)) {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} cannot go from ${from} to ${to}; the change was refused.`,
          );
        }
        const at = this.now().toISOString();
        const { sets, params, changed } = this.factUpdates(row, facts);
        this.db
          .prepare(`UPDATE orders SET ${['state = ?', 'updated_at = ?', ...sets].join(', ')} WHERE order_id = ?`)
          .run(to, at, ...params, orderId);
        this.appendEvent(orderId, at, from, to, reason, {
          ...(eventFacts ?? {}),
          ...(Object.keys(changed).length > 0 ? { changed } : {}),
        });
        return toRecord(this.row(orderId));
      })
      .immediate();
  }

  recordFacts(
    orderId: string,
    facts: GatewayFacts,
    event?: { reason: string; facts?: Record<string, unknown> },
  ): OrderRecord {
    return this.db
      .transaction(() => {
        const row = this.row(orderId);
        const { sets, params, changed } = this.factUpdates(row, facts);
        const at = this.now().toISOString();
        if (sets.length > 0) {
          this.db
            .prepare(`UPDATE orders SET ${['updated_at = ?', ...sets].join(', ')} WHERE order_id = ?`)
            .run(at, ...params, orderId);
        }
        const hasChange = Object.keys(changed).length > 0;
        if (event || hasChange) {
          const state = row.state as OrderState;
          this.appendEvent(orderId, at, state, state, event?.reason ?? 'facts_changed', {
            ...(event?.facts ?? {}),
            ...(hasChange ? { changed } : {}),
          });
        }
        return toRecord(this.row(orderId));
      })
      .immediate();
  }

  noteCreateAttempt(orderId: string): OrderRecord {
    return this.db
      .transaction(() => {
        const row = this.row(orderId);
        if (row.state !== 'creating') {
          throw new PosError(
            'illegal_state',
            `Sale ${orderId} is ${row.state}; a create request may only be sent while creating.`,
          );
        }
        const at = this.now().toISOString();
        this.stmt.attempt.run(at, orderId);
        this.appendEvent(orderId, at, 'creating', 'creating', 'create_attempt', { attempt: row.create_attempts + 1 });
        return toRecord(this.row(orderId));
      })
      .immediate();
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
    const parts = filterParts(filter, this.timeZone, this.cutoffHour());
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

  listNeedsReview() {
    return (this.stmt.review.all() as OrderRow[]).map(toView);
  }

  listBetween(startIso: string, endIso: string): OrderRecord[] {
    return (this.stmt.between.all(startIso, endIso) as OrderRow[]).map(toRecord);
  }

  /**
   * Streams in created order over a second, read-only connection: the export awaits disk
   * writes between rows, and an open cursor on the main connection would block every sale
   * meanwhile ("connection is busy"). WAL lets this reader see one consistent snapshot.
   */
  private *read<T>(filter: OrderFilter, select: string, pluck: boolean): IterableIterator<T> {
    const part = partsToSql(filterParts(filter, this.timeZone, this.cutoffHour()));
    const reader = new Database(this.file, { readonly: true, fileMustExist: true, nativeBinding: this.nativeBinding });
    try {
      reader.pragma('busy_timeout = 5000');
      const stmt = reader.prepare(`SELECT ${select} FROM orders ${part.where} ORDER BY created_at, order_id`);
      yield* (pluck ? stmt.pluck() : stmt).iterate(...part.params) as IterableIterator<T>;
    } finally {
      reader.close();
    }
  }

  *iterate(filter: OrderFilter): IterableIterator<OrderRecord> {
    for (const row of this.read<OrderRow>(filter, '*', false)) yield toRecord(row);
  }

  iterateText(filter: OrderFilter, expression: string): IterableIterator<string> {
    return this.read<string>(filter, expression, true);
  }

  createdRange(): { first: string; last: string } | null {
    const row = this.stmt.createdRange.get() as { first: string | null; last: string | null };
    return row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
  }

  count(filter: OrderFilter): number {
    return this.counter.count(filterParts(filter, this.timeZone, this.cutoffHour()));
  }

  dailyReport(day: string, cutoffHour: number, timeZone?: string) {
    return buildDailyReport(this.db, day, cutoffHour, timeZone ?? this.timeZone);
  }

  nextSequence(terminal: string): number {
    if (!TERMINAL_PREFIX_PATTERN.test(terminal))
      throw new PosError('invalid_input', `invalid terminal prefix: ${terminal}`);
    return this.db.transaction(() => (this.stmt.sequence.get(terminal) as { seq: number }).seq).immediate();
  }

  allocateOrderId(terminal: string): string {
    return allocateJournalId(this.db, terminal, this.installId, this.now(), (m) => this.log?.warn(m));
  }

  openSale(order: Omit<NewOrder, 'orderId'>): OrderRecord {
    // One transaction (one fsync) for the id, the sale and its first create attempt: the
    // nested transactions below run as savepoints inside it.
    return this.db
      .transaction(() => {
        const orderId = this.allocateOrderId(order.terminal);
        this.create({ ...order, orderId });
        return this.noteCreateAttempt(orderId);
      })
      .immediate();
  }

  saveReconcile(result: ReconcileResult): void {
    this.stmt.saveReconcile.run(result.day, result.checkedAt, result.offline ? 1 : 0, JSON.stringify(result));
  }

  lastReconcile(day: string): ReconcileResult | null {
    const row = this.stmt.lastReconcile.get(day) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as ReconcileResult) : null;
  }

  allowCheckpoints(allowed: boolean): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${allowed ? WAL_AUTOCHECKPOINT_PAGES : 0}`);
  }

  close(options: { keepWal?: boolean } = {}): void {
    if (!this.db.open) return;
    if (!options.keepWal || this.file === ':memory:') {
      this.db.close();
      return;
    }
    // The last connection to close merges the -wal into the file. A read-only connection
    // open at that moment makes this one not the last, and a read-only one never merges.
    const reader = new Database(this.file, { readonly: true, fileMustExist: true, nativeBinding: this.nativeBinding });
    try {
      reader.prepare('SELECT 1').get();
      this.db.close();
    } finally {
      reader.close();
    }
  }
}
