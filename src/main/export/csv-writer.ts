import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { closeFile, destroyFile } from './row-writers';
import type { ChunkWriter } from './text-export';

/**
 * A CSV file from records already formatted by SQLite, each ended by CRLF (see csv-sql.ts):
 * a byte-order mark so Excel reads the file as UTF-8 (names like "Kopi Susu ☕" stay intact),
 * the header, then the records as the reader hands them over, with the file's backpressure,
 * so memory stays flat however long the journal is.
 */
export function csvFileWriter(path: string, header: string): ChunkWriter {
  const file = createWriteStream(path);
  let failure: Error | null = null;
  // A file that fails mid-way (a full disk) never drains: every wait races the first failure.
  let failed!: (e: Error) => void;
  const firstFailure = new Promise<never>((_, reject) => (failed = reject));
  firstFailure.catch(() => undefined);
  file.on('error', (e) => {
    if (failure) return;
    failure = e;
    failed(e);
  });
  const send = (bytes: Buffer | string, written?: () => void): Promise<void> | undefined =>
    file.write(bytes, (err) => {
      if (!err) written?.();
    })
      ? undefined
      : Promise.race([once(file, 'drain').then(() => undefined), firstFailure]);
  send(`\uFEFF${header}\r\n`);
  return {
    // `written` runs once the records are in the file: their memory can be filled again.
    writeBytes(records, written) {
      if (failure) throw failure;
      return send(records, written);
    },
    async finish() {
      if (failure) throw failure;
      await Promise.race([closeFile(file), firstFailure]);
      if (failure) throw failure;
    },
    abort() {
      return destroyFile(file);
    },
  };
}
