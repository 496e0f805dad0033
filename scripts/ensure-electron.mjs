// `npm start` / `npm run dev`: make sure Electron's binary is on disk before electron-vite
// runs it. Electron downloads the binary lazily on its first require, and electron-vite
// preview does not trigger that, so without this step the app fails with a confusing error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** True when path.txt names a binary that exists in dist: the same test Electron's index.js makes. */
export function electronBinaryPresent(dir) {
  if (!dir) return false;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return relative.length > 0 && existsSync(join(dir, 'dist', relative));
}

const dir = electronDir();
if (electronBinaryPresent(dir)) process.exit(0);

if (dir) {
  console.log('Electron binary not found; downloading it once (this needs internet access)...');
  // Output is captured: on failure Electron's installer prints a stack trace that says less
  // than the one sentence below.
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
}

if (!electronBinaryPresent(dir)) {
  console.error(
    'The Electron binary could not be downloaded on this machine; `npm run dev:web` runs the same app in a browser instead.',
  );
  process.exit(1);
}
console.log('Electron binary installed.');
