import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { fillDisk } from '../support/full-disk';
import { startApp, type RunningApp } from './support/app';

/**
 * The journal's disk fills up mid-sale (for real, as SQLite sees it): the cashier's next
 * action is refused with words that say why, a banner says what to do, and it goes away by
 * itself once a sale can be saved again.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

for (const lang of ['id', 'en'] as const) {
  describe(`a full disk, in ${lang}`, () => {
    let app: RunningApp;
    let db: Database.Database | null = null;
    const dict = lang === 'id' ? id : en;

    beforeAll(async () => {
      app = await startApp({ language: lang, inspectJournal: (d) => (db = d) });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('refuses the action, shows the banner at both cashier sizes, and clears it when saving works again', async () => {
      await app.cashier.getByTestId('key-1').waitFor();
      for (const k of ['2', '5', '0', '0', '0']) await app.cashier.keyboard.press(k);
      await app.cashier.keyboard.press('Enter');
      await app.cashier.getByTestId('qr').waitFor();
      const sale = app.services.payments.getActiveSale()!;
      const disk = fillDisk(db!, sale.orderId);

      await app.cashier.getByTestId('cancel').click();
      await app.cashier.getByTestId('confirm-yes').click();
      const banner = app.cashier.getByTestId('journal-banner');
      await banner.waitFor();
      expect(await banner.getAttribute('data-problem')).toBe('disk_full');
      expect(await banner.innerText()).toContain(dict['storage.disk_full.title']);
      await expect.poll(() => app.cashier.locator('body').innerText()).toContain(dict['error.disk_full']);
      // The sale was not canceled, so it is still on the counter and still checked.
      expect(app.services.store.get(sale.orderId)!.state).toBe('awaiting_payment');
      for (const [w, h] of [
        [1366, 768],
        [1024, 768],
      ] as const) {
        await app.cashier.setViewportSize({ width: w, height: h });
        await app.cashier.screenshot({ path: join(outDir, `cashier-disk-full-${w}x${h}-${lang}.png`) });
      }
      await app.cashier.setViewportSize({ width: 1366, height: 768 });

      disk.free();
      await app.cashier.getByTestId('cancel').click();
      await app.cashier.getByTestId('confirm-yes').click();
      await app.cashier.getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
      await banner.waitFor({ state: 'detached' });
    });
  });
}
