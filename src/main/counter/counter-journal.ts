import Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { COUNTER_SCHEMAS, type CounterKind, type CounterPayload } from '@shared/sync/counter-events';
import { commitFlushedByNext } from '../orders/commit-flush';
import { allocateJournalId } from '../orders/id-allocator';
import { appendToOutbox } from '../orders/outbox-append';
import { toStorageError } from '../orders/storage-errors';
import type { AuditEntry } from './owner-access';

const TABLES = ['sales', 'shifts', 'shift_events', 'refunds', 'staff', 'staff_events', 'day_closes'];

/**
 * The counter's own connection to the sales journal (WAL: the engine's connection and this
 * one never block each other for long, and the payment engine is untouched). Every change
 * here is one IMMEDIATE transaction that also queues its outbox entry, so a crash leaves a
 * change whole or absent, never half, and never changed but unsent. The tables come from the
 * journal's migrations, applied when the order store opened the file.
 */
export class CounterJournal {
  readonly db: Database.Database;

  constructor(
    file: string,
    private readonly installId: string,
    readonly now: () => Date,
    nativeBinding?: string,
    private readonly warn?: (message: string) => void,
  ) {
    this.db = new Database(file, { fileMustExist: true, nativeBinding });
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Never merges the -wal into the journal file: the order store decides when that is safe.
    this.db.pragma('wal_autocheckpoint = 0');
    const found = this.db
      .prepare(
        `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${TABLES.map(() => '?').join(',')})`,
      )
      .get(...TABLES) as { n: number };
    if (found.n !== TABLES.length) {
      this.db.close();
      throw new PosError('database', `The journal ${file} has no counter tables; open it with the order store first.`);
    }
  }

  /**
   * One IMMEDIATE transaction: a second writer waits, then sees this one's result. A full
   * disk or a failing one is the journal's typed error (disk_full, read_only, ...), so the
   * cashier reads what to do, and nothing was written.
   */
  tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      throw toStorageError(err);
    }
  }

  /**
   * tx() for a write the caller makes durable with the journal's very next full commit: its
   * own commit is not flushed to disk (synchronous=NORMAL for this one transaction), and the
   * next commit with synchronous=FULL on this file (either connection: both append to the
   * same -wal, and a flush covers every frame before it) makes it durable too. For the
   * counter sale of a gateway charge, whose order is committed FULL right after and before
   * Pakasir is called: one flush on the way to the QR instead of two. A power cut between
   * the two commits can only lose a sale with no payment part, which nobody was charged for.
   */
  txFlushedByNext<T>(fn: () => T): T {
    return commitFlushedByNext(this.db, () => this.tx(fn));
  }

  /** A new id from the journal's shared sequence: sales, shifts and refunds never collide with orders. */
  newId(terminal: string): string {
    return allocateJournalId(this.db, terminal, this.installId, this.now(), this.warn);
  }

  /** Queues a counter entry for the shop server, checked against its kind's schema first. */
  outbox<K extends CounterKind>(kind: K, entityId: string, payload: CounterPayload<K>, occurredAt: string): void {
    const parsed = COUNTER_SCHEMAS[kind].safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`counter outbox ${kind}: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`);
    }
    appendToOutbox(this.db, { kind, entityId, schema: 1, occurredAt, payload: parsed.data });
  }

  /** Journals an owner-only action or a refused PIN (inside the caller's transaction, or its own). */
  audit(entry: AuditEntry): number {
    const run = () => {
      const at = this.now().toISOString();
      const facts = entry.facts && Object.keys(entry.facts).length > 0 ? entry.facts : null;
      const byName = entry.actor && entry.actor.role !== 'unprotected' ? entry.actor.name : null;
      const info = this.db
        .prepare('INSERT INTO staff_events (at, action, by_staff_id, by_name, target, facts) VALUES (?, ?, ?, ?, ?, ?)')
        .run(
          at,
          entry.action,
          entry.actor?.staffId ?? null,
          byName,
          entry.target,
          facts ? JSON.stringify(facts) : null,
        );
      const id = Number(info.lastInsertRowid);
      this.outbox(
        'staff.action',
        String(id),
        {
          id,
          at,
          action: entry.action,
          byStaffId: entry.actor?.staffId ?? null,
          byName,
          target: entry.target,
          facts,
        },
        at,
      );
      return id;
    };
    return this.db.inTransaction ? run() : this.tx(run);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
