import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  BUILD_RECORD_FILE,
  NativeBindingError,
  electronSqliteDir,
  loadNativeBinding,
  nativeBindingFor,
  readBuildRecord,
  recordMismatch,
  type SqliteRuntime,
} from '../../../src/main/orders/native-binding';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const ROOT = resolve(import.meta.dirname, '../../..');
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const CACHE = 'node_modules/.cache/pakasir-pos/better-sqlite3-electron';

const electron = (over: Partial<SqliteRuntime> = {}): SqliteRuntime => ({
  electronVersion: '45.4.1',
  modulesVersion: '150',
  appPath: '/home/kasir/pakasir-pos',
  isPackaged: false,
  platform: 'linux',
  arch: 'x64',
  ...over,
});

describe('which SQLite build the journal opens', () => {
  it('plain Node (tests, the browser harness): better-sqlite3 keeps its own build', () => {
    expect(nativeBindingFor(electron({ electronVersion: undefined, modulesVersion: '115' }))).toBeNull();
  });

  it('`npm start`: the build prepared for this module version, platform and arch, under the project', () => {
    expect(nativeBindingFor(electron())).toEqual({
      path: join('/home/kasir/pakasir-pos', CACHE, 'electron-v150-linux-x64', 'better_sqlite3.node'),
      source: 'prepared',
    });
    expect(nativeBindingFor(electron({ platform: 'darwin', arch: 'arm64', modulesVersion: '151' }))!.path).toBe(
      join('/home/kasir/pakasir-pos', CACHE, 'electron-v151-darwin-arm64', 'better_sqlite3.node'),
    );
  });

  it('packaged: the build electron-builder rebuilt, unpacked beside app.asar', () => {
    const resources = '/opt/Pakasir POS/resources';
    expect(nativeBindingFor(electron({ isPackaged: true, appPath: `${resources}/app.asar` }))).toEqual({
      path: join(`${resources}/app.asar.unpacked`, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      source: 'packaged',
    });
    // Packaged without an archive (asar: false) the folder is used as it is.
    expect(nativeBindingFor(electron({ isPackaged: true, appPath: `${resources}/app` }))!.path).toBe(
      join(`${resources}/app`, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    );
  });
});

describe('the build record beside a prepared build', () => {
  const record = { modules: '150', platform: 'linux', arch: 'x64', electron: '45.4.1', betterSqlite3: '12.11.1' };

  it('fits when module version, platform and arch match; a newer Electron patch with the same ABI still fits', () => {
    expect(recordMismatch(record, { modules: '150', platform: 'linux', arch: 'x64' })).toBeNull();
    expect(
      recordMismatch({ ...record, electron: '45.9.0' }, { modules: '150', platform: 'linux', arch: 'x64' }),
    ).toBeNull();
  });

  it('names what does not fit', () => {
    const want = { modules: '150', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };
    expect(recordMismatch(null, want)).toBe('it has no build record');
    expect(recordMismatch({ ...record, modules: '145' }, want)).toBe('it was built for module version 145, not 150');
    expect(recordMismatch({ ...record, arch: 'arm64' }, want)).toBe('it was built for linux-arm64, not linux-x64');
    expect(recordMismatch({ ...record, betterSqlite3: '12.6.2' }, want)).toBe(
      'it was built from better-sqlite3 12.6.2, not 12.11.1',
    );
  });

  it('an unreadable or incomplete record reads as none', () => {
    const dir = tempDir();
    expect(readBuildRecord(dir)).toBeNull();
    writeFileSync(join(dir, BUILD_RECORD_FILE), '{"modules":"150"');
    expect(readBuildRecord(dir)).toBeNull();
    writeFileSync(join(dir, BUILD_RECORD_FILE), JSON.stringify({ modules: '150', platform: 'linux' }));
    expect(readBuildRecord(dir)).toBeNull();
    writeFileSync(join(dir, BUILD_RECORD_FILE), JSON.stringify(record));
    expect(readBuildRecord(dir)).toEqual(record);
  });
});

describe('checking and loading the chosen build', () => {
  /** A prepared cache folder under a fresh "project", holding `file` with `record`. */
  function prepared(rt: SqliteRuntime, file: 'node-build' | 'garbage' | 'none', record?: object) {
    const dir = electronSqliteDir(rt.appPath, rt.modulesVersion, rt.platform, rt.arch);
    mkdirSync(dir, { recursive: true });
    if (file === 'node-build') copyFileSync(NODE_BUILD, join(dir, 'better_sqlite3.node'));
    if (file === 'garbage') writeFileSync(join(dir, 'better_sqlite3.node'), 'not a shared library');
    if (record) writeFileSync(join(dir, BUILD_RECORD_FILE), JSON.stringify(record));
    return nativeBindingFor(rt)!;
  }
  const fits = (rt: SqliteRuntime) => ({
    modules: rt.modulesVersion,
    platform: rt.platform,
    arch: rt.arch,
    electron: '45.4.1',
    betterSqlite3: '12.11.1',
  });
  const where = (rt: SqliteRuntime) =>
    join(CACHE, `electron-v${rt.modulesVersion}-${rt.platform}-${rt.arch}`, 'better_sqlite3.node');

  it('missing: one sentence saying what to run, and nothing is loaded', () => {
    const rt = electron({ appPath: tempDir() });
    const binding = prepared(rt, 'none');
    const loads: string[] = [];
    expect(() => loadNativeBinding(binding, rt, (p) => loads.push(p))).toThrow(
      new NativeBindingError(
        `Electron's own SQLite build (${where(rt)}) is missing: run \`npm start\` once with internet access to prepare it.`,
        'prepared',
      ),
    );
    expect(loads).toEqual([]);
  });

  it('made for another Electron: one sentence, and the stale file is never loaded', () => {
    const rt = electron({ appPath: tempDir() });
    const binding = prepared(rt, 'node-build', { ...fits(rt), modules: '115' });
    const loads: string[] = [];
    expect(() => loadNativeBinding(binding, rt, (p) => loads.push(p))).toThrow(
      `Electron's own SQLite build (${where(rt)}) does not fit this Electron (it was built for module version 115, not 150): run \`npm start\` once with internet access to prepare it.`,
    );
    expect(loads).toEqual([]);
  });

  it('a file the runtime cannot load: one sentence, the loader error kept as the cause', () => {
    const rt = electron({ appPath: tempDir(), modulesVersion: process.versions.modules });
    const binding = prepared(rt, 'garbage', fits(rt));
    let caught: unknown;
    try {
      loadNativeBinding(binding, rt);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NativeBindingError);
    expect((caught as Error).message).toBe(
      `Electron's own SQLite build (${where(rt)}) could not be loaded: run \`npm start\` once with internet access to prepare it.`,
    );
    expect((caught as Error).message).not.toContain('\n');
    expect(((caught as Error).cause as Error).message).toMatch(/invalid ELF header|not a valid|file too short/i);
  });

  it('packaged and missing: tells the shop to install again', () => {
    const rt = electron({ isPackaged: true, appPath: join(tempDir(), 'resources/app.asar') });
    expect(() => loadNativeBinding(nativeBindingFor(rt)!, rt)).toThrow(
      'Pakasir POS is not installed completely (its database module is missing or does not fit this computer): install Pakasir POS again.',
    );
  });

  it('a fitting build loads, and better-sqlite3 opens a database through that file', async () => {
    // Not in tempDir(): Windows cannot delete a library this process still has loaded.
    const rt = electron({
      appPath: mkdtempSync(join(tmpdir(), 'pos-loaded-')),
      modulesVersion: process.versions.modules,
    });
    onTestFinished(() => {
      try {
        rmSync(rt.appPath, { recursive: true, force: true });
      } catch {
        // Windows: the loaded copy stays until the process ends.
      }
    });
    const binding = prepared(rt, 'node-build', fits(rt));
    expect(loadNativeBinding(binding, rt)).toBe(binding.path);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:', { nativeBinding: binding.path });
    expect(db.prepare('SELECT 6 * 7 AS n').get()).toEqual({ n: 42 });
    db.close();
  });
});
