import { statSync } from 'node:fs';
import type { ExportInput } from '@shared/contract/api';
import { PosError } from '@shared/errors';
import type { OrderStore } from '../orders/order-store';
import { machineTimeZone } from '../orders/local-time';
import { csvHeader, csvRecordSql } from './csv-sql';
import { toExportRow, type ExportRow } from './export-columns';
import { csvTextWriter, jsonlWriter, type RowWriter } from './row-writers';
import { exportCanceled } from './export-canceled';
import { intoFile } from './into-file';
import { writeSheet, type SheetJob } from './sheet-export';
import { xlsxRowSql } from './xlsx-sql';
import { zoneOffsetSpans } from './zone-offsets';

export interface ExportOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  timeZone?: string;
  delimiter?: ';' | ',';
  /** Rows between two progress reports (default 500). */
  progressEvery?: number;
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

interface Source<T> {
  items: IterableIterator<T>;
  writer: RowWriter<T>;
}

/** What streams from the journal into which writer: CSV records and sheet rows come formatted by SQLite, JSON Lines as rows. */
function sourceFor(
  store: OrderStore,
  input: ExportInput,
  path: string,
  delimiter: ';' | ',',
  timeZone: string,
): Source<string> | Source<ExportRow> {
  const rows = (): IterableIterator<ExportRow> => {
    const records = store.iterate(input.filter);
    return (function* () {
      try {
        for (const order of records) yield toExportRow(order, timeZone, store.saleLines(order.orderId));
      } finally {
        records.return?.();
      }
    })();
  };
  const spans = () => offsetSpans(store, timeZone);
  switch (input.format) {
    case 'csv':
      return {
        items: store.iterateText(input.filter, csvRecordSql(delimiter, spans())),
        writer: csvTextWriter(path, csvHeader(delimiter)),
      };
    case 'jsonl':
      return { items: rows(), writer: jsonlWriter(path) };
    default:
      throw new PosError('invalid_input', `unknown export format: ${String((input as { format: unknown }).format)}`);
  }
}

interface Job {
  store: OrderStore;
  input: ExportInput;
  timeZone: string;
  total: number;
  opts: ExportOptions;
}

/** One row at a time from one reader, yielding to the event loop every `progressEvery` rows. */
async function writeRows({ store, input, timeZone, total, opts }: Job, temp: string): Promise<number> {
  const every = Math.max(1, opts.progressEvery ?? 500);
  const signal = opts.signal;
  const delimiter = input.delimiter ?? opts.delimiter ?? ';';
  const { items, writer } = sourceFor(store, input, temp, delimiter, timeZone) as Source<unknown>;
  let done = 0;
  try {
    for (const item of items) {
      if (signal?.aborted) throw exportCanceled();
      const wait = writer.write(item);
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
    items.return?.();
    await writer.abort();
    throw err;
  }
}

function sheetJob({ store, input, timeZone, total, opts }: Job): SheetJob {
  const expression = xlsxRowSql(offsetSpans(store, timeZone));
  return { filter: input.filter, expression, total, onProgress: opts.onProgress, signal: opts.signal };
}

/**
 * Streams the journal into a file, whole or not at all (intoFile: a destination that cannot
 * be written gets a typed error saying what to do). The counter stays responsive during a
 * large export: the one-reader way yields to the event loop as it goes, and a large sheet is
 * read off this thread.
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
  const job: Job = { store, input, timeZone, total, opts };
  opts.onProgress?.(0, total);
  const done = await intoFile(destinationPath, (temp) =>
    input.format === 'xlsx' ? writeSheet(store, sheetJob(job), temp) : writeRows(job, temp),
  );
  opts.onProgress?.(done, Math.max(total, done));
  return { rows: done, bytes: statSync(destinationPath).size };
}
