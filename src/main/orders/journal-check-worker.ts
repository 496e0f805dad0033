import { sourceWorker } from './source-worker';
import { sqliteModulePath } from './native-binding';

export interface JournalCheckResult {
  /** ok: SQLite's integrity_check said "ok"; damaged: it listed problems (or could not read the file). */
  verdict: 'ok' | 'damaged' | 'failed';
  /** The first problems SQLite named, or the error that stopped the check. */
  problems: string[];
  /** The backup written after a clean check, when one was asked for. */
  backup: { file: string; bytes: number } | null;
  /** Why the backup was not written (disk full...), when it was asked for and failed. */
  backupError: string | null;
  ms: number;
}

export interface JournalCheckOptions {
  file: string;
  /** Where to write a backup (VACUUM INTO) if, and only if, the check is clean. */
  backupTo?: string | null;
  /** better-sqlite3's native binding under Electron (see open-database.ts). */
  nativeBinding?: string;
}

/**
 * The check runs in a worker thread, on its own read-only connection: `PRAGMA
 * integrity_check` reads every page (seconds at 700 MB), and the counter must not wait for
 * it. WAL lets it read one consistent snapshot while sales keep being written. A clean check
 * is followed by the daily backup from the same connection (VACUUM INTO: a compact,
 * consistent copy; the target is created 0600 first, since SQLite keeps an existing empty
 * file's mode). Plain JavaScript, given to the worker as source, so it runs the same from
 * TypeScript in tests, from tsx in the harness and from the bundled Electron main process.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.sqliteModule);
const started = Date.now();
const out = { verdict: 'failed', problems: [], backup: null, backupError: null, ms: 0 };
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('integrity_check(20)');
  const said = rows.map((r) => String(Object.values(r)[0]));
  out.verdict = said.length === 1 && said[0] === 'ok' ? 'ok' : 'damaged';
  out.problems = out.verdict === 'ok' ? [] : said.slice(0, 5);
} catch (err) {
  out.verdict = DAMAGE.test(String(err && err.code)) || /malformed|not a database/i.test(String(err && err.message)) ? 'damaged' : 'failed';
  out.problems = [String(err && err.message)];
}
if (out.verdict === 'ok' && workerData.backupTo) {
  const tmp = workerData.backupTo + '.partial';
  try {
    fs.rmSync(tmp, { force: true });
    fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(tmp);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, workerData.backupTo);
    out.backup = { file: workerData.backupTo, bytes: fs.statSync(workerData.backupTo).size };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    out.backupError = String((err && (err.code || err.message)) || err);
  }
}
if (db) db.close();
out.ms = Date.now() - started;
parentPort.postMessage(out);
`;

export interface RunningCheck {
  result: Promise<JournalCheckResult>;
  /** Stops the worker (it ends after SQLite's current step); the result then says failed. */
  stop(): Promise<void>;
}

export function startJournalCheck(options: JournalCheckOptions): RunningCheck {
  const worker = sourceWorker(WORKER_SOURCE, {
    workerData: {
      file: options.file,
      backupTo: options.backupTo ?? null,
      nativeBinding: options.nativeBinding,
      sqliteModule: sqliteModulePath(),
    },
  });
  // A check must never keep a shutting-down app alive.
  worker.unref();
  const result = new Promise<JournalCheckResult>((resolve) => {
    let done = false;
    const finish = (r: JournalCheckResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    worker.once('message', (r: JournalCheckResult) => finish(r));
    worker.once('error', (err) =>
      finish({ verdict: 'failed', problems: [err.message], backup: null, backupError: null, ms: 0 }),
    );
    worker.once('exit', () =>
      finish({ verdict: 'failed', problems: ['the check was stopped'], backup: null, backupError: null, ms: 0 }),
    );
  });
  return {
    result,
    async stop() {
      await worker.terminate();
    },
  };
}
