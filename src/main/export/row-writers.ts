import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { ByteChunks } from './byte-chunks';
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

/**
 * CSV from records already formatted by SQLite (see csv-sql.ts): a byte-order mark so Excel
 * reads the file as UTF-8 (names like "Kopi Susu ☕" stay intact), the header, then each
 * record ended by CRLF. Records are gathered into large chunks and written with the file's
 * backpressure, so memory stays flat however long the journal is.
 */
export function csvTextWriter(path: string, header: string): RowWriter<string> {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  file.on('error', (e) => (failure = e));
  const chunks = new ByteChunks();
  chunks.add(`\uFEFF${header}\r\n`);
  const send = (ready: Buffer[]): Promise<void> | undefined => {
    let full = false;
    for (const chunk of ready) full = !file.write(chunk) || full;
    return full ? drained(file) : undefined;
  };
  return {
    write(line) {
      if (failure) throw failure;
      return send(chunks.add(`${line}\r\n`));
    },
    async finish() {
      if (failure) throw failure;
      await send([chunks.take()]);
      await closeFile(file);
      if (failure) throw failure;
    },
    abort() {
      return destroyFile(file);
    },
  };
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
