import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { firstFailure } from './first-failure';
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
  const failure = firstFailure(file);
  const send = (bytes: Buffer | string, written?: () => void): Promise<void> | undefined =>
    file.write(bytes, (err) => {
      if (!err) written?.();
    })
      ? undefined
      : failure.race(once(file, 'drain').then(() => undefined));
  send(`\uFEFF${header}\r\n`);
  return {
    // `written` runs once the records are in the file: their memory can be filled again.
    writeBytes(records, written) {
      failure.check();
      return send(records, written);
    },
    async finish() {
      failure.check();
      await failure.race(closeFile(file));
      failure.check();
    },
    abort() {
      return destroyFile(file);
    },
  };
}
