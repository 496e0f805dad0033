import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../settings/atomic-file';

/** The last background check's verdict, so a damaged journal stays closed after a restart. */
const MARKER_FILE = 'journal-check.json';

export interface CheckMarker {
  version: 1;
  verdict: 'ok' | 'damaged';
  at: string;
  detail: string | null;
  quarantineDir: string | null;
  /** The journal file the verdict is about: another file in its place is checked afresh. */
  ino: string;
}

export function inoOf(path: string): string {
  try {
    return statSync(path, { bigint: true }).ino.toString();
  } catch {
    return '';
  }
}

export function readMarker(dataDir: string): CheckMarker | null {
  try {
    const m = JSON.parse(readFileSync(join(dataDir, MARKER_FILE), 'utf8')) as CheckMarker;
    return m.version === 1 ? m : null;
  } catch {
    return null;
  }
}

/** Throws what the file system said; the caller decides whether that matters. */
export function writeMarker(dataDir: string, journalFile: string, m: Omit<CheckMarker, 'version' | 'ino'>): void {
  writeFileAtomic(
    join(dataDir, MARKER_FILE),
    JSON.stringify({ version: 1, ...m, ino: inoOf(journalFile) } satisfies CheckMarker),
  );
}

export function forgetMarker(dataDir: string): void {
  rmSync(join(dataDir, MARKER_FILE), { force: true });
}
