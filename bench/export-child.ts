import { rmSync } from 'node:fs';
import type { OrderFilter } from '../src/shared/domain';
import { openOrderStore } from '../src/main/orders/journal';
import { runExport } from '../src/main/export/run-export';

/**
 * One export in its own process, so its peak memory is its own: `maxRSS` is the operating
 * system's high-water mark for this process (process.resourceUsage), which includes the
 * runtime itself; `baselineRSS` is the same mark just after the journal opened, before any
 * row was read. Usage: export-child <journal> <csv|xlsx|none> <out> [filter JSON]
 * Prints one JSON line.
 */
async function main(): Promise<void> {
  const [file, format, out, filterJson] = process.argv.slice(2);
  if (!file || !format || !out) throw new Error('usage: export-child <journal> <csv|xlsx|none> <out> [filter JSON]');
  const filter = (filterJson ? JSON.parse(filterJson) : {}) as OrderFilter;
  const store = openOrderStore({ file, timeZone: 'Asia/Jakarta' });
  const baselineKiB = process.resourceUsage().maxRSS;
  let rows = 0;
  let bytes = 0;
  const started = performance.now();
  if (format !== 'none') {
    const result = await runExport(store, { format: format as 'csv' | 'xlsx', filter }, out, {
      timeZone: 'Asia/Jakarta',
    });
    rows = result.rows;
    bytes = result.bytes;
  }
  const ms = performance.now() - started;
  store.close();
  rmSync(out, { force: true });
  process.stdout.write(
    `${JSON.stringify({ format, rows, bytes, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, baselineRssMiB: baselineKiB / 1024 })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
