// `npm run dist`: build, then package the installers with electron-builder (extra arguments
// go to electron-builder, e.g. `npm run dist -- --linux AppImage`).
//
// electron-builder's npmRebuild rebuilds better-sqlite3 for Electron in place, inside
// node_modules; afterwards the tests and the browser harness would find a module Node cannot
// load. So the Node build is set aside first and put back after, and @electron/rebuild's
// marker (.forge-meta) is removed: left behind, it would make the next packaging skip the
// rebuild and ship the Node build. Finally the package must hold the module where the app
// looks for it (src/main/orders/native-binding.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBin } from './lib/node-bin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const release = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release');
const addon = join(release, 'better_sqlite3.node');
const marker = join(release, '.forge-meta');
const kept = join(root, 'node_modules', '.cache', 'pakasir-pos', 'node-build', 'better_sqlite3.node');
const PACKAGED = [
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
].join(sep);

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

function run(command) {
  const [cmd, ...args] = command;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.error ? 1 : (r.status ?? 1);
}

function restoreNodeBuild() {
  // A new file, never a write into whatever inode the rebuild left (node-gyp hard-links it).
  rmSync(addon, { force: true });
  copyFileSync(kept, addon);
  rmSync(marker, { force: true });
}

if (!existsSync(addon)) fail('better-sqlite3 is not built in node_modules: run `npm install` first.');
// A marker at the start means an interrupted packaging left Electron's build here.
if (existsSync(marker) && existsSync(kept)) restoreNodeBuild();
mkdirSync(dirname(kept), { recursive: true });
copyFileSync(addon, kept);

let status = run([...nodeBin('electron-vite'), 'build']);
let rebuiltFor = null;
if (status === 0) {
  try {
    status = run([...nodeBin('electron-builder'), '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
    rebuiltFor = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
  } finally {
    restoreNodeBuild();
  }
}
if (status !== 0) process.exit(status);

if (!rebuiltFor)
  fail(
    'Packaging did not rebuild better-sqlite3 for Electron (npmRebuild), so the installers would not open their database: check electron-builder.yml and run `npm run dist` again.',
  );
const dist = join(root, 'dist');
const packaged = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((rel) => rel.endsWith(PACKAGED));
if (packaged.length === 0)
  fail(
    `The packaged app has no ${PACKAGED.split(sep).join('/')}, where it loads its database module: check asarUnpack in electron-builder.yml.`,
  );
console.log(`SQLite for Electron (${rebuiltFor}) packaged: ${packaged.map((p) => join('dist', p)).join(', ')}`);
console.log('The Node build of better-sqlite3 is back in node_modules for the tests and the browser harness.');
