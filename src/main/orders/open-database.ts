import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PosError } from '@shared/errors';

/** Above this size the full integrity check would delay the start noticeably; quick_check still reads every page. */
const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function backupsOf(file: string): string[] {
  try {
    const prefix = `${basename(file)}.bak-`;
    return readdirSync(dirname(file))
      .filter((name) => name.startsWith(prefix))
      .sort();
  } catch {
    return [];
  }
}

function damaged(file: string, detail: string): PosError {
  const backups = backupsOf(file);
  const where =
    backups.length > 0
      ? `A backup exists next to it: ${backups[backups.length - 1]} (${backups.length} in total).`
      : 'No backup was found next to it.';
  return new PosError(
    'database',
    `The order log ${file} is damaged or is not an order log (${detail}). It was not opened and nothing was written to it. ${where}`,
  );
}

export interface OpenDatabaseOptions {
  /** The addon to load instead of better-sqlite3's own build (Electron: see native-binding.ts). */
  nativeBinding?: string;
}

/**
 * Opens the SQLite file with the settings money state needs: WAL so readers (history, export)
 * never block the counter, synchronous=FULL so a paid sale survives a power cut, and a
 * busy timeout so a second connection waits instead of failing. Checks integrity first,
 * because writing into a damaged journal would make the damage worse.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    throw damaged(file, (err as Error).message);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const size = existsSync(file) ? statSync(file).size : 0;
    const check = size > FULL_CHECK_MAX_BYTES ? 'quick_check' : 'integrity_check';
    const rows = db.pragma(check) as Record<string, string>[];
    const verdicts = rows.map((r) => Object.values(r)[0]);
    if (verdicts.length !== 1 || verdicts[0] !== 'ok') {
      throw damaged(file, verdicts.slice(0, 3).join('; '));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    if (err instanceof PosError) throw err;
    throw damaged(file, (err as Error).message);
  }
}
