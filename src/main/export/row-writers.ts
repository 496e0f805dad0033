import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { ExportRow } from './export-columns';

/**
 * One output format: items go in one at a time. write() returns a promise only when the
 * file asks to wait (backpressure), so a million rows do not cost a million awaits.
 */
export interface RowWriter<T = ExportRow> {
  write(item: T): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Stops writing and resolves once the file is closed, so the caller can delete it for good. */
  abort(): Promise<void>;
}

async function drained(stream: WriteStream): Promise<void> {
  await once(stream, 'drain');
}

/** Destroying a stream whose open is still pending creates the file afterwards: wait for the close. */
export async function destroyFile(file: WriteStream): Promise<void> {
  if (file.closed) return;
  const closed = once(file, 'close').catch(() => undefined);
  file.destroy();
  await closed;
}

export async function closeFile(file: WriteStream): Promise<void> {
  if (file.closed) return;
  await new Promise<void>((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}

export function jsonlWriter(path: string): RowWriter {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  file.on('error', (e) => (failure = e));
  return {
    write(row) {
      if (failure) throw failure;
      return file.write(`${JSON.stringify(row)}\n`) ? undefined : drained(file);
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
