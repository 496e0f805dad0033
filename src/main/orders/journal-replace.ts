import { closeSync, constants, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { makePrivate } from '../datafolder/private-files';
import { journalFiles } from './journal-files';

/** Removes the journal and its side files (the caller kept a copy first). */
export function removeJournal(file: string): void {
  for (const f of journalFiles(file)) rmSync(f, { force: true });
}

/**
 * Puts a copy of `source` in the journal's place: copied and synced under a temporary name
 * first, the old files removed, the copy renamed last. A crash before the rename leaves no
 * journal (the next start says so and offers the restore again), never half of one.
 */
export function replaceJournal(file: string, source: string): void {
  const tmp = `${file}.restoring`;
  rmSync(tmp, { force: true });
  copyFileSync(source, tmp, constants.COPYFILE_FICLONE);
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  makePrivate(tmp);
  removeJournal(file);
  renameSync(tmp, file);
}
