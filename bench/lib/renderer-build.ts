import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the app when out/renderer is missing or older than its sources (src/renderer, src/shared). */
export function ensureRendererBuild(root: string, log: (line: string) => void): { built: boolean } {
  const out = join(root, 'out', 'renderer');
  const fresh =
    existsSync(join(out, 'index.html')) &&
    newestMtime(out) >= Math.max(newestMtime(join(root, 'src', 'renderer')), newestMtime(join(root, 'src', 'shared')));
  if (fresh) return { built: false };
  log('building the renderer (out/renderer is missing or older than src/renderer)...');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return { built: true };
}
