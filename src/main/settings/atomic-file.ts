import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write-then-rename, so a crash or power cut leaves either the old file or the new one,
 * never half of each. The temp name carries the pid so two processes cannot collide. A
 * failed write removes its temp file (a full disk must not fill up with half-written
 * copies), and the folder is synced after the rename so the new name survives a power cut.
 * Throws the file system's error unchanged; callers turn it into a message.
 */
export function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w', mode);
    // writeFileSync on a descriptor loops until every byte is written (writeSync may not).
    writeFileSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the original error is the one worth reporting
      }
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(dirname(path));
}

/** fsync on the folder makes a rename durable on POSIX; Windows cannot open a folder for it. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the data itself is already synced.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
