import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { openOrderStore } from '../../../src/main/orders/journal';
import { exportDailyReport } from '../../../src/main/reports/export-daily-report';
import { useTempDir } from '../orders/temp-dir';

const tempDir = useTempDir();
const TZ = 'Asia/Jakarta';

function reportFixture(dir: string) {
  let clock = new Date(0);
  const store = openOrderStore({ file: join(dir, 'orders.db'), now: () => clock, timeZone: TZ });
  const sales = [
    {
      id: 'KSR1-R-1',
      at: '2026-11-24T03:00:00.000Z',
      amount: 20_000,
      method: 'qris' as const,
      fee: 450,
      end: 'paid' as const,
    },
    {
      id: 'KSR1-R-2',
      at: '2026-11-24T18:30:00.000Z',
      amount: 30_000,
      method: 'bni_va' as const,
      fee: 3_500,
      end: 'paid' as const,
    },
    {
      id: 'KSR1-R-3',
      at: '2026-11-24T05:00:00.000Z',
      amount: 5_000,
      method: 'qris' as const,
      fee: 310,
      end: 'needs_review' as const,
    },
  ];
  for (const s of sales) {
    clock = new Date(s.at);
    store.create({
      orderId: s.id,
      amount: s.amount,
      method: s.method,
      note: 'Kopi, "susu"',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
    store.transition(s.id, 'awaiting_payment', 'created', { fee: s.fee, totalPayment: s.amount + s.fee });
    if (s.end === 'paid') store.transition(s.id, 'paid', 'completed', { paidAt: s.at });
    else {
      store.transition(s.id, 'expired', 'expired');
      store.transition(s.id, 'needs_review', 'paid_after_expiry', { reason: 'paid_after_expiry' });
    }
  }
  const report = store.dailyReport('2026-11-24', 4, TZ);
  store.close();
  return report;
}

describe('daily report export', () => {
  it('CSV carries the summary, per-method totals and the review list', async () => {
    const dir = tempDir();
    const report = reportFixture(dir);
    const dest = join(dir, 'day.csv');
    const { bytes } = await exportDailyReport(report, 'csv', dest, { timeZone: TZ, delimiter: ',' });
    const raw = readFileSync(dest);
    expect(bytes).toBe(raw.length);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(raw, {
      bom: true,
      delimiter: ',',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const value = (item: string) => rows.find((r) => r[0] === item)?.[1];
    expect(value('business_day')).toBe('2026-11-24');
    expect(value('starts_local')).toBe('2026-11-24 04:00:00');
    expect(Number(value('net_received'))).toBe(50_000);
    expect(Number(value('fees'))).toBe(3_950);
    expect(Number(value('gross_paid_by_customers'))).toBe(53_950);
    expect(rows.find((r) => r[0] === 'bni_va')).toEqual(['bni_va', '1', '30000', '30000', '3500', '33500', '30000']);
    expect(rows.find((r) => r[0] === 'KSR1-R-3')).toEqual([
      'KSR1-R-3',
      '2026-11-24 12:00:00',
      'qris',
      '5000',
      'paid_after_expiry',
      'Kopi, "susu"',
    ]);
  });

  it('XLSX has one sheet per table with numbers as numbers', async () => {
    const dir = tempDir();
    const report = reportFixture(dir);
    const dest = join(dir, 'day.xlsx');
    await exportDailyReport(report, 'xlsx', dest, { timeZone: TZ });
    const sheets = await readXlsxFile(dest);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Summary',
      'By method',
      'Refunds by channel',
      'By status',
      'Needs review',
    ]);
    const summary = sheets[0]!.data;
    expect(summary.find((r) => r[0] === 'net_received')?.[1]).toBe(50_000);
    expect(sheets[1]!.data.slice(1)).toEqual([
      ['bni_va', 1, 30_000, 30_000, 3_500, 33_500, 30_000],
      ['qris', 1, 20_000, 20_000, 450, 20_450, 20_000],
    ]);
    expect(sheets[4]!.data[1]?.[0]).toBe('KSR1-R-3');
  });
});
