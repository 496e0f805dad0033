import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { PosError } from '@shared/errors';
import type { Migration } from './migrations';

export interface MigrateResult {
  fromVersion: number;
  toVersion: number;
  applied: number[];
  backupFile: string | null;
}

/** The app refuses a journal it must not change: written by a newer app, or with an edited migration. */
export class MigrationRefusedError extends PosError {
  constructor(
    readonly kind: 'newer_version' | 'edited_migration',
    message: string,
  ) {
    super('database', message);
    this.name = 'MigrationRefusedError';
  }
}

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** `2026-11-25T07-44-02-123Z`: an ISO time that is safe in a file name on every OS. */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** What a journal still needs: checked against what it recorded, refused if newer or edited. */
export interface MigrationPlan {
  current: number;
  pending: Migration[];
  /** The journal holds tables already: it is backed up before it is changed. */
  hasData: boolean;
}

export function planMigrations(db: Database.Database, file: string, migrations: readonly Migration[]): MigrationPlan {
  // A read-only look (the keeper's, before it decides how to migrate) must not write: closing
  // a writing connection would merge a -wal into a file that may be damaged.
  const tracked = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (db.readonly && !tracked) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    return { current: 0, pending: [...migrations].sort((a, b) => a.version - b.version), hasData: tables.n > 0 };
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const recorded = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    sha256: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of recorded) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationRefusedError(
        'newer_version',
        `The order log ${file} was written by a newer version of the app (migration ${row.version} "${row.name}" is unknown here). Update the app; the file was not changed.`,
      );
    }
    if (migrationHash(m.sql) !== row.sha256) {
      throw new MigrationRefusedError(
        'edited_migration',
        `Migration ${row.version} "${row.name}" was changed after it had been applied to ${file}. Refusing to open the order log; released migrations must never be edited.`,
      );
    }
  }
  const current = recorded.reduce((max, r) => Math.max(max, r.version), 0);
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  const hasData =
    pending.length > 0 &&
    (
      db
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'")
        .get() as { n: number }
    ).n > 0;
  return { current, pending, hasData };
}

/** Where the copy taken before migrating from `current` goes. */
export function migrationBackupFile(file: string, current: number, at: Date): string {
  return `${file}.bak-v${current}-${fileStamp(at)}`;
}

/**
 * Applies pending migrations in one transaction. Before touching a journal that already holds
 * data it writes a consistent copy next to it, because a failed or wrong migration must never
 * cost the shop its sales history. (A long one runs in a worker instead: migrate-worker.ts.)
 */
export function applyMigrations(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[],
  now: () => Date,
  log?: { info(msg: string): void },
): MigrateResult {
  const { current, pending, hasData } = planMigrations(db, file, migrations);
  if (pending.length === 0) return { fromVersion: current, toVersion: current, applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (hasData && file !== ':memory:') {
    backupFile = migrationBackupFile(file, current, now());
    // Created owner-only and empty first: VACUUM INTO keeps an existing empty file's mode.
    closeSync(openSync(backupFile, 'wx', 0o600));
    // VACUUM INTO gives the same consistent snapshot as the online backup API, but
    // synchronously, so opening the journal stays one synchronous call.
    db.prepare('VACUUM INTO ?').run(backupFile);
    log?.info(`order log backed up to ${backupFile} before migrating from v${current}`);
  }

  const insert = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      insert.run(m.version, m.name, migrationHash(m.sql), now().toISOString());
    }
  })();
  const toVersion = pending[pending.length - 1]!.version;
  log?.info(`order log migrated from v${current} to v${toVersion}`);
  return { fromVersion: current, toVersion, applied: pending.map((m) => m.version), backupFile };
}
