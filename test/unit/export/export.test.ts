import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { runExport } from '../../../src/main/export/run-export';
import { EXPORT_COLUMNS } from '../../../src/shared/export-columns';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from '../orders/temp-dir';

const tempDir = useTempDir();
const TZ = 'Asia/Jakarta';

const NOTES = ['Kopi, susu', 'He said "ok"', 'baris\nbaru', 'a;b;c', 'نقد', '咖啡', 'Es teh 🧋👍', '=1+2', ''];

/** Nine sales, one per tricky note, in mixed states; returns the store and its directory. */
function journalWithNotes(): { store: OrderStore; dir: string } {
  const dir = tempDir();
  let clock = new Date('2026-11-24T03:00:00.000Z');
  const store = openOrderStore({ file: join(dir, 'orders.db'), now: () => clock, timeZone: TZ });
  NOTES.forEach((note, i) => {
    clock = new Date(Date.UTC(2026, 10, 24, 3, i, 0));
    const id = `KSR1-E-${i}`;
    const amount = 10_000 + i * 1_500;
    store.create({
      orderId: id,
      amount,
      method: i % 2 ? 'bri_va' : 'qris',
      note,
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: i === 3,
      project: 'toko',
    });
    store.transition(id, 'awaiting_payment', 'created', {
      fee: 300 + i,
      totalPayment: amount + 300 + i,
      txnId: `txn-${i}`,
    });
    if (i % 3 !== 2)
      store.transition(id, 'paid', 'completed', { paidAt: new Date(clock.getTime() + 45_000).toISOString() });
    else store.transition(id, 'expired', 'expired');
  });
  return { store, dir };
}

function sum(values: unknown[]): number {
  return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : v === '' || v === null ? 0 : Number(v)), 0);
}

describe('CSV export', () => {
  it.each([';', ','] as const)(
    'round-trips every row with delimiter %s, BOM first, totals matching the journal',
    async (delimiter) => {
      const { store, dir } = journalWithNotes();
      const dest = join(dir, 'orders.csv');
      const result = await runExport(store, { format: 'csv', filter: {} }, dest, { timeZone: TZ, delimiter });
      const raw = readFileSync(dest);
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(result.bytes).toBe(raw.length);
      const records = parse(raw, { bom: true, delimiter, columns: true, cast: false }) as Record<string, string>[];
      expect(result.rows).toBe(NOTES.length);
      expect(records).toHaveLength(NOTES.length);
      expect(Object.keys(records[0]!)).toEqual([...EXPORT_COLUMNS]);

      const journal = [...store.iterate({})];
      records.forEach((r, i) => {
        const o = journal[i]!;
        expect(r.order_id).toBe(o.orderId);
        // Formula-like notes are neutralised with a leading quote; everything else is verbatim.
        expect(r.note).toBe(o.note.startsWith('=') ? `'${o.note}` : o.note);
        expect(Number(r.amount)).toBe(o.amount);
        expect(r.status).toBe(o.state);
        expect(r.created_iso).toBe(o.createdAt);
        expect(r.sandbox).toBe(o.sandbox ? 'true' : 'false');
        expect(r.gateway_txn_id).toBe(o.txnId);
      });
      expect(records[0]!.created_local).toBe('2026-11-24 10:00:00');
      expect(records[0]!.completed_local).toBe('2026-11-24 10:00:45');

      const report = store.dailyReport('2026-11-24', 4, TZ);
      const paid = records.filter((r) => r.status === 'paid');
      expect(sum(paid.map((r) => r.amount))).toBe(report.netReceived);
      expect(sum(records.map((r) => r.total_paid))).toBe(report.grossAmount);
      store.close();
    },
  );

  it('exports only what the filter selects', async () => {
    const { store, dir } = journalWithNotes();
    const dest = join(dir, 'paid.csv');
    const result = await runExport(store, { format: 'csv', filter: { states: ['expired'] } }, dest, { timeZone: TZ });
    const records = parse(readFileSync(dest), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(result.rows).toBe(3);
    expect(records.map((r) => r.status)).toEqual(['expired', 'expired', 'expired']);
    expect(records.map((r) => r.total_paid)).toEqual(['', '', '']);
    store.close();
  });
});

describe('XLSX export', () => {
  it('writes typed cells another reader opens, with notes intact and totals matching', async () => {
    const { store, dir } = journalWithNotes();
    const dest = join(dir, 'orders.xlsx');
    const result = await runExport(store, { format: 'xlsx', filter: {} }, dest, { timeZone: TZ });
    expect(result.rows).toBe(NOTES.length);
    const [sheet] = await readXlsxFile(dest);
    const [header, ...rows] = sheet!.data;
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(NOTES.length);
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    const journal = [...store.iterate({})];
    rows.forEach((r, i) => {
      const o = journal[i]!;
      expect(r[col('order_id')]).toBe(o.orderId);
      expect(r[col('note')] ?? '').toBe(o.note);
      expect(r[col('amount')]).toBe(o.amount);
      expect(typeof r[col('amount')]).toBe('number');
      expect(r[col('sandbox')]).toBe(o.sandbox);
    });
    const report = store.dailyReport('2026-11-24', 4, TZ);
    expect(sum(rows.map((r) => r[col('total_paid')]))).toBe(report.grossAmount);
    expect(sum(rows.filter((r) => r[col('status')] === 'paid').map((r) => r[col('fee')]))).toBe(report.fees);
    store.close();
  });

  it('refuses more sales than one sheet holds before writing anything, and says what to do instead', async () => {
    const { store, dir } = journalWithNotes();
    const dest = join(dir, 'orders.xlsx');
    const limit = NOTES.length - 1;
    const failure = await runExport(store, { format: 'xlsx', filter: {} }, dest, {
      timeZone: TZ,
      sheetSalesLimit: limit,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PosError);
    expect(failure).toMatchObject({ code: 'export_too_large' });
    expect(readdirSync(dir).filter((f) => f.startsWith('orders.xlsx'))).toEqual([]);
    // A shorter range fits; CSV has no such limit.
    const day = { from: '2026-11-24', to: '2026-11-24', states: ['paid' as const] };
    const fits = await runExport(store, { format: 'xlsx', filter: day }, dest, {
      timeZone: TZ,
      sheetSalesLimit: limit,
    });
    // Six of the nine sales were paid.
    expect(fits.rows).toBe(6);
    const csv = await runExport(store, { format: 'csv', filter: {} }, join(dir, 'orders.csv'), {
      timeZone: TZ,
      sheetSalesLimit: limit,
    });
    expect(csv.rows).toBe(NOTES.length);
    store.close();
  });
});

describe('JSON Lines export', () => {
  it('writes one JSON object per sale with numbers as numbers', async () => {
    const { store, dir } = journalWithNotes();
    const dest = join(dir, 'orders.jsonl');
    await runExport(store, { format: 'jsonl', filter: {} }, dest, { timeZone: TZ });
    const lines = readFileSync(dest, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.note)).toEqual(NOTES);
    expect(lines.every((l) => typeof l.amount === 'number')).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/api.?key/i);
    store.close();
  });
});

describe('progress and cancellation', () => {
  it('reports progress up to the total', async () => {
    const dir = tempDir();
    const store = openOrderStore({ file: join(dir, 'orders.db'), timeZone: TZ });
    seedOrders(store, 1_200, { end: new Date('2026-11-25T00:00:00.000Z'), days: 5 });
    const seen: [number, number][] = [];
    const result = await runExport(store, { format: 'jsonl', filter: {} }, join(dir, 'o.jsonl'), {
      onProgress: (d, t) => seen.push([d, t]),
      progressEvery: 500,
    });
    expect(result.rows).toBe(1_200);
    expect(seen).toEqual([
      [0, 1_200],
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
    store.close();
  });

  it.each(['csv', 'xlsx', 'jsonl'] as const)(
    '%s: a cancel midway removes the partial file and leaves no destination',
    async (format) => {
      const dir = tempDir();
      const store = openOrderStore({ file: join(dir, 'orders.db'), timeZone: TZ });
      seedOrders(store, 3_000, { end: new Date('2026-11-25T00:00:00.000Z'), days: 5 });
      const controller = new AbortController();
      const dest = join(dir, `orders.${format}`);
      let reports = 0;
      const run = runExport(store, { format, filter: {} }, dest, {
        signal: controller.signal,
        progressEvery: 100,
        onProgress: (done) => {
          reports += 1;
          if (done >= 1_000) controller.abort();
        },
      });
      await expect(run).rejects.toThrow(PosError);
      await expect(run).rejects.toThrow(/canceled/);
      expect(reports).toBeGreaterThan(1);
      expect(readdirSync(dir).filter((n) => !n.startsWith('orders.db'))).toEqual([]);
      // The journal stays usable after a canceled export.
      expect(store.count({})).toBe(3_000);
      store.close();
    },
  );
});
