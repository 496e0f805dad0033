import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import archiver from 'archiver';
import { firstFailure } from './first-failure';
import { destroyFile } from './row-writers';
import type { ChunkWriter } from './text-export';
import { SHEET_END, sheetStart, staticParts } from './xlsx-parts';

/** The sheet stream holds about this much before it asks to wait. */
const SHEET_BUFFER_BYTES = 1024 * 1024;

/**
 * zlib hands its output back in pieces of this size, each a turn of the event loop; at its
 * default (16 KiB) compression advanced one small piece per turn while the rows were being
 * read, and the export waited on it (2.0 s for 100,000 sales, 1.4 s with 1 MiB).
 */
const ZLIB_CHUNK_BYTES = 1024 * 1024;

/**
 * An .xlsx from rows already written as XML by SQLite (see xlsx-sql.ts), zipped as it goes
 * by archiver (the zip writer exceljs itself uses, on Node's own zlib): the sheet streams
 * through the compressor with backpressure, so memory stays flat however many sales. Takes
 * the sheet's rows as UTF-8 XML, already numbered (see text-export.ts).
 */
export function xlsxTextWriter(path: string, sheetName = 'Orders'): ChunkWriter {
  const file = createWriteStream(path);
  const zip = archiver('zip', { zlib: { chunkSize: ZLIB_CHUNK_BYTES } });
  const sheet = new PassThrough({ highWaterMark: SHEET_BUFFER_BYTES });
  // The zip stops its output when the file fails, so every wait races the first failure.
  const failure = firstFailure(file, zip, sheet);
  zip.pipe(file);
  for (const part of staticParts(sheetName)) zip.append(part.xml, { name: part.name });
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
  sheet.write(sheetStart());

  const send = (bytes: Buffer | string): Promise<void> | undefined =>
    sheet.write(bytes) ? undefined : failure.race(once(sheet, 'drain').then(() => undefined));
  return {
    writeBytes(rows) {
      failure.check();
      return send(rows);
    },
    async finish() {
      failure.check();
      await send(SHEET_END);
      sheet.end();
      await failure.race(Promise.all([zip.finalize(), once(file, 'close')]));
      failure.check();
    },
    async abort() {
      zip.abort();
      sheet.destroy();
      await destroyFile(file);
    },
  };
}
