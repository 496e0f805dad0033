import { DataFolderReadOnlyError, lockDataFolder, type FolderLock } from '../datafolder/folder-lock';
import { loadInstallIdentity, newInstallId, readInstallIdentity, type InstallIdentity } from '../datafolder/install-id';
import { createLogger, type Logger } from '../log/logger';
import type { AppServicesOptions } from './service-types';

/** The data folder lock, or why it could not be taken because the folder cannot be written. */
export interface FolderAccess {
  held: FolderLock | null;
  readOnly: string | null;
}

/**
 * Takes the data folder lock (again, when not held). A second copy of the app is an error
 * for the shell to show; a folder that cannot be written is not: the app then starts
 * without the lock, never opens the journal, and the owner's screen says what is wrong.
 */
export function takeFolder(
  options: AppServicesOptions,
  state: FolderAccess = { held: null, readOnly: null },
): FolderAccess {
  if (state.held) return state;
  try {
    state.held = lockDataFolder(options.dataDir, { shell: options.shell }, { nativeBinding: options.sqliteBinding });
    state.readOnly = null;
  } catch (err) {
    if (!(err instanceof DataFolderReadOnlyError)) throw err;
    state.readOnly = err.message;
  }
  return state;
}

/** Logs to the data folder, or only to stderr when the folder cannot be written. */
export function startLogger(options: AppServicesOptions, access: FolderAccess): Logger {
  const stderr = options.quiet ? false : process.stderr;
  if (!access.readOnly) {
    try {
      return createLogger({ dataDir: options.dataDir, stderr });
    } catch {
      // fall through: a log folder that cannot be created must not stop the till
    }
  }
  return createLogger({ stderr });
}

/** The install id; in a folder that cannot be written, as stored (nothing is written). */
export function installIdentity(options: AppServicesOptions, access: FolderAccess, now: () => Date): InstallIdentity {
  if (!access.readOnly) return loadInstallIdentity(options.dataDir, { now });
  return readInstallIdentity(options.dataDir) ?? { installId: newInstallId(), renewed: null, journalCreatedAt: null };
}
