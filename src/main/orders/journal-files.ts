import { existsSync } from 'node:fs';

/** SQLite's side files: the write-ahead log holds committed sales not yet in the main file. */
export const SIDE_SUFFIXES = ['-wal', '-shm'] as const;

/** The journal and its side files, in that order (existing or not). */
export function journalFiles(file: string): string[] {
  return [file, ...SIDE_SUFFIXES.map((s) => `${file}${s}`)];
}

export function existingJournalFiles(file: string): string[] {
  return journalFiles(file).filter((f) => existsSync(f));
}
