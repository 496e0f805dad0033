import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../src/shared/contract/api';
import { BUILD_RECORD_FILE, electronSqliteDir } from '../../src/main/orders/native-binding';
import { MAIN_BUNDLE, ROOT, ensureBuilt } from './built-output';
import { createElectronDouble, interceptElectron, type ElectronDouble } from './electron-double';

/**
 * The built main process as Electron runs it: `process.versions.electron` is set, so the
 * journal must open better-sqlite3 through Electron's own build in the cache folder, never
 * through the Node build in node_modules (which Electron could not load). Electron cannot
 * run here, so the "Electron build" is a copy of the Node build with a record saying it fits
 * this runtime's module version: what is under test is which file gets loaded.
 */
const require = createRequire(import.meta.url);
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const BETTER_SQLITE3_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }
).version;

/** Every native library this process has loaded. */
const loadedLibraries = (): string[] =>
  (process.report.getReport() as unknown as { sharedObjects: string[] }).sharedObjects;

async function until(what: string, check: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

/** Loads the built main bundle afresh against a new double, as one Electron start. */
function startMain(options: { appPath: string; savePath?: string }): { double: ElectronDouble; restore: () => void } {
  const double = createElectronDouble({ userData: tempDir('pos-esql-data-'), ...options });
  const restore = interceptElectron(double);
  delete require.cache[MAIN_BUNDLE];
  require(MAIN_BUNDLE);
  double.markReady();
  return { double, restore };
}

describe('the built main process under Electron (process.versions.electron set)', () => {
  const hadElectron = 'electron' in process.versions;
  let restoreStderr: (() => void) | null = null;

  beforeAll(() => {
    ensureBuilt();
    expect(hadElectron).toBe(false);
    // Read by main at start, exactly where real Electron sets it.
    (process.versions as Record<string, string>).electron = '45.4.1';
    expect(loadedLibraries()).not.toContain(NODE_BUILD);
  });

  afterEach(() => restoreStderr?.());

  afterAll(() => {
    delete (process.versions as Record<string, string | undefined>).electron;
    for (const d of dirs.splice(0)) {
      try {
        rmSync(d, { recursive: true, force: true });
      } catch {
        // Windows cannot delete the copied library while this process has it loaded.
      }
    }
  });

  it("without Electron's SQLite build, says in one sentence what to run and opens no journal", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write);
    restoreStderr = () => spy.mockRestore();
    const appPath = tempDir('pos-esql-app-');
    const { double, restore } = startMain({ appPath });
    try {
      await until('the start to fail', () => double.app.exitCode !== null);
      const where = join(
        'node_modules/.cache/pakasir-pos/better-sqlite3-electron',
        `electron-v${process.versions.modules}-${process.platform}-${process.arch}`,
        'better_sqlite3.node',
      );
      const sentence = `Electron's own SQLite build (${where}) is missing: run \`npm start\` once with internet access to prepare it.`;
      const content = `Bagian penyimpan data untuk aplikasi ini belum disiapkan. Sambungkan ke internet lalu jalankan \`npm start\` sekali lagi.\n\n${sentence}`;
      expect(double.dialogState.errors).toEqual([
        { title: 'Pakasir POS tidak bisa dibuka / could not start', content },
      ]);
      expect(written).toContain(`${content}\n`);
      expect(double.app.exitCode).toBe(1);
      expect(double.windows).toHaveLength(0);
      expect(existsSync(join(double.app.getPath('userData'), 'orders.sqlite'))).toBe(false);
      // No fallback to the Node build: under real Electron it would fail with a stack trace.
      expect(loadedLibraries()).not.toContain(NODE_BUILD);
    } finally {
      restore();
    }
  });

  it('with it prepared, the journal and the export reader open through its path, never the Node build', async () => {
    const appPath = tempDir('pos-esql-app-');
    const cache = electronSqliteDir(appPath, process.versions.modules, process.platform, process.arch);
    mkdirSync(cache, { recursive: true });
    const electronBuild = join(cache, 'better_sqlite3.node');
    copyFileSync(NODE_BUILD, electronBuild);
    writeFileSync(
      join(cache, BUILD_RECORD_FILE),
      JSON.stringify({
        modules: process.versions.modules,
        platform: process.platform,
        arch: process.arch,
        electron: '45.4.1',
        betterSqlite3: BETTER_SQLITE3_VERSION,
      }),
    );
    const exported = join(tempDir('pos-esql-export-'), 'sales.csv');
    const { double, restore } = startMain({ appPath, savePath: exported });
    try {
      await until('both windows', () => double.windows.length >= 2 || double.app.exitCode !== null);
      expect(double.dialogState.errors).toEqual([]);
      const appFrame = { senderFrame: { url: 'app://pos/index.html', parent: null } };
      const invoke = (name: string, input: unknown) =>
        double.handlers.get(callChannel(name as never))!(appFrame, input) as Promise<{
          ok: boolean;
          value: { orderId?: string; jobId?: string };
        }>;

      const sale = await invoke('charge', { amount: 15_000, method: 'qris' });
      expect(sale).toMatchObject({ ok: true });
      // The export streams over a second, read-only connection: it must use the same build.
      expect(await invoke('startExport', { format: 'csv', filter: {} })).toMatchObject({ ok: true });
      await until('the export file', () => existsSync(exported) && readFileSync(exported, 'utf8').includes('15000'));

      const loaded = loadedLibraries();
      expect(loaded).toContain(electronBuild);
      expect(loaded).not.toContain(NODE_BUILD);
    } finally {
      double.app.quit();
      await until('the services to stop', () => double.app.quitCalls >= 2).catch(() => undefined);
      restore();
    }
  });
});
