import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  ADDON_FILE,
  BUILD_RECORD_FILE,
  ELECTRON_SQLITE_CACHE,
  electronSqliteDir,
  readBuildRecord,
  recordMismatch,
  type BuildRecord,
} from '../../src/main/orders/native-binding';

/**
 * Prepares better-sqlite3 for Electron in its own cache folder (see
 * src/main/orders/native-binding.ts for why there are two builds). The module is built in a
 * staging copy, so node_modules/better-sqlite3 keeps the Node build that tests and the
 * browser harness load. The build record is written last: its presence vouches for the file.
 */
export interface PrepareOptions {
  /** The project folder (app.getAppPath() under `npm start`). */
  root: string;
  electron: { version: string; modules: string };
  betterSqlite3: { dir: string; version: string };
  platform: string;
  arch: string;
  /** Makes `<appDir>/node_modules/better-sqlite3/build/Release/better_sqlite3.node` for Electron. */
  build: (stage: { appDir: string; moduleDir: string }) => Promise<void>;
  /** Loads the built file in Electron itself and answers the module version it ran with. */
  verify: (addon: string) => Promise<string>;
  log?: (line: string) => void;
}

export type PrepareResult = { state: 'cached' | 'built'; path: string };

export class PrepareError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrepareError';
  }
}

/** Where the details of a failed preparation go; the terminal gets one sentence. */
export const prepareLogFile = (root: string): string => join(root, ...ELECTRON_SQLITE_CACHE, 'prepare.log');

export async function prepareElectronSqlite(opts: PrepareOptions): Promise<PrepareResult> {
  const dir = electronSqliteDir(opts.root, opts.electron.modules, opts.platform, opts.arch);
  const addon = join(dir, ADDON_FILE);
  const record: BuildRecord = {
    modules: opts.electron.modules,
    platform: opts.platform,
    arch: opts.arch,
    electron: opts.electron.version,
    betterSqlite3: opts.betterSqlite3.version,
  };
  if (existsSync(addon) && recordMismatch(readBuildRecord(dir), record) === null)
    return { state: 'cached', path: addon };

  opts.log?.(
    `Preparing SQLite for Electron ${record.electron} (module version ${record.modules}) once: a prebuilt download, or a local build (needs internet access)...`,
  );
  const parent = join(opts.root, ...ELECTRON_SQLITE_CACHE);
  mkdirSync(parent, { recursive: true });
  const stage = mkdtempSync(join(parent, 'stage-'));
  try {
    const moduleDir = join(stage, 'node_modules', 'better-sqlite3');
    // Sources only: the Node build must not be mistaken for the result.
    cpSync(opts.betterSqlite3.dir, moduleDir, {
      recursive: true,
      filter: (src) => {
        const rel = relative(opts.betterSqlite3.dir, src);
        return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules';
      },
    });
    writeFileSync(
      join(stage, 'package.json'),
      JSON.stringify({
        name: 'electron-sqlite-stage',
        version: '0.0.0',
        private: true,
        dependencies: { 'better-sqlite3': record.betterSqlite3 },
      }),
    );
    try {
      await opts.build({ appDir: stage, moduleDir });
    } catch (err) {
      throw failure(record, opts.root, err);
    }
    const built = join(moduleDir, 'build', 'Release', ADDON_FILE);
    if (!existsSync(built)) throw failure(record, opts.root, new Error(`the build left no ${ADDON_FILE}`));
    let ranWith: string;
    try {
      ranWith = await opts.verify(built);
    } catch (err) {
      throw failure(record, opts.root, err);
    }
    if (ranWith !== record.modules)
      throw failure(record, opts.root, new Error(`Electron runs module version ${ranWith}, not ${record.modules}`));

    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, BUILD_RECORD_FILE), { force: true });
    renameSync(built, join(stage, ADDON_FILE));
    rmSync(addon, { force: true });
    renameSync(join(stage, ADDON_FILE), addon);
    const tmpRecord = join(stage, BUILD_RECORD_FILE);
    writeFileSync(tmpRecord, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(tmpRecord, join(dir, BUILD_RECORD_FILE));
    return { state: 'built', path: addon };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function failure(record: BuildRecord, root: string, cause: unknown): PrepareError {
  const log = prepareLogFile(root);
  try {
    const detail = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
    writeFileSync(
      log,
      `${new Date().toISOString()} Electron ${record.electron}, ${record.platform}-${record.arch}\n${detail}\n`,
    );
  } catch {
    // The sentence below still says what to do.
  }
  return new PrepareError(
    `SQLite for Electron ${record.electron} could not be prepared (no prebuilt copy could be downloaded and building it failed; details in ${relative(root, log)}): connect to the internet, or install Python 3 and a C++ compiler (on Windows the Visual Studio Build Tools), then run \`npm start\` again.`,
    { cause },
  );
}
