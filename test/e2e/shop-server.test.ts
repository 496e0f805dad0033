import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToOutbox } from '../../src/main/orders/outbox-append';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { createPairingCode, revokeTill } from '../../src/server/tills/tills';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { startServerRig, type ServerRig } from '../server/support';
import { startApp, type RunningApp } from './support/app';

/**
 * The shop server as the owner and the cashier meet it in the cashier window: pairing in
 * Settings with a one-time code, a banner when the server refuses an entry (gone once
 * seen), and a banner when the owner revokes the till. Screenshots at 1366x768 and 1024x768.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

let pgs: TestPostgres;
beforeAll(async () => {
  pgs = await startPostgres();
});
afterAll(async () => {
  await pgs?.stop();
});

const FAST = { idleCheckMs: 200, backoffFirstMs: 200, backoffMaxMs: 1000, pushBackoffFirstMs: 200 };

for (const lang of ['id', 'en'] as const) {
  describe(`shop server in the cashier window (${lang})`, () => {
    let app: RunningApp;
    let server: ServerRig;
    const dict = lang === 'id' ? id : en;

    beforeAll(async () => {
      server = await startServerRig(pgs, { listen: true, heartbeatMs: 500 });
      app = await startApp({ language: lang, syncTuning: FAST });
      await app.call('updateSettings', { acceptInsecureStorage: true });
    });
    afterAll(async () => {
      await app?.close();
      await server?.close();
    });

    async function shoot(name: string): Promise<void> {
      for (const [w, h] of [
        [1366, 768],
        [1024, 768],
      ] as const) {
        await app.cashier.setViewportSize({ width: w, height: h });
        await app.cashier.waitForTimeout(100);
        await app.cashier.screenshot({ path: join(outDir, `cashier-${name}-${lang}-${w}.png`) });
      }
      await app.cashier.setViewportSize({ width: 1366, height: 768 });
    }

    it('pairs with a code, shows a refused entry until it is seen, and says when the till is revoked', async () => {
      const page = app.cashier;
      await page.getByTestId('nav-settings').click();
      const panel = page.getByTestId('shop-server-panel');
      await panel.scrollIntoViewIfNeeded();
      await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('off');
      const { code } = await createPairingCode(server.pool, lang === 'id' ? 'Kasir depan' : 'Front till');
      await page.getByTestId('shop-server-url').fill(server.url);
      await page.getByTestId('shop-server-code').fill(code);
      await panel.scrollIntoViewIfNeeded();
      await shoot('shop-server-pairing');
      await page.getByTestId('shop-server-pair').click();
      await expect
        .poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 })
        .toBe('up_to_date');
      await expect
        .poll(() => page.getByTestId('sync-push').textContent(), { timeout: 15_000 })
        .toBe(dict['shopServer.push.up']);
      await panel.scrollIntoViewIfNeeded();
      await shoot('shop-server-paired');

      // An entry of a kind this server does not know: refused, kept, and shown.
      const db = new Database(join(app.dataDir, 'orders.sqlite'));
      db.transaction(() =>
        appendToOutbox(db, {
          kind: 'stock.counted',
          entityId: 'stock-0001',
          schema: 1,
          occurredAt: new Date().toISOString(),
          payload: { openingCash: 200_000 },
        }),
      )();
      db.close();
      await page.getByTestId('nav-sale').click();
      const banner = page.getByTestId('sync-banner');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.getAttribute('data-kind')).toBe('rejected');
      expect(await banner.textContent()).toContain(dict['syncReject.unknown_kind']);
      await shoot('sync-rejected');
      await page.getByTestId('sync-acknowledge').click();
      await banner.waitFor({ state: 'detached' });

      // The owner revokes the till: the cashier is told, and the keypad still works.
      const status = (await app.call<{ tillId: string }>('getSyncStatus')).value!;
      await revokeTill(server.pool, status.tillId);
      await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 15_000 }).toBe('revoked');
      await shoot('sync-revoked');
      await page.keyboard.press('5');
      await page.keyboard.press('0');
      await page.keyboard.press('0');
      await page.keyboard.press('0');
      await page.keyboard.press('Enter');
      await page.getByTestId('qr').waitFor({ timeout: 15_000 });
    });
  });
}
