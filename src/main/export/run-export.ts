import { statSync } from 'node:fs';
import type { ExportInput } from '@shared/contract/api';
import { PosError } from '@shared/errors';
import type { OrderStore } from '../orders/order-store';
import { machineTimeZone } from '../orders/local-time';
import { csvHeader, csvRecordSql } from './csv-sql';
import { toExportRow } from './export-columns';
import { jsonlWriter } from './row-writers';
import { exportCanceled } from './export-canceled';
import { intoFile } from './into-file';
import { writeCsv, writeSheet, type TextJob } from './text-export';
import { SHEET_DATA_ROWS, sheetHolds } from '@shared/sheet-limit';
import { rowNumberWidth, xlsxRowSql } from './xlsx-sql';
import { zoneOffsetSpans } from './zone-offsets';

export interface ExportOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  timeZone?: string;
  delimiter?: ';' | ',';
  /** JSON Lines: rows between two progress reports (default 500). CSV and sheets report once per chunk their thread reads. */
  progressEvery?: number;
  /** The most sales a workbook takes (default SHEET_DATA_ROWS, one sheet; smaller in tests). */
  sheetSalesLimit?: number;
}

export interface ExportResult {
  rows: number;
  bytes: number;
}

/** Offsets are looked up this far past the newest sale, for payments that came in days after it. */
const LATE_PAYMENT_MARGIN_MS = 400 * 86_400_000;

/** The zone's offsets over every instant the journal's sales can hold. */
function offsetSpans(store: OrderStore, timeZone: string) {
  const range = store.createdRange();
  const start = range ? Date.parse(range.first) : 0;
  const end = Math.max(range ? Date.parse(range.last) : 0, Date.now()) + LATE_PAYMENT_MARGIN_MS;
  return zoneOffsetSpans(start, end, timeZone);
}

interface Job {
  store: OrderStore;
  input: ExportInput;
  timeZone: string;
  total: number;
  opts: ExportOptions;
}

/** JSON Lines: one sale at a time from one reader, yielding to the event loop every `progressEvery` rows. */
async function writeJsonLines({ store, input, timeZone, total, opts }: Job, temp: string): Promise<number> {
  const every = Math.max(1, opts.progressEvery ?? 500);
  const signal = opts.signal;
  const records = store.iterate(input.filter);
  const writer = jsonlWriter(temp);
  let done = 0;
  try {
    for (const order of records) {
      if (signal?.aborted) throw exportCanceled();
      const wait = writer.write(toExportRow(order, timeZone, store.saleLines(order.orderId)));
      if (wait) await wait;
      done += 1;
      if (done % every === 0) {
        opts.onProgress?.(done, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (signal?.aborted) throw exportCanceled();
    await writer.finish();
    return done;
  } catch (err) {
    records.return?.();
    await writer.abort();
    throw err;
  }
}

function textJob({ input, total, opts }: Job, expression: string): TextJob {
  return { filter: input.filter, expression, total, onProgress: opts.onProgress, signal: opts.signal };
}

function writeFile(job: Job, temp: string): Promise<number> {
  const { store, input, timeZone, opts } = job;
  switch (input.format) {
    case 'csv': {
      const delimiter = input.delimiter ?? opts.delimiter ?? ';';
      const expression = csvRecordSql(delimiter, offsetSpans(store, timeZone));
      return writeCsv(store, textJob(job, expression), csvHeader(delimiter), temp);
    }
    case 'xlsx': {
      const width = rowNumberWidth(job.total);
      return writeSheet(
        store,
        textJob(job, xlsxRowSql(offsetSpans(store, timeZone), width)),
        temp,
        width,
        opts.sheetSalesLimit,
      );
    }
    case 'jsonl':
      return writeJsonLines(job, temp);
    default:
      throw new PosError('invalid_input', `unknown export format: ${String((input as { format: unknown }).format)}`);
  }
}

/**
 * Refuses a workbook of `total` sales when one sheet holds fewer, before a file is chosen or
 * written: the owner is told to pick a shorter range or CSV instead of getting a sheet that
 * loses rows.
 */
export function checkSheetFits(total: number, limit = SHEET_DATA_ROWS): void {
  if (!sheetHolds(total, limit))
    throw new PosError('export_too_large', `${total} sales are more than one sheet holds (${limit}).`);
}

/**
 * Streams the journal into a file, whole or not at all (intoFile: a destination that cannot
 * be written gets a typed error saying what to do). The counter stays responsive during a
 * large export: CSV records and sheet rows are formatted by SQLite on a thread of their own,
 * and JSON Lines yields to the event loop as it goes.
 */
export async function runExport(
  store: OrderStore,
  input: ExportInput,
  destinationPath: string,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  const timeZone = opts.timeZone ?? machineTimeZone();
  if (opts.signal?.aborted) throw exportCanceled();
  const total = store.count(input.filter);
  if (input.format === 'xlsx') checkSheetFits(total, opts.sheetSalesLimit);
  const job: Job = { store, input, timeZone, total, opts };
  opts.onProgress?.(0, total);
  const done = await intoFile(destinationPath, (temp) => writeFile(job, temp));
  opts.onProgress?.(done, Math.max(total, done));
  return { rows: done, bytes: statSync(destinationPath).size };
}
