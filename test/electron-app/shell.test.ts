import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { ROOT, findElectron, preparedSqlite } from './electron-binary';
import { ensureBuilt } from '../electron/built-output';
import { skipBecause } from '../support/skip';

const KEY = 'sk_e2e_shell_7Hq2Lp9Vw4';
const electron = findElectron();
// Where Electron can be downloaded (CI sets PAKASIR_POS_REQUIRE_ELECTRON=1), its absence is
// a failure: these tests must not pass there by skipping.
const required = process.env.PAKASIR_POS_REQUIRE_ELECTRON === '1';
const skipReason = 'reason' in electron && !required ? electron.reason : null;
if (skipReason) console.log(`[electron-app] skipping the real-Electron tests: ${skipReason}`);

/** A test that runs in real Electron, or is skipped with the reason this machine cannot. */
const eit = (name: string, fn: () => Promise<void>) =>
  it(name, async (ctx) => {
    if (skipReason) return skipBecause(ctx, skipReason);
    await fn();
  });

describe('the packaged shell in real Electron', () => {
  let app: ElectronApplication | null = null;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (skipReason) return;
    if ('reason' in electron) throw new Error(electron.reason);
    if (!preparedSqlite())
      throw new Error(
        "Electron's SQLite build is not prepared: run `npm run electron:prepare` (npm start does it too).",
      );
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'pos-electron-'));
    // Started the way `npm start` starts it (`electron .`), so app.getAppPath() is the
    // project folder, where the prepared SQLite build is.
    app = await _electron.launch({
      executablePath: electron.path,
      args: [ROOT, `--user-data-dir=${dataDir}`],
      cwd: ROOT,
    });
    page = await app.firstWindow();
    await page.waitForFunction(() => Boolean((window as unknown as { pos?: unknown }).pos));
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  eit('serves the cashier page from app://pos and blocks navigation away from it', async () => {
    expect(page.url()).toMatch(/^app:\/\/pos\//);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/pos\//);
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
  });

  eit('exposes no Node and no ipcRenderer to the page', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      posKeys: Object.keys((window as unknown as { pos: object }).pos).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', posKeys: ['calls', 'on'] });
  });

  eit('the API key never reaches the renderer', async () => {
    const result = await page.evaluate(async (key) => {
      const pos = (window as unknown as { pos: { calls: Record<string, (i: unknown) => Promise<unknown>> } }).pos;
      // A Linux machine without a keyring needs the operator's consent first.
      await pos.calls.updateSettings!({ projectSlug: 'toko', acceptInsecureStorage: true });
      const set = await pos.calls.setApiKey!({ apiKey: key });
      const view = await pos.calls.getSettings!({});
      const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
      return { set, view, html: document.documentElement.outerHTML, storage, posJson: JSON.stringify(pos) };
    }, KEY);
    expect(result.set).toMatchObject({ ok: true, value: { apiKeySet: true, apiKeyHint: KEY.slice(-4) } });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });
});
