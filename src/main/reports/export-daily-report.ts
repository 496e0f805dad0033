import { statSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { DailyReport } from '@shared/domain';
import { PosError } from '@shared/errors';
import { intoFile } from '../export/into-file';
import { formatLocal, machineTimeZone } from '../orders/local-time';

export interface DailyReportExportOptions {
  delimiter?: ';' | ',';
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

type Cell = string | number;

/** The report as labelled tables; one layout for both formats so they cannot disagree. */
export function dailyReportTables(report: DailyReport, timeZone: string): ReportTable[] {
  return [
    {
      name: 'Summary',
      header: ['item', 'value'],
      rows: [
        ['business_day', report.day],
        ['starts_local', formatLocal(report.startsAt, timeZone)],
        ['ends_local', formatLocal(report.endsAt, timeZone)],
        ['cutoff_hour', report.cutoffHour],
        ['sales_count', report.salesCount],
        ['paid_count', report.paidCount],
        ['net_received', report.netReceived],
        ['fees', report.fees],
        ['fees_borne_by_shop', report.feesShop],
        ['fees_paid_by_customers', report.feesCustomer],
        ['gross_paid_by_customers', report.grossAmount],
        ['refunds_count', report.refunds.count],
        ['refunds', report.refunds.amount],
        ['refunds_cash', report.refunds.cash],
        ['net_after_refunds', report.netAfterRefunds],
        ['needs_review_count', report.needsReview.length],
      ],
    },
    {
      name: 'By method',
      header: ['method', 'paid_count', 'price', 'amount', 'fee', 'total_paid', 'shop_receives'],
      rows: report.byMethod.map((m) => [m.method, m.count, m.price, m.amount, m.fee, m.totalPaid, m.shopReceives]),
    },
    {
      name: 'Refunds by channel',
      header: ['channel', 'count', 'amount'],
      rows: report.refunds.byChannel.map((r) => [r.channel, r.count, r.amount]),
    },
    {
      name: 'By status',
      header: ['status', 'count', 'amount'],
      rows: report.byState.map((s) => [s.state, s.count, s.amount]),
    },
    {
      name: 'Needs review',
      header: ['order_id', 'created_local', 'method', 'amount', 'reason', 'note'],
      rows: report.needsReview.map((o) => [
        o.orderId,
        formatLocal(o.createdAt, timeZone),
        o.method,
        o.amount,
        o.reason ?? '',
        o.note,
      ]),
    },
  ];
}

/**
 * Writes the daily report as CSV (the tables one after another, each headed by its name) or
 * XLSX (one sheet per table). Small enough to build in memory; written whole or not at all
 * (intoFile), so a failed write never leaves a half report under the real name.
 */
export async function exportDailyReport(
  report: DailyReport,
  format: 'csv' | 'xlsx',
  destinationPath: string,
  opts: DailyReportExportOptions = {},
): Promise<{ bytes: number }> {
  return writeReportTables(
    dailyReportTables(report, opts.timeZone ?? machineTimeZone()),
    format,
    destinationPath,
    opts,
  );
}

export type ReportTable = { name: string; header: string[]; rows: Cell[][] };

/** Labelled tables as CSV or XLSX, written whole or not at all (the daily report, the Z report). */
export async function writeReportTables(
  tables: ReportTable[],
  format: 'csv' | 'xlsx',
  destinationPath: string,
  opts: DailyReportExportOptions = {},
): Promise<{ bytes: number }> {
  if (opts.signal?.aborted) throw new PosError('busy', 'Export canceled.');
  opts.onProgress?.(0, 1);
  await intoFile(destinationPath, async (temp) => {
    if (format === 'csv') {
      const records: Cell[][] = [];
      for (const t of tables) {
        if (records.length > 0) records.push([]);
        records.push([t.name], t.header, ...t.rows);
      }
      writeFileSync(
        temp,
        stringify(records, {
          bom: true,
          delimiter: opts.delimiter ?? ';',
          record_delimiter: 'windows',
          escape_formulas: true,
        }),
      );
    } else {
      const workbook = new ExcelJS.Workbook();
      for (const t of tables) {
        const sheet = workbook.addWorksheet(t.name);
        sheet.addRow(t.header).font = { bold: true };
        for (const row of t.rows) sheet.addRow(row);
        sheet.columns.forEach((c) => (c.width = 18));
      }
      await workbook.xlsx.writeFile(temp);
    }
    if (opts.signal?.aborted) throw new PosError('busy', 'Export canceled.');
  });
  opts.onProgress?.(1, 1);
  return { bytes: statSync(destinationPath).size };
}
