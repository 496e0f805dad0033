import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync } from 'node:fs';
import type { ExportInput } from '@shared/contract/api';
import { PosError } from '@shared/errors';
import type { OrderStore } from '../orders/order-store';
import { machineTimeZone } from '../orders/local-time';
import { toExportRow } from './export-columns';
import { csvWriter, jsonlWriter, xlsxWriter, type RowWriter } from './row-writers';

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

function writerFor(input: ExportInput, path: string, delimiter: ';' | ','): RowWriter {
  switch (input.format) {
    case 'csv':
      return csvWriter(path, delimiter);
    case 'xlsx':
      return xlsxWriter(path);
    case 'jsonl':
      return jsonlWriter(path);
    default:
      throw new PosError('invalid_input', `unknown export format: ${String((input as { format: unknown }).format)}`);
  }
}

function canceled(): PosError {
  return new PosError('busy', 'Export canceled.');
}

/**
 * Streams the journal into a file. Writes a temporary file next to the destination and
 * renames it only when complete, so the owner never finds half an export under the real
 * name; a cancel or failure deletes the partial file. Yields to the event loop as it goes so
 * the counter stays responsive during a large export.
 */
export async function runExport(
  store: OrderStore,
  input: ExportInput,
  destinationPath: string,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  const timeZone = opts.timeZone ?? machineTimeZone();
  const every = Math.max(1, opts.progressEvery ?? 500);
  const signal = opts.signal;
  if (signal?.aborted) throw canceled();

  const total = store.count(input.filter);
  const temp = `${destinationPath}.partial-${randomBytes(4).toString('hex')}`;
  const writer = writerFor(input, temp, input.delimiter ?? opts.delimiter ?? ';');
  const rows = store.iterate(input.filter);
  let done = 0;
  opts.onProgress?.(0, total);
  try {
    for (const order of rows) {
      if (signal?.aborted) throw canceled();
      await writer.write(toExportRow(order, timeZone, store.saleLines(order.orderId)));
      done += 1;
      if (done % every === 0) {
        opts.onProgress?.(done, total);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (signal?.aborted) throw canceled();
    await writer.finish();
    renameSync(temp, destinationPath);
  } catch (err) {
    rows.return?.();
    await writer.abort();
    try {
      unlinkSync(temp);
    } catch {
      // Already gone (or never created): nothing to clean up.
    }
    throw err;
  }
  opts.onProgress?.(done, Math.max(total, done));
  return { rows: done, bytes: statSync(destinationPath).size };
}
