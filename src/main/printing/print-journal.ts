import Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import type { PrinterProblem, PrintJobKind, PrintJobState, PrintJobView, PrinterTarget } from '@shared/printing';
import { snapshotSchema, type Snapshot } from './snapshot';

export type ReceiptKind = Snapshot['kind'];

export interface ReceiptRecord {
  id: number;
  kind: ReceiptKind;
  ref: string;
  receiptNo: string;
  snapshot: Snapshot;
  createdAt: string;
}

export interface PrintJobRecord extends PrintJobView {
  receiptId: number;
  target: PrinterTarget | null;
}

interface ReceiptRow {
  id: number;
  kind: ReceiptKind;
  ref: string;
  terminal: string;
  seq: number;
  receipt_no: string;
  snapshot: string;
  created_at: string;
}

interface JobRow {
  id: number;
  receipt_id: number;
  kind: PrintJobKind;
  reprint: number;
  opens_drawer: number;
  state: PrintJobState;
  attempts: number;
  target: string | null;
  last_problem: string | null;
  last_detail: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
  ref: string;
  receipt_no: string;
}

export const JOB_KIND_OF: Record<ReceiptKind, PrintJobKind> = {
  sale: 'sale_receipt',
  refund: 'refund_slip',
  z_report: 'z_report',
};

/** "KSR1-000042", "KSR1-R00003", "KSR1-Z0005": per till and kind, never reused. */
export function receiptNumber(kind: ReceiptKind, terminal: string, seq: number): string {
  if (kind === 'sale') return `${terminal}-${String(seq).padStart(6, '0')}`;
  if (kind === 'refund') return `${terminal}-R${String(seq).padStart(5, '0')}`;
  return `${terminal}-Z${String(seq).padStart(4, '0')}`;
}

const JOB_SELECT = `SELECT j.*, r.ref, r.receipt_no FROM print_jobs j JOIN receipts r ON r.id = j.receipt_id`;

function toJob(row: JobRow): PrintJobRecord {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    kind: row.kind,
    ref: row.ref,
    receiptNo: row.receipt_no,
    reprint: row.reprint,
    state: row.state,
    attempts: row.attempts,
    lastProblem: row.last_problem as PrinterProblem | null,
    lastDetail: row.last_detail,
    opensDrawer: row.opens_drawer === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    printedAt: row.printed_at,
    target: row.target ? (JSON.parse(row.target) as PrinterTarget) : null,
  };
}

export function toJobView(job: PrintJobRecord): PrintJobView {
  const { receiptId: _r, target: _t, ...view } = job;
  return view;
}

/**
 * The receipts and print jobs tables, over their own connection to the journal file (WAL:
 * the sale engine's connection and this one never block each other for long, and the
 * payment code is untouched). The tables come from the journal's migrations, applied when
 * the order store opened the file; this class only refuses to run without them.
 */
export class PrintJournal {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly now: () => Date = () => new Date(),
    /** The SQLite addon the journal was opened with (Electron's own build); unset: the Node build. */
    nativeBinding?: string,
  ) {
    this.db = new Database(file, { fileMustExist: true, nativeBinding });
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Never merges the -wal into the journal file: the order store decides when that is
    // safe (after the background integrity check, see orders/journal-guard.ts).
    this.db.pragma('wal_autocheckpoint = 0');
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('receipts','print_jobs')")
      .all() as { name: string }[];
    if (tables.length !== 2) {
      this.db.close();
      throw new PosError(
        'database',
        `The journal ${file} has no print job tables; open it with the order store first.`,
      );
    }
  }

  receipt(kind: ReceiptKind, ref: string): ReceiptRecord | null {
    const row = this.db.prepare('SELECT * FROM receipts WHERE kind = ? AND ref = ?').get(kind, ref) as
      ReceiptRow | undefined;
    return row ? this.toReceipt(row) : null;
  }

  receiptById(id: number): ReceiptRecord | null {
    const row = this.db.prepare('SELECT * FROM receipts WHERE id = ?').get(id) as ReceiptRow | undefined;
    return row ? this.toReceipt(row) : null;
  }

  /**
   * Stores a document once: the receipt number is allocated and the snapshot written in one
   * transaction. A second call for the same kind and ref returns the first snapshot
   * unchanged: a snapshot is never rewritten.
   */
  recordReceipt(
    kind: ReceiptKind,
    ref: string,
    terminal: string,
    build: (receiptNo: string) => Snapshot,
  ): { receipt: ReceiptRecord; created: boolean } {
    return this.db
      .transaction(() => {
        const existing = this.receipt(kind, ref);
        if (existing) return { receipt: existing, created: false };
        const { next } = this.db
          .prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM receipts WHERE kind = ? AND terminal = ?')
          .get(kind, terminal) as { next: number };
        const receiptNo = receiptNumber(kind, terminal, next);
        const parsed = snapshotSchema.safeParse(build(receiptNo));
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          throw new PosError(
            'invalid_input',
            `The ${kind} snapshot is not valid: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}`,
          );
        }
        if (parsed.data.kind !== kind || parsed.data.receiptNo !== receiptNo)
          throw new PosError('invalid_input', `The snapshot must be a ${kind} with receipt number ${receiptNo}.`);
        const info = this.db
          .prepare(
            'INSERT INTO receipts (kind, ref, terminal, seq, receipt_no, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(kind, ref, terminal, next, receiptNo, JSON.stringify(parsed.data), this.now().toISOString());
        return { receipt: this.receiptById(Number(info.lastInsertRowid))!, created: true };
      })
      .immediate();
  }

  /**
   * Adds a copy of a document to the queue. Its reprint number counts the copies before it
   * that printed or may still print, so "CETAK ULANG #n" is decided by the journal, not by
   * a counter in memory.
   */
  enqueue(receipt: ReceiptRecord, opensDrawer: boolean): PrintJobRecord {
    return this.db
      .transaction(() => {
        const { n } = this.db
          .prepare(
            "SELECT count(*) AS n FROM print_jobs WHERE receipt_id = ? AND state IN ('queued','printing','done')",
          )
          .get(receipt.id) as { n: number };
        const at = this.now().toISOString();
        const info = this.db
          .prepare(
            `INSERT INTO print_jobs (receipt_id, kind, reprint, opens_drawer, state, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
          )
          .run(receipt.id, JOB_KIND_OF[receipt.kind], n, opensDrawer && n === 0 ? 1 : 0, at, at);
        return this.job(Number(info.lastInsertRowid))!;
      })
      .immediate();
  }

  job(id: number): PrintJobRecord | null {
    const row = this.db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  /** The job waiting longest: receipts print in the order they were asked for. */
  nextWaiting(): PrintJobRecord | null {
    const row = this.db.prepare(`${JOB_SELECT} WHERE j.state IN ('queued','printing') ORDER BY j.id LIMIT 1`).get() as
      JobRow | undefined;
    return row ? toJob(row) : null;
  }

  waitingFor(receiptId: number): PrintJobRecord | null {
    const row = this.db
      .prepare(`${JOB_SELECT} WHERE j.receipt_id = ? AND j.state IN ('queued','printing') ORDER BY j.id LIMIT 1`)
      .get(receiptId) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  countWaiting(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state IN ('queued','printing')").get() as {
        n: number;
      }
    ).n;
  }

  list(limit: number, states?: readonly PrintJobState[]): PrintJobRecord[] {
    const where = states && states.length > 0 ? `WHERE j.state IN (${states.map(() => '?').join(',')})` : '';
    const rows = this.db
      .prepare(`${JOB_SELECT} ${where} ORDER BY j.id DESC LIMIT ?`)
      .all(...(states ?? []), limit) as JobRow[];
    return rows.map(toJob);
  }

  /** Journaled before the bytes leave: after a crash mid-print the job is known to have been started. */
  markPrinting(id: number, target: PrinterTarget): PrintJobRecord {
    return this.update(id, ['queued', 'printing'], (at) => [
      "UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, target = ?, updated_at = ? WHERE id = ?",
      JSON.stringify(target),
      at,
      id,
    ]);
  }

  markDone(id: number): PrintJobRecord {
    return this.update(id, ['printing'], (at) => [
      "UPDATE print_jobs SET state = 'done', last_problem = NULL, last_detail = NULL, printed_at = ?, updated_at = ? WHERE id = ?",
      at,
      at,
      id,
    ]);
  }

  /** A failed attempt: back to the queue (waiting out a printer problem) or failed for good. */
  markProblem(id: number, problem: PrinterProblem, detail: string | null, final: boolean): PrintJobRecord {
    return this.update(id, ['queued', 'printing'], (at) => [
      'UPDATE print_jobs SET state = ?, last_problem = ?, last_detail = ?, updated_at = ? WHERE id = ?',
      final ? 'failed' : 'queued',
      problem,
      detail,
      at,
      id,
    ]);
  }

  cancel(id: number): PrintJobRecord {
    return this.update(id, ['queued'], (at) => [
      "UPDATE print_jobs SET state = 'canceled', updated_at = ? WHERE id = ?",
      at,
      id,
    ]);
  }

  /**
   * At start: a job left 'printing' by a crash goes back to the queue. It may print twice
   * (the bytes may have reached the printer before the crash); a duplicate receipt is the
   * lesser harm next to a lost one.
   */
  requeueInterrupted(): number {
    return this.db
      .prepare("UPDATE print_jobs SET state = 'queued', updated_at = ? WHERE state = 'printing'")
      .run(this.now().toISOString()).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private update(id: number, from: PrintJobState[], statement: (at: string) => [string, ...unknown[]]): PrintJobRecord {
    return this.db
      .transaction(() => {
        const job = this.job(id);
        if (!job) throw new PosError('not_found', `No print job ${id}.`);
        if (!from.includes(job.state))
          throw new PosError('illegal_state', `Print job ${id} is ${job.state}, not ${from.join(' or ')}.`);
        const [sql, ...params] = statement(this.now().toISOString());
        this.db.prepare(sql).run(...params);
        return this.job(id)!;
      })
      .immediate();
  }

  private toReceipt(row: ReceiptRow): ReceiptRecord {
    return {
      id: row.id,
      kind: row.kind,
      ref: row.ref,
      receiptNo: row.receipt_no,
      snapshot: JSON.parse(row.snapshot) as Snapshot,
      createdAt: row.created_at,
    };
  }
}
