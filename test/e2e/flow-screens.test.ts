import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../../src/shared/domain';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { startApp, type RunningApp } from './support/app';
import { resizeCustomer } from './support/layout';

/**
 * The screens around a sale at the two cashier sizes (1366x768 and 1024x768) in both
 * languages, and the customer display with a fee on top at 1920x1080 and 800x480. Each
 * screenshot is for people to look at (test-results/screenshots, or SCREENSHOT_DIR); each
 * screen is checked for raw keys, developer words and the other language's sentences.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

const keys = Object.keys(id);
const DEVELOPER_WORDS = [/create_attempt/, /gateway status/i, /\(server\)/i, /\bslug\b/i, /base URL/i, /Lingkungan/];

function foreignSentences(lang: 'id' | 'en'): string[] {
  const mine = lang === 'id' ? id : en;
  const other = lang === 'id' ? en : id;
  return keys
    .map((k) => (other as Record<string, string>)[k]!)
    .filter((s, i) => s.length >= 14 && !s.includes('{') && s !== (mine as Record<string, string>)[keys[i]!]);
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

for (const lang of ['id', 'en'] as const) {
  describe(`cashier flows on screen, ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp({ language: lang });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function shot(page: 'cashier' | 'customer', name: string): Promise<void> {
      const p = page === 'cashier' ? app.cashier : app.customer;
      await p.waitForTimeout(120);
      const size = p.viewportSize()!;
      await p.screenshot({ path: join(outDir, `${page}-${name}-${lang}-${size.width}x${size.height}.png`) });
      const text = await p.locator('body').innerText();
      for (const key of keys) expect(text, `raw key ${key} on ${page}/${name}`).not.toContain(key);
      for (const word of DEVELOPER_WORDS) expect(text, `${page}/${name}`).not.toMatch(word);
      for (const sentence of foreignSentences(lang))
        expect(text, `${page}/${name} shows "${sentence}"`).not.toContain(sentence);
    }

    async function typeAmount(digits: string): Promise<void> {
      await app.cashier.getByTestId('key-clear').click();
      for (const d of digits) await app.cashier.getByTestId(`key-${d}`).click();
    }

    const active = (): OrderView => app.services.payments.getActiveSale()!;

    async function toKeypad(): Promise<void> {
      const sale = app.services.payments.getActiveSale();
      if (sale && ['creating', 'awaiting_payment'].includes(sale.state))
        await app.services.payments.cancelSale(sale.orderId);
      const still = app.services.payments.getActiveSale();
      if (still) app.services.payments.dismissSale(still.orderId);
      await app.cashier.getByTestId('nav-sale').click();
      await app.cashier.getByTestId('key-1').waitFor();
    }

    it('keypad, the method question, payment, link sharing, outcomes, history, report and the setup', async () => {
      for (const size of SIZES) {
        await app.cashier.setViewportSize(size);
        await toKeypad();
        await typeAmount('25000');
        await shot('cashier', 'keypad');

        await typeAmount('12000000');
        await app.cashier.getByTestId('charge').click();
        await app.cashier.getByTestId('method-question').waitFor();
        await shot('cashier', 'ask');
        await app.cashier.getByTestId('ask-back').click();

        await typeAmount('25000');
        await app.cashier.getByTestId('charge').click();
        await app.cashier.getByTestId('qr').waitFor();
        await shot('cashier', 'payment');
        app.sim.pay(active().orderId);
        await app.cashier.getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
        await shot('cashier', 'paid');
        await toKeypad();

        await typeAmount('80000');
        await app.cashier.getByTestId('method-payment_link').click();
        await app.cashier.getByTestId('charge').click();
        await app.cashier.getByTestId('share-link').waitFor();
        await app.cashier.getByTestId('wa-number').fill('0812 3456 7890');
        await shot('cashier', 'payment-link');
        await app.cashier.getByTestId('cancel').click();
        await app.cashier.getByTestId('confirm-yes').click();
        await app.cashier.getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
        await shot('cashier', 'canceled');
        await toKeypad();

        await typeAmount('45000');
        await app.cashier.getByTestId('method-bri_va').click();
        await app.cashier.getByTestId('charge').click();
        await app.cashier.getByTestId('va-number').waitFor();
        app.sim.expire(active().orderId);
        await app.cashier.getByTestId('outcome-expired').waitFor({ timeout: 15_000 });
        await shot('cashier', 'expired');
        await toKeypad();

        await app.cashier.getByTestId('nav-history').click();
        // History keeps its last tab: the sales list is asked for by name.
        await app.cashier.getByTestId('tab-sales').click();
        await app.cashier.getByTestId('history-row').first().waitFor();
        await shot('cashier', 'history');
        await app.cashier.getByTestId('history-row').first().click();
        await app.cashier.getByTestId('timeline').waitFor();
        await shot('cashier', 'order-detail');
        await app.cashier.getByTestId('detail-close').click();
        await app.cashier.getByTestId('tab-report').click();
        await app.cashier.getByTestId('daily-report').waitFor();
        await shot('cashier', 'report');
        await app.cashier.getByTestId('nav-settings').click();
        await app.cashier.getByTestId('project-setup').waitFor();
        await app.cashier.getByTestId('settings-slug').fill('warung-bu-sri');
        await shot('cashier', 'settings');
        await app.cashier.getByTestId('settings-slug').fill('');
        await app.cashier.getByTestId('setup-step-5').scrollIntoViewIfNeeded();
        await shot('cashier', 'settings-fee');
      }
    });

    it('the customer display when the customer pays the fee on top', async () => {
      await app.call('updateSettings', { feePayer: 'customer' });
      await toKeypad();
      await app.cashier.setViewportSize(SIZES[0]);
      await typeAmount('25000');
      await app.cashier.getByTestId('charge').click();
      await app.customer.getByTestId('customer-qr').waitFor();
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 800, height: 480 },
      ]) {
        await resizeCustomer(app.customer, size);
        await app.customer.getByTestId('customer-fee').waitFor();
        await shot('customer', 'payment-fee');
      }
      await shot('cashier', 'payment-fee');
      await app.call('updateSettings', { feePayer: 'shop' });
    });
  });
}
