import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { runExport } from '../../../src/main/export/run-export';
import { writeCsv, writeSheet } from '../../../src/main/export/text-export';
import { ReaderFailed, readTextOffThread, type TextReader } from '../../../src/main/export/text-reader-thread';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from '../orders/temp-dir';
import { textRows } from './text-rows';

const tempDir = useTempDir();
const TZ = 'Asia/Jakarta';
const MARK = '\u0001';

/** Seeded up to 2026-11-25; a sale created afterwards is stamped 2026-11-26, whatever the machine's clock says. */
function seeded(count: number): OrderStore {
  const store = openOrderStore({
    file: join(tempDir(), 'orders.db'),
    timeZone: TZ,
    now: () => new Date('2026-11-26T03:00:00.000Z'),
  });
  seedOrders(store, count, { end: new Date('2026-11-25T00:00:00.000Z'), days: 5 });
  return store;
}

/** Every chunk's text; with `recycle`, each chunk's memory goes back to the thread once copied, as the CSV file does once written. */
async function drain(reader: TextReader, recycle = false): Promise<{ text: string; rows: number[] }> {
  const parts: Buffer[] = [];
  const rows: number[] = [];
  try {
    for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
      parts.push(Buffer.from(chunk.bytes));
      rows.push(chunk.rows);
      if (recycle) reader.recycle(chunk);
    }
  } finally {
    await reader.stop();
  }
  return { text: Buffer.concat(parts).toString('utf8'), rows };
}

describe('rows read on a thread of their own', () => {
  it.each([
    [4, 'every number written in place, the row larger than a chunk too'],
    [3, 'from row 1,000 on, numbers wider than the marks put in the text instead'],
  ])('come back in the journal order, numbered row by row, across many chunks (%i marks: %s)', async (width) => {
    const store = seeded(1_500);
    store.create({
      orderId: 'KSR1-LONG',
      amount: 12_000,
      method: 'qris',
      note: `Pesanan ☕ ${'panjang '.repeat(400)}`,
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
    const expression = `'<r n="${MARK.repeat(width)}">' || order_id || '|' || note || '</r>'`;
    // The number, its quote, then spaces for the marks it did not need: white space XML ignores.
    const numbered = (n: number) => `${n}"${' '.repeat(Math.max(0, width - String(n).length))}`;
    const expected = textRows(store, expression).map((t, i) => t.replace(`${MARK.repeat(width)}"`, numbered(i + 2)));
    expect(expected).toHaveLength(1_501);
    expect(expected[0]).toMatch(new RegExp(`^<r n="2" {${width - 1}}>`));
    // The long sale is the newest: row 1502 (wider than three marks, so numbered in its text).
    expect(expected.at(-1)).toMatch(/^<r n="1502">KSR1-LONG\|/);

    const { text, rows } = await drain(
      readTextOffThread(store.textQuery({}, expression), {
        numbering: { mark: MARK, width, firstRow: 2, lastRow: 1_048_576 },
        chunkBytes: 4096,
      }),
    );
    expect(text).toBe(expected.join(''));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(1_501);
    expect(rows).toContain(1);
    store.close();
  });

  it('fails rather than write a row number where its marks are not closed by a quote', async () => {
    const store = seeded(10);
    const query = store.textQuery({}, `'<r n="${MARK.repeat(3)}>' || order_id || '</r>'`);
    const reader = readTextOffThread(query, { numbering: { mark: MARK, width: 3, firstRow: 2, lastRow: 1_048_576 } });
    const failure = await reader.next().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReaderFailed);
    expect(String(failure)).toMatch(/closing quote/);
    await reader.stop();
    store.close();
  });

  it("stop at the sheet's last row with a code of their own, rather than write a row past it", async () => {
    const store = seeded(10);
    const query = store.textQuery({}, `'<r n="${MARK}">' || order_id || '</r>'`);
    const reader = readTextOffThread(query, { numbering: { mark: MARK, width: 1, firstRow: 2, lastRow: 6 } });
    const failure = await drain(reader).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReaderFailed);
    expect(failure).toMatchObject({ code: 'export_too_large' });
    await reader.stop();
    store.close();
  });

  it('come back whole and in order when each chunk is handed back to be filled again', async () => {
    const store = seeded(3_000);
    const expression = `order_id || ';' || note || char(13, 10)`;
    const expected = textRows(store, expression).join('');
    const query = store.textQuery({}, expression);
    const recycled = await drain(readTextOffThread(query, { chunkBytes: 4096, ahead: 2 }), true);
    expect(recycled.rows.length).toBeGreaterThan(20);
    expect(recycled.text).toBe(expected);
    store.close();
  });

  it('hands a chunk’s memory over to the thread to fill again', async () => {
    const store = seeded(500);
    const reader = readTextOffThread(store.textQuery({}, `order_id || ';' || note`), { chunkBytes: 4096 });
    const first = (await reader.next())!;
    expect(first.bytes.length).toBeGreaterThan(2048);
    expect(first.bytes.buffer.byteLength).toBe(4096);
    reader.recycle(first);
    // Gone from this thread: the thread fills that memory again instead of taking new.
    expect(first.bytes.buffer.byteLength).toBe(0);
    await reader.stop();
    store.close();
  });

  it("fails with SQLite's own code when the statement cannot run, and the thread can still be stopped", async () => {
    const store = seeded(10);
    const reader = readTextOffThread(store.textQuery({}, 'no_such_column'));
    const failure = await reader.next().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReaderFailed);
    expect(failure).toMatchObject({ code: 'SQLITE_ERROR' });
    await reader.stop();
    store.close();
  });
});

describe('XLSX and CSV read on a thread of their own', () => {
  it('numbers every row of a sheet spanning several chunks, in the journal order', async () => {
    const store = seeded(4_000);
    const dest = join(tempDir(), 'orders.xlsx');
    const seen: number[] = [];
    const result = await runExport(store, { format: 'xlsx', filter: {} }, dest, {
      timeZone: TZ,
      onProgress: (done) => seen.push(done),
    });
    expect(result.rows).toBe(4_000);
    // More than one chunk went through, each reported.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(4_000);
    const [sheet] = await readXlsxFile(dest);
    const ids = sheet!.data.slice(1).map((row) => row[0]);
    expect(ids).toEqual([...store.iterate({})].map((o) => o.orderId));
    store.close();
  });

  it('fails as too large, leaving no file, when sales written after the count take the sheet past its end', async () => {
    const store = seeded(10);
    // The count the export starts from says 3 (what the sheet holds); 10 are read.
    const counted = new Proxy(store, {
      get: (target, prop, receiver) => (prop === 'count' ? () => 3 : (Reflect.get(target, prop, receiver) as unknown)),
    });
    const dir = tempDir();
    const dest = join(dir, 'orders.xlsx');
    const failure = await runExport(counted, { format: 'xlsx', filter: {} }, dest, {
      timeZone: TZ,
      sheetSalesLimit: 3,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PosError);
    expect(failure).toMatchObject({ code: 'export_too_large' });
    expect(readdirSync(dir)).toEqual([]);
    store.close();
  });

  it.each([
    [
      'xlsx',
      (store: OrderStore, temp: string) => writeSheet(store, { filter: {}, expression: '1', total: 1 }, temp, 1),
    ],
    ['csv', (store: OrderStore, temp: string) => writeCsv(store, { filter: {}, expression: '1', total: 1 }, 'a', temp)],
  ] as const)(
    '%s: fails with the typed error of a damaged journal when its reader finds one, and leaves no file behind',
    async (format, write) => {
      const dir = tempDir();
      // A file that is no database: only the thread reads it (main's own connection never does).
      const damaged = join(dir, 'damaged.db');
      writeFileSync(damaged, Buffer.alloc(8192, 0x5a));
      const store = { textQuery: () => ({ file: damaged, sql: 'SELECT 1', params: [] }) } as unknown as OrderStore;
      const temp = join(dir, `orders.${format}.partial`);
      const failure = await write(store, temp).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PosError);
      expect(failure).toMatchObject({ code: 'storage_corrupt' });
      // The writer was aborted: the temporary file is closed (run-export then deletes it).
      expect(readdirSync(dir).sort()).toEqual(['damaged.db', `orders.${format}.partial`]);
    },
  );
});
