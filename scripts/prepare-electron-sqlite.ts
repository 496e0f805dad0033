// `npm start` / `npm run dev` (after ensure-electron.mjs): make sure better-sqlite3 built for
// this Electron is in its cache folder. Quiet and instant when it already is; otherwise one
// download or build, then a check that Electron itself loads the result.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { electronBinary, electronDir } from './lib/electron-binary.mjs';
import { PrepareError, prepareElectronSqlite } from './lib/prepare-electron-sqlite';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const run = promisify(execFile);

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

/** Electron itself, as Node: the one authority on which module version it loads. */
async function inElectron(binary: string, code: string): Promise<string> {
  const { stdout } = await run(binary, ['-e', code], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  return stdout.trim();
}

async function main(): Promise<void> {
  const dir = electronDir();
  const binary = electronBinary(dir);
  if (!dir || !binary) fail('Electron is not installed yet: run `npm start`, which downloads it first.');
  const electronVersion = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // Electron ships its module version beside the binary; asking the binary is the fallback.
  const abiFile = join(dir, 'abi_version');
  const modules = existsSync(abiFile)
    ? readFileSync(abiFile, 'utf8').trim()
    : await inElectron(binary, 'process.stdout.write(process.versions.modules)');
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = (JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')) as { version: string })
    .version;

  const result = await prepareElectronSqlite({
    root,
    electron: { version: electronVersion, modules },
    betterSqlite3: { dir: sqliteDir, version: sqliteVersion },
    platform: process.platform,
    arch: process.arch,
    log: (line) => console.log(line),
    build: async ({ appDir }) => {
      // An npm nodedir setting would point node-gyp at Node's headers and yield a Node build.
      const env = { ...process.env };
      delete env.npm_config_nodedir;
      const child = join(root, 'scripts', 'lib', 'electron-rebuild-child.mjs');
      try {
        await run(process.execPath, [child, appDir, electronVersion, process.arch], {
          env,
          timeout: 30 * 60_000,
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch (err) {
        // execFile's message already carries stderr; stdout holds the rest of the story.
        const { stdout = '' } = err as { stdout?: string };
        throw new Error(`${(err as Error).message}\n${stdout}`, { cause: err });
      }
    },
    verify: (addon) =>
      inElectron(binary, `require(${JSON.stringify(addon)}); process.stdout.write(process.versions.modules)`),
  });
  if (result.state === 'built') console.log(`SQLite for Electron is ready: ${result.path}`);
}

main().catch((err: unknown) => {
  if (err instanceof PrepareError) fail(err.message);
  fail(
    `SQLite for Electron could not be written to node_modules/.cache (${err instanceof Error ? err.message : String(err)}): close Pakasir POS and run \`npm start\` again.`,
  );
});
