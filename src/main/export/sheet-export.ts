import type { OrderFilter } from '@shared/domain';
import type { OrderStore } from '../orders/order-store';
import { toStorageError } from '../orders/storage-errors';
import { exportCanceled } from './export-canceled';
import { readTextOffThread } from './text-reader-thread';
import { xlsxTextWriter } from './xlsx-writer';
import { ROW_MARK } from './xlsx-sql';

export interface SheetJob {
  filter: OrderFilter;
  /** The row's XML as SQLite writes it (xlsxRowSql). */
  expression: string;
  total: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The worksheet's rows are read and numbered on a thread of their own while this thread
 * zips what it hands over: an XLSX row is about four times a CSV record's bytes, and with
 * both on one thread the sheet took 2.6 times the CSV. The counter's own thread only moves
 * chunks, so a large export no longer holds it up either.
 */
export async function writeSheet(store: OrderStore, job: SheetJob, path: string): Promise<number> {
  const reader = readTextOffThread(store.textQuery(job.filter, job.expression), { mark: ROW_MARK, firstRow: 2 });
  const writer = xlsxTextWriter(path);
  let done = 0;
  try {
    for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
      if (job.signal?.aborted) throw exportCanceled();
      const wait = writer.writeBytes(chunk.bytes);
      if (wait) await wait;
      done += chunk.rows;
      job.onProgress?.(done, Math.max(job.total, done));
    }
    if (job.signal?.aborted) throw exportCanceled();
    await writer.finish();
    return done;
  } catch (err) {
    await writer.abort();
    // The thread reads past the store's guard: a damaged or unreadable journal gets the same typed error here.
    throw toStorageError(err);
  } finally {
    await reader.stop();
  }
}
