import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify, type Stringifier } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, rowValues, type ExportRow } from './export-columns';

/** One output format: rows go in one at a time, and write() resolves when it is fine to send more. */
export interface RowWriter {
  write(row: ExportRow): Promise<void>;
  finish(): Promise<void>;
  /** Stops writing and resolves once the file is closed, so the caller can delete it for good. */
  abort(): Promise<void>;
}

async function drained(stream: WriteStream | Stringifier): Promise<void> {
  await once(stream, 'drain');
}

/** Destroying a stream whose open is still pending creates the file afterwards: wait for the close. */
async function destroyFile(file: WriteStream): Promise<void> {
  if (file.closed) return;
  const closed = once(file, 'close').catch(() => undefined);
  file.destroy();
  await closed;
}

async function closeFile(file: WriteStream): Promise<void> {
  if (file.closed) return;
  await new Promise<void>((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}

export function csvWriter(path: string, delimiter: ';' | ','): RowWriter {
  const file = createWriteStream(path);
  const csv = stringify({
    // The BOM makes Excel read the file as UTF-8 (names like "Kopi Susu ☕" stay intact).
    bom: true,
    delimiter,
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
    // A note starting with = + - @ would run as a formula when the owner opens the CSV.
    escape_formulas: true,
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  csv.pipe(file);
  let failure: Error | null = null;
  csv.on('error', (e) => (failure = e));
  file.on('error', (e) => (failure = e));
  return {
    async write(row) {
      if (failure) throw failure;
      if (!csv.write(rowValues(row))) await drained(csv);
    },
    async finish() {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => {
        file.once('close', resolve);
        file.once('error', reject);
        csv.end();
      });
    },
    async abort() {
      csv.unpipe(file);
      csv.destroy();
      await destroyFile(file);
    },
  };
}

export function jsonlWriter(path: string): RowWriter {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  file.on('error', (e) => (failure = e));
  return {
    async write(row) {
      if (failure) throw failure;
      if (!file.write(`${JSON.stringify(row)}\n`)) await drained(file);
    },
    async finish() {
      if (failure) throw failure;
      await closeFile(file);
    },
    abort() {
      return destroyFile(file);
    },
  };
}

const XLSX_WIDTHS: Partial<Record<(typeof EXPORT_COLUMNS)[number], number>> = {
  order_id: 32,
  created_local: 20,
  created_iso: 26,
  completed_local: 20,
  completed_iso: 26,
  method: 14,
  note: 40,
  gateway_txn_id: 24,
  items: 48,
};

/**
 * The streaming writer commits each row into the zip as it goes, so memory stays flat
 * however long the journal is. Values are typed cells (numbers, booleans, text), never formulas.
 */
export function xlsxWriter(path: string, sheetName = 'Orders'): RowWriter {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  file.on('error', (e) => (failure = e));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((key) => ({
    header: key,
    key,
    width: XLSX_WIDTHS[key] ?? 12,
    style: key === 'amount' || key === 'fee' || key === 'total_paid' ? { numFmt: '#,##0' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async write(row) {
      if (failure) throw failure;
      sheet.addRow(rowValues(row)).commit();
      if (file.writableNeedDrain) await drained(file);
    },
    async finish() {
      if (failure) throw failure;
      sheet.commit();
      const closed = once(file, 'close');
      await workbook.commit();
      await closed;
      if (failure) throw failure;
    },
    abort() {
      return destroyFile(file);
    },
  };
}
