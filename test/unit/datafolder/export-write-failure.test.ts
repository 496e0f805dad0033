import { describe, expect, it } from 'vitest';
import { exportWriteFailure, isSystemError } from '../../../src/main/datafolder/fs-errors';

/** errno's failure as Node raises it, for the codes root cannot cause here (permissions, a read-only mount, EIO). */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '/media/stick/x.csv'`), { code, syscall: 'open' });
}

describe('an export destination failure, as the owner can act on it', () => {
  it.each([
    ['ENOSPC', 'export_disk_full'],
    ['EDQUOT', 'export_disk_full'],
    ['EFBIG', 'export_disk_full'],
    ['EROFS', 'export_not_writable'],
    ['EACCES', 'export_not_writable'],
    ['EPERM', 'export_not_writable'],
    ['EISDIR', 'export_not_writable'],
    ['ENAMETOOLONG', 'export_not_writable'],
    ['ENOENT', 'export_folder_missing'],
    ['ENOTDIR', 'export_folder_missing'],
    ['EIO', 'export_write_failed'],
  ])('%s is %s, naming the file and the errno for support', (errno, code) => {
    const err = exportWriteFailure('/media/stick/x.csv', systemError(errno));
    expect(err.code).toBe(code);
    expect(err.message).toContain('/media/stick/x.csv');
    expect(err.message).toContain(errno);
    expect(err.message).not.toMatch(/\n\s+at /);
  });

  it('only errno failures are the destination’s: SQLite’s and our own errors are not', () => {
    expect(isSystemError(systemError('ENOSPC'))).toBe(true);
    expect(isSystemError(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))).toBe(false);
    expect(isSystemError(new Error('plain'))).toBe(false);
    expect(isSystemError(null)).toBe(false);
  });
});
