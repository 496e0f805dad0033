import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { OWNER_EXPORT_COLUMNS, paidColumns, type OwnerExportColumn } from '@shared/export-columns';
import type { OwnerOrderRow } from '@shared/owner/contract';
import { SHEET_DATA_ROWS } from '@shared/sheet-limit';

export type Value = string | number | boolean | null;

/** One table of an export: its columns, how a row fills them, its sheet, wide and money columns. */
export interface ExportTable<R> {
  columns: readonly string[];
  values: (row: R, timeZone: string) => Value[];
  sheet: string;
  wide: Readonly<Record<string, number>>;
  money: readonly string[];
}

export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  // sv-SE writes YYYY-MM-DD HH:mm:ss, the shape the till's export uses.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));
}

/** One sale as the owner's export writes it, in OWNER_EXPORT_COLUMNS order. */
export function exportValues(o: OwnerOrderRow, timeZone: string): Value[] {
  const { completed, totalPaid, shopReceives } = paidColumns(o);
  const row: Record<OwnerExportColumn, Value> = {
    till_name: o.tillName,
    till_id: o.tillId,
    order_id: o.orderId,
    created_local: localTime(o.createdAt, timeZone),
    created_iso: o.createdAt,
    completed_local: localTime(completed, timeZone),
    completed_iso: completed ?? '',
    method: o.method,
    price: o.price,
    amount: o.amount,
    fee: o.fee,
    total_paid: totalPaid,
    shop_receives: shopReceives,
    fee_payer: o.feePayer,
    status: o.state,
    note: o.note,
    sandbox: o.sandbox,
    gateway_txn_id: o.txnId ?? '',
    sale_id: o.saleId ?? '',
    cash_tendered: o.cashTendered,
    cash_change: o.cashChange,
  };
  return OWNER_EXPORT_COLUMNS.map((c) => row[c]);
}

async function write(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export const ORDER_TABLE: ExportTable<OwnerOrderRow> = {
  columns: OWNER_EXPORT_COLUMNS,
  values: exportValues,
  sheet: 'Orders',
  wide: {
    till_name: 20,
    till_id: 38,
    order_id: 40,
    created_local: 20,
    created_iso: 26,
    completed_local: 20,
    completed_iso: 26,
    note: 40,
    gateway_txn_id: 24,
    sale_id: 40,
  },
  money: ['price', 'amount', 'fee', 'total_paid', 'shop_receives', 'cash_tendered', 'cash_change'],
};

/** A workbook would hold more rows than one sheet: Excel would drop the rest. */
export class SheetFullError extends Error {
  constructor(readonly limit: number) {
    super(`more rows than one Excel sheet holds (${limit})`);
  }
}

/**
 * Streams the rows as CSV or XLSX into the returned stream while the rows are read, a batch
 * at a time: nothing holds the whole export. A failure part-way destroys the stream, so the
 * browser shows a failed download rather than a file that looks complete. A workbook past
 * `sheetRows` rows is such a failure: the routes refuse it before they start when they can
 * count, and this catches the rows added since.
 */
export function streamExport<R>(
  rows: AsyncIterable<R>,
  format: 'csv' | 'xlsx',
  timeZone: string,
  onError: (err: unknown) => void,
  table: ExportTable<R>,
  sheetRows = SHEET_DATA_ROWS,
): PassThrough {
  const out = new PassThrough();
  const run =
    format === 'csv' ? writeCsv(rows, out, timeZone, table) : writeXlsx(rows, out, timeZone, table, sheetRows);
  run.catch((err: unknown) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

async function writeCsv<R>(rows: AsyncIterable<R>, out: PassThrough, timeZone: string, table: ExportTable<R>) {
  const csv = stringify({
    // The BOM makes Excel read the file as UTF-8; a note starting with = + - @ stays text.
    bom: true,
    delimiter: ',',
    header: true,
    columns: [...table.columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  csv.pipe(out);
  for await (const row of rows) await write(csv, table.values(row, timeZone));
  csv.end();
}

async function writeXlsx<R>(
  rows: AsyncIterable<R>,
  out: PassThrough,
  timeZone: string,
  table: ExportTable<R>,
  sheetRows: number,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((key) => ({
    header: key,
    key,
    width: table.wide[key] ?? 12,
    style: table.money.includes(key) ? { numFmt: '#,##0' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const row of rows) {
    written += 1;
    if (written > sheetRows) throw new SheetFullError(sheetRows);
    sheet.addRow(table.values(row, timeZone)).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
