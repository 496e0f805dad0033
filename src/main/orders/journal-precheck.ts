import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { JournalProblem } from '@shared/domain';
import { makePrivate } from '../datafolder/private-files';

export type Precheck =
  | { ok: true; fresh: boolean }
  | {
      ok: false;
      problem: JournalProblem;
      detail: string;
      /** Worth keeping an untouched copy of. */ keepCopy: boolean;
    };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM']);

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

function writable(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'not writable';
  }
}

function header(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Page size from the header: a power of two from 512 to 65536 (stored as 1 for 65536). */
function validPageSize(h: Buffer): boolean {
  const raw = h.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

function classify(err: unknown): { problem: JournalProblem; keepCopy: boolean } {
  const code = String((err as { code?: unknown }).code ?? '');
  if (DAMAGE_CODES.has(code) || /malformed|not a database|corrupt/i.test((err as Error).message))
    return { problem: 'damaged', keepCopy: true };
  if (READ_ONLY_CODES.has(code)) return { problem: 'read_only', keepCopy: false };
  return { problem: 'unreadable', keepCopy: true };
}

/**
 * What can be known about the journal cheaply, before anything opens it for writing: it
 * exists (or may be created), the folder and file can be written, the header is SQLite's,
 * and a read-only connection can read the schema and the newest sale. All of it costs the
 * same at 100 sales as at 1,000,000; the full integrity check runs later, in the background
 * (journal-check-worker.ts), because it reads every page.
 *
 * A read-only connection never writes the journal or its -wal, and never checkpoints on
 * close, so a damaged journal is still exactly as found when it is copied aside.
 */
export function precheckJournal(file: string, expectHistory: boolean, nativeBinding?: string): Precheck {
  const folderDenied = writable(dirname(file));
  const size = sizeOf(file);
  const walSize = sizeOf(`${file}-wal`) ?? 0;
  if (size === null) {
    if (walSize > 0)
      return { ok: false, problem: 'damaged', detail: 'the journal is gone but its -wal file is not', keepCopy: true };
    if (expectHistory)
      return { ok: false, problem: 'missing', detail: 'the journal file does not exist', keepCopy: false };
    if (folderDenied)
      return { ok: false, problem: 'read_only', detail: `data folder: ${folderDenied}`, keepCopy: false };
    return { ok: true, fresh: true };
  }
  if (folderDenied) return { ok: false, problem: 'read_only', detail: `data folder: ${folderDenied}`, keepCopy: false };
  const fileDenied = writable(file);
  if (fileDenied) return { ok: false, problem: 'read_only', detail: `journal file: ${fileDenied}`, keepCopy: false };
  if (size === 0 && walSize === 0) {
    if (expectHistory)
      return { ok: false, problem: 'empty', detail: 'the journal file is empty (0 bytes)', keepCopy: true };
    return { ok: true, fresh: true };
  }
  // The journal predates 0600: fix it before a read-only connection creates -shm from its mode.
  makePrivate(file, `${file}-wal`, `${file}-shm`);
  try {
    const h = header(file);
    if (h.length < 100 || !h.subarray(0, 16).equals(MAGIC) || !validPageSize(h))
      return {
        ok: false,
        problem: 'damaged',
        detail: 'the file does not start with an SQLite header',
        keepCopy: true,
      };
  } catch (err) {
    return { ok: false, ...classify(err), detail: (err as Error).message };
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('busy_timeout = 5000');
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (tables.size === 0) {
      if (expectHistory) return { ok: false, problem: 'empty', detail: 'the journal holds no tables', keepCopy: true };
      return { ok: true, fresh: true };
    }
    if (!tables.has('schema_migrations'))
      return { ok: false, problem: 'not_a_journal', detail: 'an SQLite file, but not a sales journal', keepCopy: true };
    db.prepare('SELECT max(version) FROM schema_migrations').get();
    // The newest sale's page and the index root: reading them costs a few pages at any size.
    if (tables.has('orders')) db.prepare('SELECT * FROM orders ORDER BY rowid DESC LIMIT 1').get();
    return { ok: true, fresh: false };
  } catch (err) {
    return { ok: false, ...classify(err), detail: (err as Error).message };
  } finally {
    db?.close();
  }
}
