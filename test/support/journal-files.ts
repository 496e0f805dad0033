import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Real damage for real files: helpers that look at and overwrite pages of an SQLite journal. */
export function sha(file: string, bytes?: number): string {
  const data = readFileSync(file);
  return createHash('sha256')
    .update(bytes === undefined ? data : data.subarray(0, bytes))
    .digest('hex');
}

export function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : -1;
}

/** Page numbers of a table's leaf pages as SQLite sees them now (through the -wal too). */
export function leafPages(file: string, table: string): { pageSize: number; pages: number[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = (
      db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as {
        pageno: number;
      }[]
    ).map((r) => r.pageno);
    return { pageSize, pages };
  } finally {
    db.close();
  }
}

/** Overwrites whole pages of the main file (not its -wal) with a pattern SQLite cannot read. */
export function scribblePages(file: string, pageSize: number, pages: number[]): void {
  const fd = openSync(file, 'r+');
  try {
    for (const p of pages) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (p - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites the first bytes of the file: its SQLite header is gone. */
export function scribbleHeader(file: string, bytes = 100): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, 0), 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
}

export function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}
