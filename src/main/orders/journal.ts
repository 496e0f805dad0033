import Database from 'better-sqlite3';
import type { OrderFilter, ReconcileResult, StorageHealth } from '@shared/domain';
import { PosError } from '@shared/errors';
import { TERMINAL_PREFIX_PATTERN } from '@shared/order-id';
import type { OrderState } from '@shared/order-state';
import { machineTimeZone } from './local-time';
import { applyMigrations } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { openDatabase } from './open-database';
import { newInstallId } from '../datafolder/install-id';
import { guardStorage } from './storage-errors';
import { allocateJournalId } from './id-allocator';
import { JournalReader, type JournalReadPlace } from './journal-reads';
import { JournalWriter } from './journal-writes';
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
  const place: JournalReadPlace = {
    file: opts.file,
    timeZone,
    cutoffHour: opts.cutoffHour ?? (() => 0),
    nativeBinding: opts.nativeBinding,
  };
  // The journal's boundary: a storage failure leaves it as a typed error (disk_full...).
  return guardStorage(
    new SqliteOrderStore(db, place, now, opts.installId ?? newInstallId(), opts.log),
    opts.onStorageHealth,
  );
}

/**
 * The journal over one SQLite connection: the write side and the read side live in their
 * own files; what stays here spans both (opening a sale, order ids) or the file itself.
 */
class SqliteOrderStore implements OrderStore {
  readonly file: string;
  private readonly writer: JournalWriter;
  private readonly reader: JournalReader;
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly place: JournalReadPlace,
    private readonly now: () => Date,
    private readonly installId: string,
    private readonly log?: { info(msg: string): void; warn(msg: string): void },
  ) {
    this.file = place.file;
    this.writer = new JournalWriter(db, now);
    this.reader = new JournalReader(db, place);
    this.stmt = {
      sequence: db.prepare(
        'INSERT INTO sequences (terminal, next) VALUES (?, 2) ON CONFLICT (terminal) DO UPDATE SET next = next + 1 RETURNING next - 1 AS seq',
      ),
      saveReconcile: db.prepare('INSERT INTO reconciliations (day, checked_at, offline, result) VALUES (?, ?, ?, ?)'),
      lastReconcile: db.prepare('SELECT result FROM reconciliations WHERE day = ? ORDER BY id DESC LIMIT 1'),
    };
  }

  create(order: NewOrder): OrderRecord {
    return this.writer.create(order);
  }

  transition(
    orderId: string,
    to: OrderState,
    reason: string,
    facts?: GatewayFacts,
    eventFacts?: Record<string, unknown>,
    expectedFrom?: readonly OrderState[],
  ): OrderRecord {
    return this.writer.transition(orderId, to, reason, facts, eventFacts, expectedFrom);
  }

  recordFacts(
    orderId: string,
    facts: GatewayFacts,
    event?: { reason: string; facts?: Record<string, unknown> },
  ): OrderRecord {
    return this.writer.recordFacts(orderId, facts, event);
  }

  noteCreateAttempt(orderId: string): OrderRecord {
    return this.writer.noteCreateAttempt(orderId);
  }

  get(orderId: string) {
    return this.reader.get(orderId);
  }

  saleLines(saleId: string) {
    return this.reader.saleLines(saleId);
  }

  events(orderId: string) {
    return this.reader.events(orderId);
  }

  listLive() {
    return this.reader.listLive();
  }

  listWatched(nowIso: string) {
    return this.reader.listWatched(nowIso);
  }

  list(filter: OrderFilter, limit: number, cursor?: string | null) {
    return this.reader.list(filter, limit, cursor);
  }

  listNeedsReview() {
    return this.reader.listNeedsReview();
  }

  listBetween(startIso: string, endIso: string) {
    return this.reader.listBetween(startIso, endIso);
  }

  iterate(filter: OrderFilter) {
    return this.reader.iterate(filter);
  }

  textQuery(filter: OrderFilter, expression: string) {
    return this.reader.textQuery(filter, expression);
  }

  createdRange() {
    return this.reader.createdRange();
  }

  count(filter: OrderFilter) {
    return this.reader.count(filter);
  }

  dailyReport(day: string, cutoffHour: number, timeZone?: string) {
    return this.reader.dailyReport(day, cutoffHour, timeZone);
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
        this.writer.create({ ...order, orderId });
        return this.writer.noteCreateAttempt(orderId);
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
    const reader = new Database(this.file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: this.place.nativeBinding,
    });
    try {
      reader.prepare('SELECT 1').get();
      this.db.close();
    } finally {
      reader.close();
    }
  }
}
