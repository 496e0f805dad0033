import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The Electron executable, or why there is none. Reads path.txt and dist directly: a plain
 * `require('electron')` would start a download, which these machines cannot make.
 */
export function findElectron(): { path: string } | { reason: string } {
  const dir = join(ROOT, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; see scripts/ensure-electron.mjs)',
    };
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path)) return { reason: `the Electron binary named in path.txt is missing: ${path}` };
  return { path };
}
