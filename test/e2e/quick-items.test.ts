import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { PRINTER_PROBLEM_TEXT } from '../../src/shared/printer-problem-text';
import type { OrderView } from '../../src/shared/domain';
import { decodeEscPos, imageToRgba } from '../support/escpos/decoder';
import { startTestPrinter, type TestPrinter } from '../support/test-printer';
import { startApp, type RunningApp } from './support/app';
import { checkLayout, resizeCustomer } from './support/layout';

/**
 * Quick items as a shop meets them, in Chromium with both windows and the loopback test
 * printer: the owner fills the list, the cashier sells by tile and by scanner, the customer
 * follows the cart, the receipt prints with its lines, a reprint is marked, and WhatsApp
 * gets the receipt as text. A shop without items keeps its keypad exactly as it was.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

const KOPI_CODE = '8991002100015';

describe('quick items, receipts and WhatsApp', () => {
  let app: RunningApp;
  let printer: TestPrinter;

  beforeAll(async () => {
    printer = await startTestPrinter();
    app = await startApp({ language: 'id' });
  });
  afterAll(async () => {
    await app?.close();
    await printer?.close();
  });

  const c = () => app.cashier;
  const amount = () => c().getByTestId('amount').textContent();
  const active = () => app.services.payments.getActiveSale() as OrderView;

  /** A scanner types its code as fast key events and ends with Enter, all in one go. */
  const scan = (code: string) =>
    c().evaluate((text) => {
      const target = document.activeElement ?? document.body;
      for (const key of [...text, 'Enter'])
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }, code);

  async function shoot(name: string, lang: 'id' | 'en' = 'id'): Promise<void> {
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await c().setViewportSize({ width: w, height: h });
      await c().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await c().screenshot({ path: join(outDir, `cashier-${name}-${w}x${h}-${lang}.png`) });
    }
    await c().setViewportSize({ width: 1366, height: 768 });
  }

  it('a shop without items keeps the amount keypad: the same keys charge the same sale', async () => {
    await c().getByTestId('nav-sale').click();
    await c().getByTestId('amount').waitFor();
    expect(await c().getByTestId('items-panel').count()).toBe(0);
    expect(await c().getByTestId('tab-items').count()).toBe(0);
    await c()
      .locator('body')
      .click({ position: { x: 5, y: 400 } });
    for (const k of '25000') await c().keyboard.press(k);
    await c().keyboard.press('Enter');
    await c().getByTestId('qr').waitFor();
    expect(active().price).toBe(25_000);
    expect(app.services.store.saleLines(active().orderId)).toEqual([]);
    await c().getByTestId('cancel').click();
    await c().getByTestId('confirm-yes').click();
    await c().getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
    await c().getByTestId('new-sale').click();
  });

  it('the owner fills the list in Settings', async () => {
    await c().getByTestId('nav-settings').click();
    const section = c().getByTestId('settings-items');
    await section.scrollIntoViewIfNeeded();
    await c().getByTestId('items-none').waitFor();
    for (const [name, price, category, barcode] of [
      ['Kopi susu', '18.000', 'Minuman', KOPI_CODE],
      ['Teh manis', '6000', 'Minuman', ''],
      ['Roti bakar', '12000', 'Makanan', ''],
      ['Pisang goreng', '2500', 'Makanan', ''],
    ]) {
      await c().getByTestId('item-name').fill(name!);
      await c().getByTestId('item-price').fill(price!);
      await c().getByTestId('item-category').fill(category!);
      await c().getByTestId('item-barcode').fill(barcode!);
      await c().getByTestId('item-save').click();
      await expect.poll(() => c().getByTestId('item-name').inputValue()).toBe('');
    }
    await expect.poll(() => c().getByTestId('items-row').count()).toBe(4);
    // A barcode already on another item is refused with its name.
    await c().getByTestId('item-name').fill('Kopi hitam');
    await c().getByTestId('item-price').fill('10000');
    await c().getByTestId('item-barcode').fill(KOPI_CODE);
    await c().getByTestId('item-save').click();
    await expect.poll(() => section.textContent()).toContain(id['issue.barcodeTaken']);
    await c().getByTestId('item-name').fill('');
    await c().getByTestId('item-barcode').fill('');
    await section.scrollIntoViewIfNeeded();
    await shoot('settings-items');
  });

  it('items by tile and by scanner fill the cart; the amount is the cart; the customer follows it', async () => {
    await c().getByTestId('nav-sale').click();
    await c().getByTestId('items-panel').waitFor();
    await c().getByTestId('category-Minuman').click();
    await c().locator('[data-item-name="Kopi susu"]').click();
    await c().locator('[data-item-name="Teh manis"]').click();
    await c().getByTestId('category-Makanan').click();
    await c().locator('[data-item-name="Roti bakar"]').click();
    await expect.poll(amount).toBe('Rp 36.000');

    // A scan adds the item; its digits never reach the amount and its Enter never charges.
    await scan(KOPI_CODE);
    await expect.poll(amount).toBe('Rp 54.000');
    expect(app.services.payments.getActiveSale()).toBeNull();
    expect(await c().getByTestId('cart-line').first().getAttribute('data-qty')).toBe('2');

    // Keyboard: + and - change the selected line (the one scanned last), Delete removes it.
    await c().keyboard.press('+');
    await expect.poll(amount).toBe('Rp 72.000');
    await c().keyboard.press('-');
    await c().keyboard.press('-');
    await expect.poll(amount).toBe('Rp 36.000');
    await c().keyboard.press('F2');
    // A person types slower than a scanner (a burst this fast would be taken for a scan).
    await c().keyboard.type('pisang', { delay: 90 });
    await c().keyboard.press('Enter');
    await expect.poll(amount).toBe('Rp 38.500');
    await c()
      .locator('body')
      .click({ position: { x: 5, y: 400 } });
    await scan(KOPI_CODE);
    await expect.poll(amount).toBe('Rp 56.500');

    // The customer display shows the lines and the total at every size, portrait too.
    const cust = app.customer;
    await expect.poll(() => cust.getByTestId('customer-state').getAttribute('data-state')).toBe('cart');
    for (const [w, h] of [
      [800, 480],
      [1024, 600],
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      await resizeCustomer(cust, { width: w, height: h });
      expect(await cust.getByTestId('customer-cart-total').textContent()).toBe('Rp 56.500');
      expect(await cust.getByTestId('customer-cart-line').count()).toBe(4);
      const facts = await checkLayout(cust);
      expect(facts.problems, `${w}x${h}`).toEqual([]);
      expect(facts.largestFont.testId, `${w}x${h}`).toBe('customer-cart-total');
      if (w !== 1024) await cust.screenshot({ path: join(outDir, `customer-cart-${w}x${h}-id.png`) });
    }
    await shoot('keypad-items');
  });

  it('the sale is paid, the receipt prints with its lines, a reprint is marked, and WhatsApp gets the text', async () => {
    await app.call('updatePrinterSettings', {
      target: { kind: 'tcp', host: printer.host, port: printer.port },
      autoPrint: true,
    });
    await c().getByTestId('charge').click();
    await c().getByTestId('qr').waitFor();
    const sale = active();
    expect(sale.price).toBe(56_500);
    // Journaled with the sale before Pakasir was asked: the lines are there already.
    expect(app.services.store.saleLines(sale.orderId).map((l) => [l.name, l.qty])).toEqual([
      ['Kopi susu', 2],
      ['Teh manis', 1],
      ['Roti bakar', 1],
      ['Pisang goreng', 1],
    ]);
    // The keypad (and its item tabs) stays in the window, hidden, while the sale is on.
    expect(await c().getByTestId('tab-items').isVisible()).toBe(false);
    await c().getByTestId('simulate').click();
    await c().getByTestId('outcome-paid').waitFor({ timeout: 15_000 });

    const [receipt] = await printer.waitForJobs(1);
    const d = decodeEscPos(receipt!);
    const text = d.lines.join('\n');
    expect(text).toContain('Kopi susu');
    expect(text).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(text).toMatch(/Pisang goreng +Rp 2\.500/);
    expect(text).toMatch(/TOTAL +Rp 56\.500/);
    expect(text).toContain('LUNAS');
    expect(d.cuts.length).toBe(1);
    expect(d.pulses).toEqual([]);
    const qr = d.images[0]!;
    expect(jsQR(imageToRgba(qr), qr.width, qr.height)?.data).toContain(`ORDER:${sale.orderId}`);
    await expect.poll(() => c().getByTestId('receipt-job').getAttribute('data-state')).toBe('done');
    await shoot('paid-receipt');

    await c().getByTestId('reprint-receipt').click();
    const [, copy] = await printer.waitForJobs(2);
    expect(decodeEscPos(copy!).lines.join('\n')).toContain('CETAK ULANG #1');
    await expect.poll(() => c().getByTestId('receipt-job').textContent()).toContain('#1');

    const opened: string[] = [];
    await app.context.route('https://wa.me/**', (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'ok' });
    });
    await c().getByTestId('receipt-wa-number').fill('0812');
    await c().getByTestId('receipt-wa-send').click();
    await c().getByTestId('receipt-wa-invalid').waitFor();
    await c().getByTestId('receipt-wa-number').fill('+62 812-3456-7890');
    const popup = app.context.waitForEvent('page');
    // Enter in the number field sends the receipt; it does not start the next sale.
    await c().getByTestId('receipt-wa-number').press('Enter');
    const page = await popup;
    await expect.poll(() => opened.length).toBe(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe('https://wa.me/6281234567890');
    expect(url.searchParams.get('text')).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(url.searchParams.get('text')).toContain('LUNAS');
    await page.close();
    await app.context.unroute('https://wa.me/**');
    expect(await c().getByTestId('outcome-paid').count()).toBe(1);

    await c().getByTestId('new-sale').click();
    await expect.poll(amount).toBe('Rp 0');
    await expect.poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state')).toBe('idle');
  });

  it("History's sale detail shows the lines as sold and reprints the receipt", async () => {
    // A later price change does not reach the sale.
    const items = (await app.call<{ itemId: string; name: string; price: number }[]>('listItems')).value!;
    const kopi = items.find((i) => i.name === 'Kopi susu')!;
    await app.call('saveItem', {
      itemId: kopi.itemId,
      name: kopi.name,
      price: 20_000,
      category: 'Minuman',
      barcode: KOPI_CODE,
    });
    await c().getByTestId('nav-history').click();
    await c().getByTestId('history-row').first().click();
    const detail = c().getByTestId('order-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getByTestId('detail-line').count()).toBe(4);
    expect(await detail.getByTestId('detail-lines').textContent()).toContain('Rp 18.000');
    await shoot('order-detail-items');
    await detail.getByTestId('reprint-receipt').click();
    const [, , copy] = await printer.waitForJobs(3);
    expect(decodeEscPos(copy!).lines.join('\n')).toContain('CETAK ULANG #2');
    await detail.getByTestId('detail-close').click();
  });

  it('a canceled sale rung up with items goes back to the keypad as its cart', async () => {
    await c().getByTestId('nav-sale').click();
    await c().getByTestId('category-Minuman').click();
    await c().locator('[data-item-name="Teh manis"]').click();
    await c().locator('[data-item-name="Teh manis"]').click();
    await expect.poll(amount).toBe('Rp 12.000');
    await c().getByTestId('charge').click();
    await c().getByTestId('qr').waitFor();
    await c().getByTestId('cancel').click();
    await c().getByTestId('confirm-yes').click();
    await c().getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
    await c().getByTestId('change-method').click();
    await expect.poll(() => c().getByTestId('cart-line').count()).toBe(1);
    expect(await c().getByTestId('cart-line').getAttribute('data-qty')).toBe('2');
    await expect.poll(amount).toBe('Rp 12.000');
    await c().getByTestId('cart-clear').click();
    await expect.poll(amount).toBe('Rp 0');
  });

  it('a printer that refuses never holds the sale: the receipt waits, says why, and prints when it is back', async () => {
    await printer.setMode('refuse');
    const before = printer.jobs.length;
    await c().getByTestId('category-Makanan').click();
    await c().locator('[data-item-name="Roti bakar"]').click();
    await expect.poll(amount).toBe('Rp 12.000');
    await c().getByTestId('charge').click();
    await c().getByTestId('simulate').click();
    await c().getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
    const job = c().getByTestId('receipt-job');
    await expect.poll(() => job.textContent()).toContain(PRINTER_PROBLEM_TEXT.id.refused);
    expect(await job.getAttribute('data-state')).toBe('queued');
    await shoot('paid-receipt-waiting');
    await printer.setMode('ok');
    const jobs = await printer.waitForJobs(before + 1);
    expect(decodeEscPos(jobs[before]!).lines.join('\n')).toMatch(/Roti bakar +Rp 12\.000/);
    await expect.poll(() => job.getAttribute('data-state')).toBe('done');
    await c().getByTestId('new-sale').click();
  });

  it('reads in English too', async () => {
    await app.call('updateSettings', { language: 'en' });
    await expect.poll(() => c().getByTestId('tab-items').textContent()).toBe(en['items.tab']);
    await c().getByTestId('category-Minuman').click();
    await c().locator('[data-item-name="Kopi susu"]').click();
    await c().getByTestId('category-Makanan').click();
    await c().locator('[data-item-name="Pisang goreng"]').click();
    await expect.poll(() => app.customer.getByTestId('customer-cart-total').textContent()).toBe('Rp 22.500');
    for (const [w, h] of [
      [800, 480],
      [1920, 1080],
    ] as const) {
      await resizeCustomer(app.customer, { width: w, height: h });
      expect((await checkLayout(app.customer)).problems, `${w}x${h}`).toEqual([]);
      await app.customer.screenshot({ path: join(outDir, `customer-cart-${w}x${h}-en.png`) });
    }
    const text = await c().locator('body').innerText();
    for (const key of Object.keys(id).filter((k) => k.startsWith('items.')) as (keyof typeof id)[])
      if (id[key] !== en[key] && id[key].length >= 12 && !id[key].includes('{')) expect(text).not.toContain(id[key]);
    await shoot('keypad-items', 'en');
    await c().getByTestId('cart-clear').click();
    await app.call('updateSettings', { language: 'id' });
  });
});
