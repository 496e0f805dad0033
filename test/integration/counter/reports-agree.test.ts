import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/shared/domain';
import type { AppServices } from '../../../src/main/app/service-types';
import { useAppFolders } from '../../support/app-services';
import { call, counterShop } from '../../support/counter';

/**
 * One business day with cash, QRIS (with Pakasir's fee, borne by the shop and by the
 * customer), a split sale, a refund and a void: the daily report, the day's Z report, the
 * shift's Z report and every export of them (CSV and XLSX, and the sales export) are summed
 * and must agree to the rupiah.
 */
const folders = useAppFolders();
const DAY = '2026-11-25';

/** Every export job's end, recorded from the start: a small export may end before its call returns. */
function jobEnds(app: AppServices) {
  const ends = new Map<string, JobProgress>();
  app.bus.on('jobProgress', (p) => {
    if (p.state !== 'running') ends.set(p.jobId, p);
  });
  return async (job: JobProgress): Promise<string> => {
    await expect.poll(() => ends.get(job.jobId)?.state ?? job.state, { timeout: 15_000 }).not.toBe('running');
    const end = ends.get(job.jobId) ?? job;
    if (end.state !== 'done') throw new Error(`export ${end.state}: ${end.error}`);
    return end.file!.path!;
  };
}

/** Item/value rows and tables from an exported report (CSV): the same layout in both formats. */
function csvTables(path: string): Map<string, string[][]> {
  const rows = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    delimiter: ';',
    relax_column_count: true,
  }) as string[][];
  const tables = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const row of rows) {
    if (row.length === 0 || (row.length === 1 && row[0] === '')) {
      current = null;
    } else if (!current) {
      current = [];
      tables.set(row[0]!, current);
    } else current.push(row);
  }
  return tables;
}

async function xlsxTables(path: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const tables = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    tables.set(sheet.name, rows);
  });
  return tables;
}

function summary(tables: Map<string, string[][]>): Record<string, number> {
  const rows = tables.get('Summary')!.slice(1);
  return Object.fromEntries(rows.filter((r) => /^-?\d+$/.test(r[1] ?? '')).map((r) => [r[0], Number(r[1])]));
}

function byMethod(tables: Map<string, string[][]>): Record<string, number[]> {
  return Object.fromEntries(
    tables
      .get('By method')!
      .slice(1)
      .map((r) => [r[0], r.slice(1).map(Number)]),
  );
}

describe('the daily report, the Z reports and the exports of one day', () => {
  it('agree with each other to the rupiah', async () => {
    const dir = folders.folder();
    const out = folders.folder();
    let n = 0;
    const app = await folders.start(dir, {
      exportSink: {
        choosePath: async (name) => join(out, `${(n += 1)}-${name}`),
        describe: (path, name, bytes) => ({ name, path, bytes }),
      },
    });
    const finished = jobEnds(app);
    await call(app, 'updateSettings', { csvDelimiter: ';' });
    const { shiftId } = await counterShop(app, { openingCash: 100_000 });

    const pay = (orderId: string) => call(app, 'simulatePayment', { orderId });
    const cash = await call(app, 'sellCash', { amount: 23_500, tendered: 50_000 });
    await call(app, 'sellCash', { amount: 8_000, tendered: 10_000 });
    const qris = await call(app, 'charge', { amount: 35_000, method: 'qris' });
    await pay(qris.orderId);
    const split = await call(app, 'chargeSplit', { amount: 70_000, cash: 20_000, method: 'qris' });
    await pay(split.orderId);
    const voided = await call(app, 'chargeSplit', { amount: 40_000, cash: 15_000, method: 'qris' });
    await call(app, 'cancelSale', { orderId: voided.orderId });
    await call(app, 'refundSale', { saleId: voided.saleId!, amount: 15_000, channel: 'cash', note: 'batal' });
    await call(app, 'refundSale', { saleId: cash.sale.saleId, amount: 3_500, channel: 'cash', note: 'salah hitung' });
    await call(app, 'refundSale', { saleId: qris.saleId!, amount: 5_000, channel: 'bank_transfer', note: 'kembalian' });
    await call(app, 'moveCash', { kind: 'out', amount: 10_000, reason: 'beli plastik' });
    const expected = (await call(app, 'getCounter', {})).shift!.drawer.expected;
    const shiftZ = await call(app, 'closeShift', { shiftId: shiftId!, countedCash: expected - 1_000 });

    const daily = await call(app, 'getDailyReport', { day: DAY });
    const dayZ = await call(app, 'getZReport', { day: DAY });

    // Hand-checked figures: cash 23.500 + 8.000 + 20.000 + 15.000, QRIS 35.000 + 50.000.
    const cashPrice = 23_500 + 8_000 + 20_000 + 15_000;
    const qrisPrice = 35_000 + 50_000;
    expect(Object.fromEntries(daily.byMethod.map((m) => [m.method, m.price]))).toEqual({
      cash: cashPrice,
      qris: qrisPrice,
    });
    expect(daily.refunds).toMatchObject({ count: 3, amount: 23_500, cash: 18_500 });
    expect(daily.netAfterRefunds).toBe(daily.netReceived - 23_500);
    expect(shiftZ.drawer).toMatchObject({
      opening: 100_000,
      cashSales: cashPrice,
      cashRefunds: 18_500,
      cashOut: 10_000,
      expected: 100_000 + cashPrice - 18_500 - 10_000,
      difference: -1_000,
    });

    // The daily report and both Z reports (one shift made the whole day).
    for (const z of [dayZ, shiftZ]) {
      expect(z.gross).toBe(daily.grossAmount);
      expect(z.fees).toBe(daily.fees);
      expect(z.feesShop).toBe(daily.feesShop);
      expect(z.feesCustomer).toBe(daily.feesCustomer);
      expect(z.netReceived).toBe(daily.netReceived);
      expect(z.refunds).toEqual(daily.refunds);
      expect(z.netAfterRefunds).toBe(daily.netAfterRefunds);
      expect(z.byMethod).toEqual(daily.byMethod);
      expect(z.paidCount).toBe(daily.paidCount);
    }
    expect(dayZ.drawer).toMatchObject({ expected: shiftZ.drawer.expected, difference: -1_000 });

    // Every export of them.
    const files = {
      dailyCsv: await finished(await call(app, 'exportDailyReport', { day: DAY, format: 'csv' })),
      dailyXlsx: await finished(await call(app, 'exportDailyReport', { day: DAY, format: 'xlsx' })),
      zCsv: await finished(await call(app, 'exportZReport', { day: DAY, format: 'csv' })),
      zXlsx: await finished(await call(app, 'exportZReport', { day: DAY, format: 'xlsx' })),
      shiftCsv: await finished(await call(app, 'exportZReport', { shiftId: shiftId!, format: 'csv' })),
      sales: await finished(await call(app, 'startExport', { format: 'csv', filter: { from: DAY, to: DAY } })),
    };
    const tables = [
      csvTables(files.dailyCsv),
      await xlsxTables(files.dailyXlsx),
      csvTables(files.zCsv),
      await xlsxTables(files.zXlsx),
      csvTables(files.shiftCsv),
    ];
    const methodRows = Object.fromEntries(
      daily.byMethod.map((m) => [m.method, [m.count, m.price, m.amount, m.fee, m.totalPaid, m.shopReceives]]),
    );
    for (const t of tables) {
      expect(summary(t)).toMatchObject({
        gross_paid_by_customers: daily.grossAmount,
        fees: daily.fees,
        fees_borne_by_shop: daily.feesShop,
        fees_paid_by_customers: daily.feesCustomer,
        net_received: daily.netReceived,
        refunds: daily.refunds.amount,
        refunds_cash: daily.refunds.cash,
        net_after_refunds: daily.netAfterRefunds,
        paid_count: daily.paidCount,
      });
      expect(byMethod(t)).toEqual(methodRows);
    }
    for (const t of tables.slice(2)) {
      const drawer = Object.fromEntries(
        t
          .get('Drawer')!
          .slice(1)
          .map((r) => [r[0], Number(r[1])]),
      );
      expect(drawer).toMatchObject({ expected: shiftZ.drawer.expected, counted: expected - 1_000, difference: -1_000 });
    }

    // The sales export, row by row: its paid rows sum to the same totals.
    const sales = parse(readFileSync(files.sales, 'utf8').replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    const paid = sales.filter((r) => r.status === 'paid');
    const sum = (k: string) => paid.reduce((s, r) => s + Number(r[k]), 0);
    expect(paid.length).toBe(daily.paidCount);
    expect(sum('price')).toBe(cashPrice + qrisPrice);
    expect(sum('total_paid')).toBe(daily.grossAmount);
    expect(sum('fee')).toBe(daily.fees);
    expect(sum('shop_receives')).toBe(daily.netReceived);
  });
});
