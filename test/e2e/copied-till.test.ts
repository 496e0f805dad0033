import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { createPairingCode } from '../../src/server/tills/tills';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { startServerRig, type ServerRig } from '../server/support';
import { startApp, type RunningApp } from './support/app';

/**
 * A till's data folder copied to another PC carries the pairing; the copy unpairs itself at
 * its first start and the cashier window says so, in words, until it is seen. Screenshots at
 * 1366x768 and 1024x768 of the banner and of Settings.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

let pgs: TestPostgres;
let server: ServerRig;
const folders: string[] = [];
beforeAll(async () => {
  pgs = await startPostgres();
  server = await startServerRig(pgs, { listen: true, heartbeatMs: 1000 });
});
afterAll(async () => {
  await server?.close();
  await pgs?.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

for (const lang of ['id', 'en'] as const) {
  describe(`a copied till in the cashier window (${lang})`, () => {
    const dict = lang === 'id' ? id : en;
    let app: RunningApp | null = null;
    afterAll(async () => {
      await app?.close();
    });

    it('says the copy was removed from the shop server until it is seen, and keeps selling', async () => {
      const original = mkdtempSync(join(tmpdir(), 'pos-e2e-original-'));
      const copy = `${original}-copy`;
      folders.push(original, copy);
      app = await startApp({ language: lang, dataDir: original });
      await app.call('updateSettings', { acceptInsecureStorage: true });
      const { code } = await createPairingCode(server.pool, 'Kasir depan');
      const paired = await app.call<{ state: string }>('pairShopServer', {
        serverUrl: server.url,
        code,
        tillName: 'Kasir depan',
      });
      expect(paired.ok).toBe(true);
      await app.close();
      app = null;

      cpSync(original, copy, { recursive: true });
      app = await startApp({ language: lang, dataDir: copy });
      const page = app.cashier;
      const banner = page.getByTestId('sync-banner');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.getAttribute('data-kind')).toBe('copied');
      expect(await banner.textContent()).toContain(dict['banner.syncCopied']);
      for (const [w, h] of [
        [1366, 768],
        [1024, 768],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: join(outDir, `cashier-sync-copied-${lang}-${w}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });

      await page.getByTestId('nav-settings').click();
      const panel = page.getByTestId('shop-server-panel');
      await panel.scrollIntoViewIfNeeded();
      expect(await page.getByTestId('sync-status').getAttribute('data-state')).toBe('unpaired_copy');
      expect(await page.getByTestId('sync-status').textContent()).toContain(dict['shopServer.state.unpaired_copy']);
      // The pairing form is there for a new code.
      await page.getByTestId('shop-server-code').waitFor();
      await page.screenshot({ path: join(outDir, `cashier-settings-sync-copied-${lang}-1366.png`) });

      await page.getByTestId('nav-sale').click();
      await page.getByTestId('sync-acknowledge').click();
      await banner.waitFor({ state: 'detached' });
      // Selling never depended on any of this.
      for (const k of ['7', '0', '0', '0', 'Enter']) await page.keyboard.press(k);
      await page.getByTestId('qr').waitFor({ timeout: 15_000 });
    });
  });
}
