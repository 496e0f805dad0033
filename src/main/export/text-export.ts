import type { OrderFilter } from '@shared/domain';
import { PosError } from '@shared/errors';
import { SHEET_DATA_ROWS } from '@shared/sheet-limit';
import type { OrderStore } from '../orders/order-store';
import { toStorageError } from '../orders/storage-errors';
import { exportCanceled } from './export-canceled';
import { ReaderFailed, readTextOffThread, type RowNumbering } from './text-reader-thread';
import { csvFileWriter } from './csv-writer';
import { xlsxTextWriter } from './xlsx-writer';
import { FIRST_SALE_ROW, ROW_MARK } from './xlsx-sql';

/** A file that takes rows already formatted by SQLite, as UTF-8. */
export interface ChunkWriter {
  /**
   * Returns a promise only when the file asks to wait (backpressure). A writer that can tell
   * when the bytes are out calls `written` then, and the reader fills that memory again; one
   * that cannot (a zip stream keeps reading its input later) never calls it.
   */
  writeBytes(rows: Buffer, written?: () => void): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Stops writing and resolves once the file is closed, so the caller can delete it for good. */
  abort(): Promise<void>;
}

export interface TextJob {
  filter: OrderFilter;
  /** Each row's text as SQLite writes it (csvRecordSql, xlsxRowSql). */
  expression: string;
  total: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Rows are read (and for a sheet, numbered) on a thread of their own while this thread
 * writes what it hands over: the counter's own thread only moves chunks, so a large export
 * never holds up a sale, and the file's writing (and a sheet's compression) overlaps the
 * reading. With both on one thread a sheet took 2.6 times the CSV.
 */
async function writeOffThread(
  store: OrderStore,
  job: TextJob,
  writer: ChunkWriter,
  numbering?: RowNumbering,
): Promise<number> {
  const reader = readTextOffThread(store.textQuery(job.filter, job.expression), { numbering });
  let done = 0;
  try {
    for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
      if (job.signal?.aborted) throw exportCanceled();
      const wait = writer.writeBytes(chunk.bytes, () => reader.recycle(chunk));
      if (wait) await wait;
      done += chunk.rows;
      job.onProgress?.(done, Math.max(job.total, done));
    }
    if (job.signal?.aborted) throw exportCanceled();
    await writer.finish();
    return done;
  } catch (err) {
    await writer.abort();
    // Sales written after the export counted them took the sheet past its last row (RowNumbering.lastRow).
    if (err instanceof ReaderFailed && err.code === 'export_too_large')
      throw new PosError('export_too_large', `More sales than one sheet holds: ${err.message}.`);
    // The thread reads past the store's guard: a damaged or unreadable journal gets the same typed error here.
    throw toStorageError(err);
  } finally {
    await reader.stop();
  }
}

/** A CSV file: `header` first, then each record as csvRecordSql writes it. */
export function writeCsv(store: OrderStore, job: TextJob, header: string, path: string): Promise<number> {
  return writeOffThread(store, job, csvFileWriter(path, header));
}

/**
 * An .xlsx workbook: each row as xlsxRowSql writes it for row numbers `width` digits wide
 * (rowNumberWidth), numbered from FIRST_SALE_ROW, and no more than `limit` sales (one sheet).
 */
export function writeSheet(
  store: OrderStore,
  job: TextJob,
  path: string,
  width: number,
  limit = SHEET_DATA_ROWS,
): Promise<number> {
  return writeOffThread(store, job, xlsxTextWriter(path), {
    mark: ROW_MARK,
    width,
    firstRow: FIRST_SALE_ROW,
    lastRow: FIRST_SALE_ROW + limit - 1,
  });
}
