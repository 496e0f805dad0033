import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { startApp, type RunningApp } from './support/app';

/**
 * Every screen of both windows, in both languages, at the sizes they are used at (cashier
 * 1366x768, customer display 1920x1080). Each screenshot is written for people to look at
 * (test-results/screenshots, or SCREENSHOT_DIR), and each screen is checked for text that
 * escaped translation: a raw message key, or a sentence from the other language.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

const keys = Object.keys(id);
/** Long, language-specific sentences: a screen in one language must show none of the other's. */
function foreignSentences(lang: 'id' | 'en'): string[] {
  const mine = lang === 'id' ? id : en;
  const other = lang === 'id' ? en : id;
  return keys
    .map((k) => (other as Record<string, string>)[k]!)
    .filter((s, i) => s.length >= 14 && !s.includes('{') && s !== (mine as Record<string, string>)[keys[i]!]);
}

for (const lang of ['id', 'en'] as const) {
  describe(`screens in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}`, () => {
    let app: RunningApp;
    const shots: string[] = [];

    beforeAll(async () => {
      app = await startApp({ language: lang });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function check(page: 'cashier' | 'customer', name: string): Promise<void> {
      const p = page === 'cashier' ? app.cashier : app.customer;
      await p.waitForTimeout(150);
      const file = join(outDir, `${page}-${name}-${lang}.png`);
      await p.screenshot({ path: file });
      shots.push(file);
      const text = await p.locator('body').innerText();
      for (const key of keys) expect(text, `raw key ${key} on ${page}/${name}`).not.toContain(key);
      for (const sentence of foreignSentences(lang))
        expect(text, `${page}/${name} shows "${sentence}"`).not.toContain(sentence);
    }

    it('keypad, payment, paid, history, report and settings; customer idle, waiting and paid', async () => {
      const dict = lang === 'id' ? id : en;
      await app.customer.getByTestId('customer-state').waitFor();
      await expect.poll(() => app.cashier.getByTestId('nav-sale').textContent()).toContain(dict['nav.sale']);
      await check('customer', 'idle');
      for (const k of ['8', '5', '0', '0', '0']) await app.cashier.keyboard.press(k);
      await check('cashier', 'keypad');
      await app.cashier.keyboard.press('Enter');
      await app.cashier.getByTestId('qr').waitFor();
      await app.customer.getByTestId('customer-qr').waitFor();
      await check('cashier', 'payment');
      await check('customer', 'payment');
      await app.cashier.getByTestId('simulate').click();
      await app.cashier.getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
      await expect.poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state')).toBe('paid');
      await check('cashier', 'paid');
      await check('customer', 'paid');
      await app.cashier.getByTestId('new-sale').click();
      await app.cashier.getByTestId('nav-history').click();
      await app.cashier.getByTestId('history-row').first().waitFor();
      // Today's totals follow the sale just paid: what the shop receives (the price less the
      // fee, as the customer paid the round price).
      const sold = app.services.store.list({}, 1).items[0]!;
      expect(sold).toMatchObject({ state: 'paid', price: 85_000, totalPayment: 85_000 });
      const receives = (85_000 - sold.fee!).toLocaleString('id-ID');
      await expect.poll(() => app.cashier.getByTestId('today-net').textContent()).toContain(receives);
      await check('cashier', 'history');
      await app.cashier.getByTestId('tab-report').click();
      await app.cashier.getByTestId('daily-report').waitFor();
      await check('cashier', 'report');
      await app.cashier.getByTestId('nav-settings').click();
      await app.cashier.getByTestId('settings-slug').waitFor();
      await check('cashier', 'settings');
      expect(shots).toHaveLength(9);
    });
  });
}
