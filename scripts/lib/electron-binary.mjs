// Where Electron's executable is, read the way Electron's own index.js reads it (path.txt
// names the binary inside dist/). Never `require('electron')` here: from Electron 42 on that
// starts a download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/electron, or null when the package is not installed. */
export function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The executable path.txt names, or null when it is not on disk.
 * @param {string | null} dir node_modules/electron
 * @returns {string | null}
 */
export function electronBinary(dir) {
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = join(dir, 'dist', relative);
  return relative.length > 0 && existsSync(binary) ? binary : null;
}
