import { rmSync, statSync } from 'node:fs';
import type { JournalUpdateProgress } from '@shared/domain';
import { PosError } from '@shared/errors';
import { journalFiles } from './journal-files';
import { sourceWorker } from './source-worker';
import { migrationBackupFile, migrationHash, type MigrateResult, type MigrationPlan } from './migrate';
import { splitStatements } from './sql-statements';
import { sqliteModulePath } from './native-binding';

/**
 * A journal of a year of sales takes minutes to copy and migrate (the copy alone is the
 * whole file; a new index reads every sale). Done on the main thread, the window would show
 * nothing for that long. So it runs in a worker thread on its own connection, and says how
 * far it got: the copy by the size written so far, the migration statement by statement.
 * Same steps and guarantees as applyMigrations (migrate.ts): a consistent copy first
 * (written under a temporary name and renamed once complete, so a stopped copy never
 * passes for a backup), then every migration in one transaction, so a stop or a failure
 * leaves the journal as it was. Plain JavaScript given to the worker as source, as
 * journal-check-worker.ts does, so it runs the same under tsx, vitest and the bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.sqliteModule);
let db = null;
try {
  db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  if (workerData.backupTo) {
    const tmp = workerData.backupTo + '.partial';
    fs.rmSync(tmp, { force: true });
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    parentPort.postMessage({ kind: 'backup', tmp });
    db.prepare('VACUUM INTO ?').run(tmp);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, workerData.backupTo);
  }
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  let done = 0;
  parentPort.postMessage({ kind: 'update', done });
  db.transaction(() => {
    for (const m of workerData.migrations) {
      for (const sql of m.statements) {
        db.exec(sql);
        done += 1;
        parentPort.postMessage({ kind: 'update', done });
      }
      insert.run(m.version, m.name, m.sha256, workerData.appliedAt);
    }
  })();
  db.close();
  db = null;
  parentPort.postMessage({ kind: 'done' });
} catch (err) {
  if (db) db.close();
  parentPort.postMessage({ kind: 'error', message: String((err && err.message) || err), code: String((err && err.code) || '') });
}
`;

type WorkerMessage =
  | { kind: 'backup'; tmp: string }
  | { kind: 'update'; done: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string; code: string };

/** The worker failed: the journal is as it was; `code` is SQLite's or the file system's. */
export class MigrationFailedError extends PosError {
  constructor(
    message: string,
    readonly sqliteCode: string,
  ) {
    super('database', `The sales journal could not be updated to this version of the app (${message}).`);
    this.name = 'MigrationFailedError';
  }
}

export interface RunningMigration {
  result: Promise<MigrateResult>;
  /** Stops the worker; the migration's transaction is then rolled back by SQLite. */
  stop(): Promise<void>;
}

/**
 * At start-up nothing else should write the journal; if something holds it anyway (a backup
 * tool, a slow disk), the update waits this long with its progress on screen before it fails.
 */
const BUSY_TIMEOUT_MS = 30_000;

/** How often the size of the copy is looked at while it is written. */
const BACKUP_POLL_MS = 250;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function startMigration(opts: {
  file: string;
  plan: MigrationPlan;
  now: () => Date;
  nativeBinding?: string;
  onProgress: (progress: JournalUpdateProgress) => void;
}): RunningMigration {
  const { file, plan } = opts;
  const migrations = plan.pending.map((m) => ({
    version: m.version,
    name: m.name,
    sha256: migrationHash(m.sql),
    statements: splitStatements(m.sql),
  }));
  const steps = migrations.reduce((n, m) => n + m.statements.length, 0);
  const backupTo = plan.hasData ? migrationBackupFile(file, plan.current, opts.now()) : null;
  // The copy is compact: at most the journal and its -wal together.
  const journalBytes = journalFiles(file).reduce((n, f) => n + sizeOf(f), 0);
  const worker = sourceWorker(WORKER_SOURCE, {
    workerData: {
      file,
      backupTo,
      migrations,
      appliedAt: opts.now().toISOString(),
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      nativeBinding: opts.nativeBinding,
      sqliteModule: sqliteModulePath(),
    },
  });
  let poll: NodeJS.Timeout | null = null;
  let partial: string | null = null;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = null;
  };
  const result = new Promise<MigrateResult>((resolve, reject) => {
    const fail = (err: Error) => {
      stopPolling();
      if (partial) rmSync(partial, { force: true });
      reject(err);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'backup') {
        partial = m.tmp;
        opts.onProgress({ step: 'backup', done: 0, total: journalBytes });
        poll = setInterval(() => {
          opts.onProgress({ step: 'backup', done: Math.min(journalBytes, sizeOf(m.tmp)), total: journalBytes });
        }, BACKUP_POLL_MS);
      } else if (m.kind === 'update') {
        stopPolling();
        partial = null;
        opts.onProgress({ step: 'update', done: m.done, total: steps });
      } else if (m.kind === 'done') {
        resolve({
          fromVersion: plan.current,
          toVersion: plan.pending[plan.pending.length - 1]?.version ?? plan.current,
          applied: plan.pending.map((p) => p.version),
          backupFile: backupTo,
        });
      } else {
        fail(new MigrationFailedError(m.message, m.code));
      }
    });
    worker.once('error', (err) => fail(new MigrationFailedError(err.message, '')));
    worker.once('exit', () => fail(new MigrationFailedError('it was stopped', '')));
  });
  return {
    result,
    async stop() {
      await worker.terminate();
    },
  };
}
