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
