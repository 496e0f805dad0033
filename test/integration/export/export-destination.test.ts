import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { runExport } from '../../../src/main/export/run-export';
import { openOrderStore } from '../../../src/main/orders/journal';
import { writeReportTables } from '../../../src/main/reports/export-daily-report';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from '../../unit/orders/temp-dir';

/**
 * An export whose destination cannot be written (a full USB stick, a folder that is gone or
 * is a file) fails with a typed code the owner's window turns into a sentence, and leaves
 * nothing behind: no partial file, nothing under the destination's name. Every fault is real
 * (the file system's own errno), none is a mock: the root user this runs as is not stopped by
 * permissions, so the faults are a parent that is a file (ENOTDIR), a folder that does not
 * exist (ENOENT), a destination that is a folder (EISDIR) and a process started under a
 * file-size limit (EFBIG, what a full or FAT-formatted stick answers).
 */
const tempDir = useTempDir();
const TZ = 'Asia/Jakarta';
const root = resolve(import.meta.dirname, '../../..');
const child = join(import.meta.dirname, 'limited-writer-child.ts');
const FORMATS = ['csv', 'xlsx', 'jsonl'] as const;

function journal(dir: string, count = 50) {
  const store = openOrderStore({ file: join(dir, 'orders.db'), timeZone: TZ });
  seedOrders(store, count, { end: new Date('2026-11-25T00:00:00.000Z'), days: 5 });
  return store;
}

async function failure(run: Promise<unknown>): Promise<PosError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PosError);
  return err as PosError;
}

const tables = [{ name: 'Summary', header: ['item', 'value'], rows: [['net', 25_000]] }];

describe('an export to a destination that cannot be written', () => {
  it.each(FORMATS)('%s: a parent that is a file is a folder that is not there; nothing is left', async (format) => {
    const dir = tempDir();
    const store = journal(dir);
    writeFileSync(join(dir, 'stick'), 'not a folder');
    const err = await failure(runExport(store, { format, filter: {} }, join(dir, 'stick', `o.${format}`)));
    expect(err.code).toBe('export_folder_missing');
    expect(err.message).toContain('ENOTDIR');
    expect(readdirSync(dir).sort()).toEqual(['orders.db', 'orders.db-shm', 'orders.db-wal', 'stick']);
    // The journal is untouched and still serves the next export.
    expect((await runExport(store, { format, filter: {} }, join(dir, `o.${format}`))).rows).toBe(50);
    store.close();
  });

  it('a folder that does not exist (a stick pulled out) says so, for the report tables too', async () => {
    const dir = tempDir();
    for (const format of ['csv', 'xlsx'] as const) {
      const err = await failure(writeReportTables(tables, format, join(dir, 'gone', `day.${format}`)));
      expect(err.code).toBe('export_folder_missing');
      expect(err.message).toContain('ENOENT');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a destination that is a folder cannot be written: choose another; the partial file is removed', async () => {
    const dir = tempDir();
    const store = journal(dir);
    mkdirSync(join(dir, 'o.csv'));
    const err = await failure(runExport(store, { format: 'csv', filter: {} }, join(dir, 'o.csv')));
    expect(err.code).toBe('export_not_writable');
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
    expect(readdirSync(join(dir, 'o.csv'))).toEqual([]);
    mkdirSync(join(dir, 'day.xlsx'));
    expect((await failure(writeReportTables(tables, 'xlsx', join(dir, 'day.xlsx')))).code).toBe('export_not_writable');
    store.close();
  });
});

const LIMIT = 64 * 1024;

/** One export in a child process that may not write a file past LIMIT bytes. */
async function limited(args: string[]): Promise<{ ok: boolean; code?: string; message?: string; rows?: number }> {
  const { stdout } = await promisify(execFile)(
    'prlimit',
    [`--fsize=${LIMIT}`, '--', process.execPath, '--import', 'tsx', child, ...args],
    { cwd: root, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as never;
}

describe('an export larger than the destination takes (a real EFBIG)', () => {
  it.each(FORMATS)('%s: export_disk_full, and no file, partial or whole, is left', async (format) => {
    const dir = tempDir();
    const store = journal(dir, 3_000);
    store.close();
    const dest = join(dir, 'out');
    mkdirSync(dest);
    const result = await limited(['journal', join(dir, 'orders.db'), format, join(dest, `o.${format}`)]);
    expect(result).toMatchObject({ ok: false, code: 'export_disk_full' });
    expect(result.message).toContain('EFBIG');
    expect(readdirSync(dest)).toEqual([]);
    // The same export without the limit is larger than it: the limit, not the data, failed it.
    const store2 = openOrderStore({ file: join(dir, 'orders.db'), timeZone: TZ });
    await runExport(store2, { format, filter: {} }, join(dest, `o.${format}`));
    store2.close();
    expect(statSync(join(dest, `o.${format}`)).size).toBeGreaterThan(LIMIT);
  });

  it.each(['csv', 'xlsx'] as const)('%s report tables: export_disk_full, nothing left', async (format) => {
    const dest = tempDir();
    const result = await limited(['tables', format, join(dest, `day.${format}`), '20000']);
    expect(result).toMatchObject({ ok: false, code: 'export_disk_full' });
    expect(readdirSync(dest)).toEqual([]);
    // Under the limit the same child writes its file: the child itself works.
    expect(await limited(['tables', format, join(dest, `small.${format}`), '10'])).toEqual({ ok: true, rows: 10 });
    expect(readdirSync(dest)).toEqual([`small.${format}`]);
  });
});
