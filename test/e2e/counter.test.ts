import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CounterView, SaleView } from '../../src/shared/counter';
import type { OrderView } from '../../src/shared/domain';
import { startApp, type RunningApp } from './support/app';
import { checkLayout } from './support/layout';

/**
 * The counter in Chromium with both windows: a shift opened by a cashier with a PIN, a cash
 * sale with change shown big on both windows, a split sale (cash now, the rest by QRIS),
 * cash out, the shift closed with a difference, and a refund main refuses without the
 * owner's PIN. Screenshots of each new screen at 1366x768 and 1024x768, the customer display
 * with the change at 1920x1080 and 800x480.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });
const OWNER = { name: 'Bu Sari', pin: '482916' };
const CASHIER = { name: 'Budi', pin: '582047' };

async function value<T>(app: RunningApp, name: string, input: unknown = {}): Promise<T> {
  const r = await app.call<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value as T;
}

async function shots(page: Page, name: string, sizes: { width: number; height: number }[]): Promise<void> {
  const before = page.viewportSize();
  for (const s of sizes) {
    await page.setViewportSize(s);
    await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [s.width, s.height]);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(outDir, `${name}-${s.width}x${s.height}.png`) });
    // The layout rules (nothing cut, nothing outside) are the customer display's; the
    // cashier's screens are looked at in their screenshots.
    if (name.startsWith('customer')) {
      const facts = await checkLayout(page);
      expect(facts.problems, `${name} at ${s.width}x${s.height}`).toEqual([]);
    }
  }
  if (before) await page.setViewportSize(before);
}
/** A section of a long screen: each size scrolled to it, then the window shot. */
async function shotsOf(page: Page, section: ReturnType<Page['getByTestId']>, name: string): Promise<void> {
  for (const s of CASHIER_SIZES) {
    await page.setViewportSize(s);
    await section.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(outDir, `${name}-${s.width}x${s.height}.png`) });
  }
  await page.setViewportSize(CASHIER_SIZES[0]!);
}
const CASHIER_SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const CUSTOMER_SIZES = [
  { width: 1920, height: 1080 },
  { width: 800, height: 480 },
];

describe('the counter, both windows', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ language: 'id' });
    await app.customer.getByTestId('customer-state').waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the owner sets a PIN and adds a cashier in Settings; locked, the owner-only calls are refused in main', async () => {
    const c = app.cashier;
    await c.getByTestId('nav-settings').click();
    const staff = c.getByTestId('settings-staff');
    await staff.scrollIntoViewIfNeeded();
    await c.getByTestId('owner-name').fill(OWNER.name);
    await c.getByTestId('owner-new-pin').fill(OWNER.pin);
    await c.getByTestId('owner-set').click();
    await c.getByTestId('owner-unlocked').waitFor();
    await c.getByTestId('cashier-name').fill(CASHIER.name);
    await c.getByTestId('cashier-pin').fill(CASHIER.pin);
    await c.getByTestId('cashier-add').click();
    await expect.poll(() => c.getByTestId('staff-list').textContent(), { timeout: 20_000 }).toContain(CASHIER.name);
    await staff.scrollIntoViewIfNeeded();
    await shotsOf(c, staff, 'cashier-settings-staff');
    await c.getByTestId('owner-lock').click();
    await c.getByTestId('owner-unlock').waitFor();
    // Locked: main refuses an owner-only call whatever the window shows.
    expect(await app.call('updateSettings', { shopName: 'Toko Lain' })).toMatchObject({
      ok: false,
      error: { code: 'owner_required' },
    });
  });

  it('a shift opened with a PIN, a cash sale with change, a split sale, cash out, closed with a difference', async () => {
    const c = app.cashier;
    await c.getByTestId('nav-shift').click();
    await c.getByTestId('shift-open').waitFor();
    await c.getByTestId(`shift-cashier-${CASHIER.name}`).click();
    await c.getByTestId('shift-opening').fill('200000');
    await shots(c, 'cashier-shift-open', CASHIER_SIZES);
    await c.getByTestId('shift-open-submit').click();
    // The cashier's PIN on the pad, typed on the keyboard: a wrong one opens nothing.
    const pad = c.getByTestId('cashier-pin-pad');
    await pad.waitFor();
    for (const k of '111111') await c.keyboard.press(k);
    await c.keyboard.press('Enter');
    await expect
      .poll(() => pad.getByTestId('pin-message').getAttribute('data-kind'), { timeout: 20_000 })
      .toBe('wrong');
    expect((await value<CounterView>(app, 'getCounter')).shift).toBeNull();
    for (const k of CASHIER.pin) await c.keyboard.press(k);
    await c.keyboard.press('Enter');
    await c.getByTestId('shift-drawer').waitFor();
    expect(await c.getByTestId('drawer-expected').textContent()).toBe('Rp 200.000');

    // A cash sale: 23.500, the customer hands over 50.000.
    await c.getByTestId('nav-sale').click();
    for (const k of '23500') await c.keyboard.press(k);
    await shots(c, 'cashier-keypad-cash', CASHIER_SIZES);
    await c.keyboard.press('F2');
    await c.getByTestId('cash-panel').waitFor();
    expect(await c.getByTestId('cash-due').textContent()).toBe('Rp 23.500');
    const quick = await c.locator('[data-testid^="cash-quick-"]').evaluateAll((els) => els.map((e) => e.textContent));
    expect(quick).toEqual(['Uang pas', 'Rp 25.000', 'Rp 30.000', 'Rp 40.000', 'Rp 50.000', 'Rp 100.000']);
    for (const k of '50000') await c.keyboard.press(k);
    expect(await c.getByTestId('cash-change').textContent()).toBe('Rp 26.500');
    await shots(c, 'cashier-cash', CASHIER_SIZES);
    await c.keyboard.press('Enter');
    await c.getByTestId('outcome-paid').waitFor();
    expect(await c.getByTestId('outcome-change').textContent()).toContain('Rp 26.500');
    await shots(c, 'cashier-cash-paid', CASHIER_SIZES);
    // The customer sees the change as big as the total.
    await expect
      .poll(() =>
        app.customer
          .getByTestId('customer-line-change')
          .textContent({ timeout: 5_000 })
          .catch(() => null),
      )
      .toContain('Rp 26.500');
    expect(await app.customer.getByTestId('customer-line-cash').textContent()).toContain('Rp 50.000');
    await shots(app.customer, 'customer-cash-change', CUSTOMER_SIZES);
    await c.getByTestId('new-sale').click();

    // A split sale: 100.000, 40.000 in cash, the rest by QRIS.
    await c.getByTestId('amount').waitFor();
    for (const k of '100000') await c.keyboard.press(k);
    await c.getByTestId('method-cash').click();
    for (const k of '40000') await c.keyboard.press(k);
    expect(await c.getByTestId('cash-change-box').textContent()).toContain('Rp 60.000');
    await c.getByTestId('cash-split').click();
    await c.getByTestId('qr').waitFor();
    await app.customer.getByTestId('customer-qr').waitFor();
    const part = await value<OrderView>(app, 'getActiveSale');
    expect(part).toMatchObject({ method: 'qris', price: 60_000, state: 'awaiting_payment' });
    await value(app, 'simulatePayment', { orderId: part.orderId });
    await c.getByTestId('outcome-paid').waitFor();
    expect(await value<SaleView>(app, 'getSale', { saleId: part.saleId })).toMatchObject({
      state: 'paid',
      paid: 100_000,
    });
    await c.getByTestId('new-sale').click();

    // Cash out for ice, then the close: counted Rp 2.000 short.
    await c.getByTestId('nav-shift').click();
    await c.getByTestId('move-out').click();
    await c.getByTestId('move-amount').fill('10000');
    await c.getByTestId('move-reason').fill('beli es batu');
    await c.getByTestId('move-submit').click();
    const expected = 200_000 + 23_500 + 40_000 - 10_000;
    await expect.poll(() => c.getByTestId('drawer-expected').textContent()).toBe('Rp 253.500');
    await c.getByTestId('close-counted').fill(String(expected - 2_000));
    await shots(c, 'cashier-shift-drawer', CASHIER_SIZES);
    await c.getByTestId('close-submit').click();
    // The close answers the shift's Z report, shown at once with the difference marked.
    await c.getByTestId('z-screen').waitFor();
    expect(await c.getByTestId('z-difference').getAttribute('data-tone')).toBe('short');
    expect(await c.getByTestId('z-difference').textContent()).toContain('Rp 2.000');
    expect(await c.getByTestId('z-expected').textContent()).toBe('Rp 253.500');
    await shots(c, 'cashier-shift-closed', CASHIER_SIZES);
    await c.keyboard.press('Escape');
    await c.getByTestId('shift-open').waitFor();
    expect((await value<CounterView>(app, 'getCounter')).shift).toBeNull();
  }, 180_000);

  it('a refund needs the owner PIN: refused without it (nothing written), given with it', async () => {
    const orders = await value<{ items: OrderView[] }>(app, 'listOrders', { filter: { methods: ['cash'] }, limit: 10 });
    const saleId = orders.items.find((o) => o.price === 23_500)!.saleId!;
    const refused = await app.call('refundSale', {
      saleId,
      amount: 3_500,
      channel: 'bank_transfer',
      note: 'salah hitung',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'owner_required' } });
    expect((await value<SaleView>(app, 'getSale', { saleId })).refunds).toEqual([]);
    await value(app, 'unlockOwner', { pin: OWNER.pin });
    const given = await value<SaleView>(app, 'refundSale', {
      saleId,
      amount: 3_500,
      channel: 'bank_transfer',
      note: 'salah hitung',
    });
    expect(given.refunds).toEqual([expect.objectContaining({ amount: 3_500, by: OWNER.name, kind: 'refund' })]);
  });
});
