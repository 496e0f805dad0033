import { closeSync, constants, copyFileSync, fsyncSync, openSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makePrivate, privateFolder } from '../datafolder/private-files';
import { existingJournalFiles } from './journal-files';

export const QUARANTINE_FOLDER = 'quarantine';

/** `2026-11-25T07-44-02-123Z`: an ISO time that is safe in a file name on every OS. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the journal and its -wal/-shm, byte for byte, into a new folder under
 * `<dataDir>/quarantine/`, before anything that could change them: a damaged journal is
 * evidence, and its -wal may hold the newest paid sales, which SQLite would merge into the
 * damaged file (and then delete) if a writable connection closed on it. The copies are
 * checked against the originals' sizes and synced to disk; nothing is deleted here.
 * Copy-on-write file systems clone instead of copying, so even a large journal is quick.
 */
export function quarantineJournal(
  dataDir: string,
  file: string,
  reason: string,
  detail: string,
  at: Date,
): { dir: string; files: { name: string; bytes: number }[] } {
  const dir = privateFolder(join(privateFolder(join(dataDir, QUARANTINE_FOLDER)), `${fileStamp(at)}-${reason}`));
  const files: { name: string; bytes: number }[] = [];
  for (const source of existingJournalFiles(file)) {
    const target = join(dir, basename(source));
    copyFileSync(source, target, constants.COPYFILE_FICLONE);
    makePrivate(target);
    const bytes = statSync(source).size;
    if (statSync(target).size !== bytes) throw new Error(`the copy of ${source} is incomplete`);
    fsyncFile(target);
    files.push({ name: basename(source), bytes });
  }
  const about = join(dir, 'about.json');
  writeFileSync(about, `${JSON.stringify({ reason, detail, at: at.toISOString(), journal: file, files }, null, 2)}\n`, {
    mode: 0o600,
  });
  return { dir, files };
}
