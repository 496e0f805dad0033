import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/**
 * better-sqlite3 is a native module, and a native module loads only in the runtime it was
 * compiled for: `npm install` builds it for Node (tests, the browser harness), while
 * Electron loads only its own module version (Electron 45: 150, Node 20: 115). So there are
 * two builds, each in its own place, and the one to load is decided here, at start:
 *
 * - plain Node: nothing to choose, better-sqlite3 loads its own build from node_modules;
 * - `npm start` / `npm run dev`: the Electron build that scripts/prepare-electron-sqlite.ts
 *   put in a cache folder under the app folder, with a record of what it was built for;
 * - the packaged app: the build electron-builder rebuilt for Electron inside the package,
 *   unpacked from the archive because a .node file cannot be loaded from inside one.
 */

/** Below the app folder: outside node_modules/better-sqlite3, so the Node build stays untouched. */
export const ELECTRON_SQLITE_CACHE = ['node_modules', '.cache', 'pakasir-pos', 'better-sqlite3-electron'] as const;
export const ADDON_FILE = 'better_sqlite3.node';
/** Written beside a prepared build: what it was built for, so a stale build is never loaded. */
export const BUILD_RECORD_FILE = 'build-record.json';

export interface SqliteRuntime {
  /** process.versions.electron: set only inside Electron. */
  electronVersion: string | undefined;
  /** process.versions.modules: the native module version this runtime loads. */
  modulesVersion: string;
  /** app.getAppPath(): the project folder under `npm start`, resources/app.asar when packaged. */
  appPath: string;
  isPackaged: boolean;
  platform: string;
  arch: string;
}

export interface NativeBinding {
  path: string;
  source: 'prepared' | 'packaged';
}

export interface BuildRecord {
  modules: string;
  platform: string;
  arch: string;
  electron: string;
  betterSqlite3: string;
}

export function electronSqliteDir(root: string, modules: string, platform: string, arch: string): string {
  return join(root, ...ELECTRON_SQLITE_CACHE, `electron-v${modules}-${platform}-${arch}`);
}

/** The addon the journal must load, or null where better-sqlite3's own (Node) build is right. */
export function nativeBindingFor(rt: SqliteRuntime): NativeBinding | null {
  if (!rt.electronVersion) return null;
  if (rt.isPackaged) {
    // electron-builder's asarUnpack puts every .node file in app.asar.unpacked.
    const base = rt.appPath.endsWith('.asar') ? `${rt.appPath}.unpacked` : rt.appPath;
    return { path: join(base, 'node_modules', 'better-sqlite3', 'build', 'Release', ADDON_FILE), source: 'packaged' };
  }
  return {
    path: join(electronSqliteDir(rt.appPath, rt.modulesVersion, rt.platform, rt.arch), ADDON_FILE),
    source: 'prepared',
  };
}

export function readBuildRecord(dir: string): BuildRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, BUILD_RECORD_FILE), 'utf8')) as Partial<BuildRecord>;
    const fields = ['modules', 'platform', 'arch', 'electron', 'betterSqlite3'] as const;
    return fields.every((f) => typeof parsed[f] === 'string') ? (parsed as BuildRecord) : null;
  } catch {
    return null;
  }
}

/** Why a recorded build cannot serve `want`, or null when it can. Electron's patch version does not matter: its module version does. */
export function recordMismatch(
  record: BuildRecord | null,
  want: Pick<BuildRecord, 'modules' | 'platform' | 'arch'> & { betterSqlite3?: string },
): string | null {
  if (!record) return 'it has no build record';
  if (record.modules !== want.modules) return `it was built for module version ${record.modules}, not ${want.modules}`;
  if (record.platform !== want.platform || record.arch !== want.arch)
    return `it was built for ${record.platform}-${record.arch}, not ${want.platform}-${want.arch}`;
  if (want.betterSqlite3 !== undefined && record.betterSqlite3 !== want.betterSqlite3)
    return `it was built from better-sqlite3 ${record.betterSqlite3}, not ${want.betterSqlite3}`;
  return null;
}

/** One sentence a person can act on; the loader's own error stays in `cause` for the log. */
export class NativeBindingError extends Error {
  constructor(
    message: string,
    /** Which build was wanted: the start-up dialog words its advice for a shop or for `npm start`. */
    readonly source: NativeBinding['source'],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NativeBindingError';
  }
}

const PACKAGED_SENTENCE =
  'Pakasir POS is not installed completely (its database module is missing or does not fit this computer): install Pakasir POS again.';

function preparedSentence(binding: NativeBinding, rt: SqliteRuntime, problem: string): string {
  const where = relative(rt.appPath, binding.path) || binding.path;
  return `Electron's own SQLite build (${where}) ${problem}: run \`npm start\` once with internet access to prepare it.`;
}

/**
 * Checks the chosen addon and loads it once, so a missing or mismatched build is one
 * sentence here rather than a stack trace from the first journal open (which would also be
 * mistaken for a damaged journal). better-sqlite3 then finds it in the require cache.
 */
export function loadNativeBinding(
  binding: NativeBinding,
  rt: SqliteRuntime,
  load: (path: string) => unknown = (path) => createRequire(path)(path),
): string {
  const fail = (problem: string, cause?: unknown): NativeBindingError =>
    new NativeBindingError(
      binding.source === 'packaged' ? PACKAGED_SENTENCE : preparedSentence(binding, rt, problem),
      binding.source,
      cause === undefined ? undefined : { cause },
    );
  if (!existsSync(binding.path)) throw fail('is missing');
  if (binding.source === 'prepared') {
    const mismatch = recordMismatch(readBuildRecord(dirname(binding.path)), {
      modules: rt.modulesVersion,
      platform: rt.platform,
      arch: rt.arch,
    });
    if (mismatch) throw fail(`does not fit this Electron (${mismatch})`);
  }
  try {
    load(binding.path);
  } catch (err) {
    throw fail('could not be loaded', err);
  }
  return binding.path;
}

let sqliteModule: string | null = null;

/**
 * better-sqlite3's JavaScript entry, for worker threads given their code as source: they
 * cannot resolve packages from where they run, so main resolves it once and passes the path
 * (with the native binding to load, which is what differs under Electron).
 */
export function sqliteModulePath(): string {
  sqliteModule ??= createRequire(import.meta.url).resolve('better-sqlite3');
  return sqliteModule;
}
