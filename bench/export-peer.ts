import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';

/**
 * The peer for the CSV export: the sqlite3 command-line shell writing the same rows and
 * columns (local times included, as a fixed +7 h shift: the bench's zone, Asia/Jakarta,
 * has no daylight saving) from the same journal, in its own CSV mode. Timed as a whole
 * process; its peak memory comes from GNU time when that is installed.
 */

export interface PeerExport {
  ms: number;
  bytes: number;
  rows: number;
  maxRssMiB: number | null;
}

/** Why the peer cannot run here, in one sentence; null when it can. */
export function sqliteShellMissing(): string | null {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'the sqlite3 shell is not installed (Debian/Ubuntu: apt-get install sqlite3)';
  }
}

const GNU_TIME = '/usr/bin/time';

const local = (column: string) => `datetime(${column}, '+7 hours')`;
const SHELL_SQL = `SELECT order_id, ${local('created_at')} AS created_local, created_at AS created_iso,
  CASE WHEN state = 'paid' THEN ${local('paid_at')} END AS completed_local,
  CASE WHEN state = 'paid' THEN paid_at END AS completed_iso,
  method, coalesce(price, amount) AS price, amount, fee,
  CASE WHEN state = 'paid' THEN coalesce(total_payment, amount + coalesce(fee, 0)) END AS total_paid,
  CASE WHEN state = 'paid' THEN coalesce(total_payment, amount + coalesce(fee, 0)) - coalesce(fee, 0) END AS shop_receives,
  coalesce(fee_payer, 'customer') AS fee_payer, state AS status, note, terminal,
  CASE WHEN sandbox = 1 THEN 'true' ELSE 'false' END AS sandbox, txn_id AS gateway_txn_id
FROM orders ORDER BY created_at, order_id;`;

export function shellExport(journal: string, out: string): PeerExport {
  const fd = openSync(out, 'w');
  const withTime = existsSync(GNU_TIME);
  const started = performance.now();
  let result;
  try {
    const args = ['-readonly', '-csv', '-header', journal, SHELL_SQL];
    result = withTime
      ? spawnSync(GNU_TIME, ['-f', '%M', 'sqlite3', ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' })
      : spawnSync('sqlite3', args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`sqlite3 export failed: ${result.stderr.trim().slice(0, 300)}`);
  const bytes = statSync(out).size;
  const rows = Number(execFileSync('wc', ['-l', out], { encoding: 'utf8' }).trim().split(/\s+/)[0]) - 1;
  rmSync(out, { force: true });
  const kib = withTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { ms, bytes, rows, maxRssMiB: Number.isFinite(kib) ? kib / 1024 : null };
}
