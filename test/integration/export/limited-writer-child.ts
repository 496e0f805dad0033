/**
 * Runs one export in a process started under `prlimit --fsize`, so a write past the limit
 * fails for real with EFBIG (Node ignores SIGXFSZ rather than dying of it): the nearest thing
 * to a full USB stick this machine can make without mounting one. Prints the outcome as one
 * JSON line: { ok, rows } or { ok: false, code, message }.
 *
 *   journal <db> <csv|xlsx|jsonl> <dest>   the sales journal's export (the journal is only read)
 *   tables <csv|xlsx> <dest> <rows>        the report tables' export (daily and Z report)
 */
import { PosError } from '../../../src/shared/errors';
import { runExport } from '../../../src/main/export/run-export';
import { openOrderStore } from '../../../src/main/orders/journal';
import { writeReportTables } from '../../../src/main/reports/export-daily-report';

async function main(): Promise<number> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'journal') {
    const [db, format, dest] = args as [string, 'csv' | 'xlsx' | 'jsonl', string];
    const store = openOrderStore({ file: db, timeZone: 'Asia/Jakarta' });
    return (await runExport(store, { format, filter: {} }, dest, { timeZone: 'Asia/Jakarta' })).rows;
  }
  const [format, dest, count] = args as ['csv' | 'xlsx', string, string];
  const rows = Array.from({ length: Number(count) }, (_, i) => [`KSR1-${i}`, 25_000 + i, 'qris', 'Kopi susu dan roti']);
  await writeReportTables([{ name: 'Sales', header: ['order_id', 'amount', 'method', 'note'], rows }], format, dest);
  return rows.length;
}

// Exits without closing the journal: a close may checkpoint, and this process may not write past its limit.
main().then(
  (rows) => {
    process.stdout.write(`${JSON.stringify({ ok: true, rows })}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    const e = err instanceof PosError ? err : { code: 'not_typed', message: String(err) };
    process.stdout.write(`${JSON.stringify({ ok: false, code: e.code, message: e.message })}\n`);
    process.exit(0);
  },
);
