import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { JournalProblem } from '@shared/domain';
import { PosError } from '@shared/errors';
import { makePrivate } from '../datafolder/private-files';
import { journalFiles } from './journal-files';

/** What kind of failure an SQLite or file-system error code names, in the journal's own words. */
export function journalProblemOf(code: string): JournalProblem {
  return /^SQLITE_(CORRUPT|NOTADB)/.test(code)
    ? 'damaged'
    : /^(SQLITE_FULL|ENOSPC|EDQUOT)/.test(code)
      ? 'disk_full'
      : /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EROFS|EACCES|EPERM)/.test(code)
        ? 'read_only'
        : 'unreadable';
}

/** Opening for writing failed after the cheap checks passed: what kind of failure it was. */
export class JournalOpenError extends PosError {
  readonly problem: JournalProblem;
  constructor(file: string, err: unknown) {
    super('database', `The sales journal ${file} could not be opened (${(err as Error).message}).`);
    this.name = 'JournalOpenError';
    this.problem = journalProblemOf(String((err as { code?: unknown }).code ?? ''));
  }
}

export interface OpenDatabaseOptions {
  /** The addon to load instead of better-sqlite3's own build (Electron: see native-binding.ts). */
  nativeBinding?: string;
}

/**
 * Opens the SQLite file with the settings money state needs: WAL so readers (history, export)
 * never block the counter, synchronous=FULL so a paid sale survives a power cut, and a
 * busy timeout so a second connection waits instead of failing. The file and its -wal/-shm
 * are owner-only (0600): SQLite gives its side files the journal's own mode, so the journal
 * is created 0600 before SQLite first opens it.
 *
 * No integrity check here: it reads every page, and start-up must not grow with the
 * journal. The cheap checks run before this (journal-precheck.ts), the full one in the
 * background afterwards (journal-guard.ts).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    throw new JournalOpenError(file, err);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (file !== ':memory:') makePrivate(...journalFiles(file));
    return db;
  } catch (err) {
    db.close();
    throw new JournalOpenError(file, err);
  }
}
