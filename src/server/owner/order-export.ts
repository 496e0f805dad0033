import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { OwnerOrderRow } from '@shared/owner/contract';

/**
 * The columns of the owner's export over every till: the till's own export columns
 * (src/main/export/export-columns.ts), led by the till. total_paid and shop_receives are
 * filled for paid sales only, so their sums equal the daily report's gross and net. A
 * counter sale paid in parts is one row per part (cash parts included, with what the customer
 * handed over and the change), linked by sale_id.
 */
export const OWNER_EXPORT_COLUMNS = [
  'till_name',
  'till_id',
  'order_id',
  'created_local',
  'created_iso',
  'completed_local',
  'completed_iso',
  'method',
  'price',
  'amount',
  'fee',
  'total_paid',
  'shop_receives',
  'fee_payer',
  'status',
  'note',
  'sandbox',
  'gateway_txn_id',
  'sale_id',
  'cash_tendered',
  'cash_change',
] as const;

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

export function exportValues(o: OwnerOrderRow, timeZone: string): Value[] {
  const completed = o.state === 'paid' ? o.paidAt : null;
  const totalPaid = o.state === 'paid' ? (o.totalPayment ?? o.amount + (o.fee ?? 0)) : null;
  return [
    o.tillName,
    o.tillId,
    o.orderId,
    localTime(o.createdAt, timeZone),
    o.createdAt,
    localTime(completed, timeZone),
    completed ?? '',
    o.method,
    o.price,
    o.amount,
    o.fee,
    totalPaid,
    totalPaid === null ? null : totalPaid - (o.fee ?? 0),
    o.feePayer,
    o.state,
    o.note,
    o.sandbox,
    o.txnId ?? '',
    o.saleId ?? '',
    o.cashTendered,
    o.cashChange,
  ];
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

/**
 * Streams the rows as CSV or XLSX into the returned stream while the rows are read, a batch
 * at a time: nothing holds the whole export. A failure part-way destroys the stream, so the
 * browser shows a failed download rather than a file that looks complete.
 */
export function streamExport<R>(
  rows: AsyncIterable<R>,
  format: 'csv' | 'xlsx',
  timeZone: string,
  onError: (err: unknown) => void,
  table: ExportTable<R>,
): PassThrough {
  const out = new PassThrough();
  const run = format === 'csv' ? writeCsv(rows, out, timeZone, table) : writeXlsx(rows, out, timeZone, table);
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

async function writeXlsx<R>(rows: AsyncIterable<R>, out: PassThrough, timeZone: string, table: ExportTable<R>) {
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
  for await (const row of rows) {
    sheet.addRow(table.values(row, timeZone)).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
