import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');
export const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * These tests load the BUILT bundles, the files Electron would run. Rebuild when a bundle
 * is missing or older than its sources, so a test never passes against stale output.
 */
export function ensureBuilt(): void {
  const sources = Math.max(...['src/main', 'src/preload', 'src/shared'].map((d) => newestMtime(join(ROOT, d))));
  const fresh = [MAIN_BUNDLE, PRELOAD_BUNDLE].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
  if (fresh) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  // The renderer is built last; main and preload are what these tests need.
  const built = [MAIN_BUNDLE, PRELOAD_BUNDLE].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
  if (!built)
    throw new Error(
      `electron-vite build did not produce fresh main and preload bundles:\n${r.stdout}\n${r.stderr}`.slice(0, 6000),
    );
}
