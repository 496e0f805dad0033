import Database from 'better-sqlite3';
import type { SyncRejectionView } from '@shared/domain';
import type { OutboxEvent, RejectedEvent } from '@shared/sync/protocol';

interface OutboxRow {
  seq: number;
  kind: string;
  entity_id: string;
  schema: number;
  occurred_at: string;
  payload: string;
}

interface RejectionRow {
  seq: number;
  kind: string;
  entity_id: string;
  code: string;
  reason: string;
  at: string;
}

const HWM_KEY = 'server_hwm';
/** Pushed events are kept this long after the server has them, in case its database is restored from a backup. */
export const ACKED_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * The sync client's view of the journal's outbox, on a connection of its own to the same
 * SQLite file (WAL: reading never blocks the counter). It writes only sync bookkeeping:
 * the server's high-water mark and the events the server refused. Those writes skip the
 * fsync a sale gets: losing one to a power cut only means pushing a few events again,
 * which the server recognises as duplicates.
 */
export class SyncOutbox {
  private readonly db: Database.Database;
  private readonly stmt;

  /** nativeBinding: the same better-sqlite3 build the journal was opened with (Electron's own in the app). */
  constructor(file: string, nativeBinding?: string) {
    this.db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    // Never merges the -wal into the journal file: the order store decides when that is
    // safe (after the background integrity check, see orders/journal-guard.ts).
    this.db.pragma('wal_autocheckpoint = 0');
    this.stmt = {
      after: this.db.prepare('SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?'),
      last: this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'"),
      first: this.db.prepare('SELECT min(seq) AS seq FROM sync_outbox'),
      getState: this.db.prepare('SELECT value FROM sync_state WHERE key = ?'),
      setState: this.db.prepare(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      reject: this.db.prepare(
        'INSERT INTO sync_rejections (seq, kind, entity_id, code, reason, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING',
      ),
      open: this.db.prepare('SELECT * FROM sync_rejections WHERE acknowledged_at IS NULL ORDER BY seq'),
      ack: this.db.prepare('UPDATE sync_rejections SET acknowledged_at = ? WHERE acknowledged_at IS NULL'),
      prune: this.db.prepare(
        'DELETE FROM sync_outbox WHERE seq IN (SELECT seq FROM sync_outbox WHERE seq <= ? AND occurred_at < ? ORDER BY seq LIMIT 1000)',
      ),
    };
  }

  /** The newest sequence ever written (0 for none). */
  lastSeq(): number {
    return (this.stmt.last.get() as { seq: number } | undefined)?.seq ?? 0;
  }

  /** The oldest sequence still kept (null when the outbox is empty). */
  firstKeptSeq(): number | null {
    return (this.stmt.first.get() as { seq: number | null }).seq;
  }

  /** The last sequence the server confirmed holding. */
  serverHwm(): number {
    const row = this.stmt.getState.get(HWM_KEY) as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  pending(): number {
    return Math.max(0, this.lastSeq() - this.serverHwm());
  }

  /** Events after `seq`, in order, ready to push. */
  after(seq: number, limit: number): OutboxEvent[] {
    return (this.stmt.after.all(seq, limit) as OutboxRow[]).map((r) => ({
      seq: r.seq,
      kind: r.kind,
      entityId: r.entity_id,
      schema: r.schema,
      occurredAt: r.occurred_at,
      payload: JSON.parse(r.payload) as unknown,
    }));
  }

  /** The server's answer, recorded in one transaction: its mark and the events it refused. */
  recordAnswer(hwm: number, rejected: RejectedEvent[], at: string): void {
    this.db.transaction(() => {
      for (const r of rejected) this.stmt.reject.run(r.seq, r.kind, r.entityId, r.code, r.reason, at);
      this.stmt.setState.run(HWM_KEY, String(hwm));
    })();
  }

  /** Refused events the owner has not acknowledged yet. */
  openRejections(): SyncRejectionView[] {
    return (this.stmt.open.all() as RejectionRow[]).map((r) => ({
      seq: r.seq,
      kind: r.kind,
      entityId: r.entity_id,
      code: r.code,
      reason: r.reason,
      at: r.at,
    }));
  }

  acknowledgeRejections(at: string): number {
    return this.stmt.ack.run(at).changes;
  }

  /** Drops pushed events older than the retention, a thousand at a time. */
  prune(nowMs: number): number {
    const cutoff = new Date(nowMs - ACKED_RETENTION_MS).toISOString();
    return this.stmt.prune.run(this.serverHwm(), cutoff).changes;
  }

  /** Forgets the server's mark (unpaired, or paired with another server). */
  resetServer(): void {
    this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(HWM_KEY);
  }

  close(): void {
    this.db.close();
  }
}
