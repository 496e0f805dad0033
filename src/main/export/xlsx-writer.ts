import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import archiver from 'archiver';
import { ByteChunks } from './byte-chunks';
import type { RowWriter } from './row-writers';
import { SHEET_END, sheetStart, staticParts } from './xlsx-parts';
import { ROW_MARK } from './xlsx-sql';

/** The sheet stream holds about one chunk before it asks to wait. */
const CHUNK_BYTES = 256 * 1024;

/**
 * An .xlsx from rows already written as XML by SQLite (see xlsx-sql.ts), zipped as it goes
 * by archiver (the zip writer exceljs itself uses, on Node's own zlib): the sheet streams
 * through the compressor with backpressure, so memory stays flat however many sales.
 */
export function xlsxTextWriter(path: string, sheetName = 'Orders'): RowWriter<string> {
  const file = createWriteStream(path);
  const zip = archiver('zip');
  const sheet = new PassThrough({ highWaterMark: CHUNK_BYTES });
  let failure: Error | null = null;
  const fail = (e: Error) => (failure ??= e);
  file.on('error', fail);
  zip.on('error', fail);
  sheet.on('error', fail);
  zip.pipe(file);
  for (const part of staticParts(sheetName)) zip.append(part.xml, { name: part.name });
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });

  let row = 1;
  const chunks = new ByteChunks(CHUNK_BYTES);
  chunks.add(sheetStart());
  const send = (ready: Buffer[]): Promise<void> | undefined => {
    let full = false;
    for (const chunk of ready) full = !sheet.write(chunk) || full;
    return full ? once(sheet, 'drain').then(() => undefined) : undefined;
  };
  return {
    write(xml) {
      if (failure) throw failure;
      row += 1;
      return send(chunks.add(xml.replaceAll(ROW_MARK, String(row))));
    },
    async finish() {
      if (failure) throw failure;
      chunks.add(SHEET_END);
      await send([chunks.take()]);
      sheet.end();
      const closed = once(file, 'close');
      await zip.finalize();
      await closed;
      if (failure) throw failure;
    },
    async abort() {
      zip.abort();
      sheet.destroy();
      if (file.closed) return;
      const closed = once(file, 'close').catch(() => undefined);
      file.destroy();
      await closed;
    },
  };
}
