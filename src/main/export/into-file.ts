import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync } from 'node:fs';
import { exportWriteFailure, isSystemError } from '../datafolder/fs-errors';

/**
 * Writes an export into a temporary file next to the destination, renamed only once
 * complete, so the owner never finds half an export under the real name; a cancel or a
 * failure deletes the partial file. A failure of the destination itself (full, read-only,
 * gone) becomes a typed error the owner can act on; the journal's own failures arrive typed
 * already (toStorageError) and pass through as they are.
 */
export async function intoFile<T>(destinationPath: string, write: (temp: string) => Promise<T>): Promise<T> {
  const temp = `${destinationPath}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const result = await write(temp);
    renameSync(temp, destinationPath);
    return result;
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone (or never created): nothing to clean up.
    }
    throw isSystemError(err) ? exportWriteFailure(destinationPath, err) : err;
  }
}
