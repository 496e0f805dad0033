import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Reads a file (and its write-ahead log, when present) from start to end and drops the
 * bytes, so the system holds its pages in memory. The journal's timings are stated for a
 * warm cache, but a "just read" file does not stay read: virtual machines reclaim memory
 * their guest has not touched lately (on the bench machine a kernel thread, kdamond, took
 * the page cache from 3.0 to 1.2 GiB within minutes), and an export that finds half the
 * journal on disk measured the disk. Both sides of each comparison are warmed the same way.
 */
export function warmFile(file: string): void {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (const path of [file, `${file}-wal`]) {
    if (!existsSync(path)) continue;
    const fd = openSync(path, 'r');
    try {
      while (readSync(fd, buffer, 0, CHUNK_BYTES, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}
