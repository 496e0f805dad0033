import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import { writeFileAtomic } from '../settings/atomic-file';
import { fsFailureKind } from './fs-errors';

/** The lock file's name in the data folder. Never deleted: see release(). */
export const LOCK_FILE = 'pakasir-pos.lock';
const HOLDER_FILE = 'pakasir-pos.lock.json';

export interface FolderLock {
  readonly file: string;
  /** Lets the folder go (the OS would also let it go if this process died). */
  release(): void;
}

export interface LockHolder {
  shell: 'electron' | 'browser' | string;
  pid: number;
  startedAt: string;
}

/** A second copy of the app on the same data folder: it must say so and leave. */
export class DataFolderInUseError extends PosError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? ` (${holder.shell === 'browser' ? 'the browser version' : 'the app'}, process ${holder.pid})`
      : '';
    super(
      'busy',
      `Pakasir POS is already running with the data folder ${dataDir}${who}: close that copy first, because two copies would check the same sales twice.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

/** The data folder cannot be written at all, so it cannot be locked either (and nothing can be saved). */
export class DataFolderReadOnlyError extends PosError {
  constructor(
    readonly dataDir: string,
    detail: string,
  ) {
    super(
      'read_only',
      `The data folder ${dataDir} cannot be written (${detail}): check that the disk is not read-only or full and that this user may write there.`,
    );
    this.name = 'DataFolderReadOnlyError';
  }
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.shell === 'string'
      ? { pid: h.pid, shell: h.shell, startedAt: String(h.startedAt ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError.
 *
 * The lock is SQLite's own file lock on a small file: `locking_mode=EXCLUSIVE` plus one
 * committed write makes the connection keep its exclusive lock until it closes. SQLite takes
 * it with fcntl (POSIX) or LockFileEx (Windows), which the operating system drops when the
 * process ends in any way, a crash or a kill included: no stale lock, no pid guessing. Every
 * other connection, in another process or in this one, gets SQLITE_BUSY at once.
 */
export function lockDataFolder(
  dataDir: string,
  holder: Omit<LockHolder, 'pid' | 'startedAt'>,
  options: { nativeBinding?: string } = {},
): FolderLock {
  const file = join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    // Created private before SQLite opens it (SQLite would create it 0644).
    closeSync(openSync(file, 'a', 0o600));
    db = new Database(file, { timeout: 0, nativeBinding: options.nativeBinding });
  } catch (err) {
    if (fsFailureKind(err) !== 'io' || (err as { code?: string }).code === 'SQLITE_CANTOPEN')
      throw new DataFolderReadOnlyError(dataDir, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
    throw err;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, shell TEXT NOT NULL, started_at TEXT NOT NULL)');
    const me: LockHolder = { shell: holder.shell, pid: process.pid, startedAt: new Date().toISOString() };
    db.transaction(() => {
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid, shell, started_at) VALUES (?, ?, ?)').run(me.pid, me.shell, me.startedAt);
    }).exclusive();
    // Only read by a second copy that found the folder locked, to name who holds it.
    try {
      writeFileAtomic(join(dataDir, HOLDER_FILE), JSON.stringify(me));
    } catch {
      // The lock holds without it; the second copy's sentence just names no process.
    }
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new DataFolderInUseError(dataDir, readHolder(dataDir));
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || fsFailureKind(err) === 'read_only')
      throw new DataFolderReadOnlyError(dataDir, code ?? (err as Error).message);
    throw err;
  }
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // The file stays: deleting it could let a third process lock a new file while a
      // second still waits on the old one's inode.
      db.close();
    },
  };
}
