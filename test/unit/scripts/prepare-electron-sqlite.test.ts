import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PrepareError,
  prepareElectronSqlite,
  prepareLogFile,
  type PrepareOptions,
} from '../../../scripts/lib/prepare-electron-sqlite';
import { BUILD_RECORD_FILE, electronSqliteDir, readBuildRecord } from '../../../src/main/orders/native-binding';

/**
 * What `npm start` does before Electron runs: the cache check and the staging around the
 * build. The download or compile itself (@electron/rebuild) needs the internet and
 * Electron's headers, so it is the injected `build`; the check that Electron loads the
 * result is the injected `verify`.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ELECTRON_BUILD = 'an Electron build';
const FAILED =
  'SQLite for Electron 45.4.1 could not be prepared (no prebuilt copy could be downloaded and building it failed; details in node_modules/.cache/pakasir-pos/better-sqlite3-electron/prepare.log): connect to the internet, or install Python 3 and a C++ compiler (on Windows the Visual Studio Build Tools), then run `npm start` again.';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'pos-prepare-'));
  dirs.push(root);
  // better-sqlite3 as npm install leaves it: sources plus the Node build.
  const pkg = join(root, 'node_modules/better-sqlite3');
  mkdirSync(join(pkg, 'build/Release'), { recursive: true });
  mkdirSync(join(pkg, 'src'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(pkg, 'src/better_sqlite3.cpp'), '// sources');
  writeFileSync(join(pkg, 'build/Release/better_sqlite3.node'), 'the Node build');
  const calls = { build: [] as string[][], verify: [] as string[] };
  const options = (over: Partial<PrepareOptions> = {}): PrepareOptions => ({
    root,
    electron: { version: '45.4.1', modules: '150' },
    betterSqlite3: { dir: pkg, version: '12.11.1' },
    platform: 'linux',
    arch: 'x64',
    build: async ({ appDir, moduleDir }) => {
      calls.build.push(readdirSync(moduleDir).sort());
      expect(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).dependencies).toEqual({
        'better-sqlite3': '12.11.1',
      });
      mkdirSync(join(moduleDir, 'build/Release'), { recursive: true });
      writeFileSync(join(moduleDir, 'build/Release/better_sqlite3.node'), ELECTRON_BUILD);
    },
    verify: async (addon) => {
      calls.verify.push(readFileSync(addon, 'utf8'));
      return '150';
    },
    ...over,
  });
  const cache = electronSqliteDir(root, '150', 'linux', 'x64');
  return { root, pkg, cache, calls, options };
}

describe('preparing SQLite for Electron', () => {
  it('builds once in a staging copy, checks it in Electron, caches it with its record, and leaves the Node build alone', async () => {
    const p = project();
    const result = await prepareElectronSqlite(p.options());
    expect(result).toEqual({ state: 'built', path: join(p.cache, 'better_sqlite3.node') });
    // The staging copy had the sources but not the Node build.
    expect(p.calls.build).toEqual([['package.json', 'src']]);
    expect(p.calls.verify).toEqual([ELECTRON_BUILD]);
    expect(readFileSync(result.path, 'utf8')).toBe(ELECTRON_BUILD);
    expect(readBuildRecord(p.cache)).toEqual({
      modules: '150',
      platform: 'linux',
      arch: 'x64',
      electron: '45.4.1',
      betterSqlite3: '12.11.1',
    });
    expect(readFileSync(join(p.pkg, 'build/Release/better_sqlite3.node'), 'utf8')).toBe('the Node build');
    expect(readdirSync(join(p.cache, '..')).filter((n) => n.startsWith('stage-'))).toEqual([]);
  });

  it('the second start finds the cache and builds nothing', async () => {
    const p = project();
    await prepareElectronSqlite(p.options());
    const again = await prepareElectronSqlite(p.options());
    expect(again.state).toBe('cached');
    expect(p.calls.build).toHaveLength(1);
  });

  it('rebuilds a stale cache: another module version, another better-sqlite3, or no record', async () => {
    const p = project();
    await prepareElectronSqlite(p.options());
    const record = JSON.parse(readFileSync(join(p.cache, BUILD_RECORD_FILE), 'utf8'));

    writeFileSync(join(p.cache, BUILD_RECORD_FILE), JSON.stringify({ ...record, betterSqlite3: '12.6.2' }));
    expect((await prepareElectronSqlite(p.options())).state).toBe('built');
    writeFileSync(join(p.cache, BUILD_RECORD_FILE), JSON.stringify({ ...record, modules: '145' }));
    expect((await prepareElectronSqlite(p.options())).state).toBe('built');
    rmSync(join(p.cache, BUILD_RECORD_FILE));
    expect((await prepareElectronSqlite(p.options())).state).toBe('built');
    expect(p.calls.build).toHaveLength(4);
    // A new Electron patch release with the same module version keeps the build.
    const patch = await prepareElectronSqlite(p.options({ electron: { version: '45.5.0', modules: '150' } }));
    expect(patch.state).toBe('cached');
  });

  it('a failed download and build: one sentence saying what to do, the details in a log file, no record', async () => {
    const p = project();
    const build = async () => {
      throw new Error('gyp ERR! network getaddrinfo ENOTFOUND www.electronjs.org');
    };
    const err = await prepareElectronSqlite(p.options({ build })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrepareError);
    expect((err as Error).message).toBe(FAILED);
    expect(readFileSync(prepareLogFile(p.root), 'utf8')).toContain('ENOTFOUND www.electronjs.org');
    expect(existsSync(join(p.cache, BUILD_RECORD_FILE))).toBe(false);
  });

  it('a result Electron runs with another module version (a Node build by mistake) is refused', async () => {
    const p = project();
    const err = await prepareElectronSqlite(p.options({ verify: async () => '115' })).catch((e: unknown) => e);
    expect((err as Error).message).toBe(FAILED);
    expect(readFileSync(prepareLogFile(p.root), 'utf8')).toContain('Electron runs module version 115, not 150');
    expect(existsSync(join(p.cache, BUILD_RECORD_FILE))).toBe(false);
    expect(existsSync(join(p.cache, 'better_sqlite3.node'))).toBe(false);
  });

  it('a build that leaves no module, or one Electron cannot load, is refused the same way', async () => {
    const p = project();
    const nothing = await prepareElectronSqlite(p.options({ build: async () => undefined })).catch((e: unknown) => e);
    expect((nothing as Error).message).toBe(FAILED);
    const unloadable = await prepareElectronSqlite(
      p.options({
        verify: async () => {
          throw new Error('Error: The module was compiled against a different Node.js version');
        },
      }),
    ).catch((e: unknown) => e);
    expect((unloadable as Error).message).toBe(FAILED);
    expect(existsSync(join(p.cache, BUILD_RECORD_FILE))).toBe(false);
  });
});
