import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronBinary } from '../../scripts/lib/electron-binary.mjs';
import { ADDON_FILE, electronSqliteDir } from '../../src/main/orders/native-binding';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The Electron executable, or why there is none. Reads path.txt and dist directly: a plain
 * `require('electron')` would start a download, which a machine without internet cannot make.
 */
export function findElectron(): { path: string } | { reason: string } {
  const path = electronBinary(join(ROOT, 'node_modules/electron'));
  return path
    ? { path }
    : { reason: "Electron's binary is not installed on this machine (`npm run electron:prepare` downloads it)" };
}

/** The SQLite build `npm start` prepares for this Electron, or null when it is not there. */
export function preparedSqlite(): string | null {
  const abi = join(ROOT, 'node_modules/electron/abi_version');
  if (!existsSync(abi)) return null;
  const file = join(
    electronSqliteDir(ROOT, readFileSync(abi, 'utf8').trim(), process.platform, process.arch),
    ADDON_FILE,
  );
  return existsSync(file) ? file : null;
}
