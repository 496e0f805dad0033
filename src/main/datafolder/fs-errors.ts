import { PosError } from '@shared/errors';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The kind of a file system failure, as far as the person at the counter can act on it. */
export function fsFailureKind(err: unknown): 'disk_full' | 'read_only' | 'io' {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (FULL.has(code)) return 'disk_full';
  if (READ_ONLY.has(code)) return 'read_only';
  return 'io';
}

/**
 * A failed write to the data folder as a typed error: the renderer shows a sentence for the
 * code, the message names the file and what to do. Never the stack.
 */
export function writeFailure(what: string, file: string, err: unknown): PosError {
  const kind = fsFailureKind(err);
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
  if (kind === 'disk_full')
    return new PosError(
      'disk_full',
      `${what} could not be saved: the disk is full (${file}). Free some space and try again.`,
    );
  if (kind === 'read_only')
    return new PosError(
      'read_only',
      `${what} could not be saved: the data folder cannot be written (${file}, ${code}). Check that the disk is not read-only and that this user may write there.`,
    );
  return new PosError('database', `${what} could not be saved (${file}, ${code}). Nothing was changed.`);
}

/** A failure of the operating system (it carries errno's code and the call that failed), not of SQLite or of our code. */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  const e = err as NodeJS.ErrnoException | null;
  return typeof e?.code === 'string' && typeof e.syscall === 'string';
}

const GONE = new Set(['ENOENT', 'ENOTDIR']);
const NOT_A_FILE = new Set(['EISDIR', 'ENAMETOOLONG', 'EINVAL']);

/**
 * A failed write to the place the owner chose for an export (a USB stick, a shared folder):
 * unlike the data folder, the fix is usually another place, so each kind says so. The code
 * picks the owner's sentence; the message (English, for support) names the file and errno.
 */
export function exportWriteFailure(file: string, err: unknown): PosError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
  const kind = fsFailureKind(err);
  if (kind === 'disk_full')
    return new PosError(
      'export_disk_full',
      `The export could not be written: no room left there, or the file is too large for that disk (${file}, ${code}). Free some space or choose another place.`,
    );
  if (kind === 'read_only' || NOT_A_FILE.has(code))
    return new PosError(
      'export_not_writable',
      `The export could not be written: this folder cannot be written (${file}, ${code}). Choose another folder.`,
    );
  if (GONE.has(code))
    return new PosError(
      'export_folder_missing',
      `The export could not be written: the folder is not there any more (${file}, ${code}). Plug the disk back in or choose another folder.`,
    );
  return new PosError(
    'export_write_failed',
    `The export could not be written (${file}, ${code}). Try again or choose another place.`,
  );
}
