import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * Owner-only access (0600) for files that hold the shop's sales or secrets: the journal and
 * its -wal/-shm, backups, quarantine copies, settings and the key file. Windows keeps its
 * own ACLs (the user's profile folder), where chmod only toggles read-only: skipped there.
 */
export function makePrivate(...paths: string[]): void {
  if (process.platform === 'win32') return;
  for (const p of paths) {
    try {
      if (existsSync(p)) chmodSync(p, 0o600);
    } catch {
      // A file we cannot chmod is one we do not own; opening it will say what is wrong.
    }
  }
}

/** A folder only this user can list or enter (0700). */
export function privateFolder(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    try {
      chmodSync(path, 0o700);
    } catch {
      // as above
    }
  }
  return path;
}
