import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CashSaleResult, CounterView, SaleView } from '../../src/shared/counter';
import type { OrderView } from '../../src/shared/domain';
import { startApp, type RunningApp } from './support/app';

/**
 * The counter's people and money back, in Chromium: the owner's lock in the header and its
 * PIN pad, a refund from a sale's detail that main refuses until the owner's PIN is given
 * (nothing written before), a change of cashier that the next sale carries, and a split sale
 * whose QR expired finished in cash from the Shift tab. Screenshots of each new screen at
 * 1366x768 and 1024x768, in Indonesian and once in English.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });
const OWNER = { name: 'Bu Sari', pin: '482916' };
const BUDI = { name: 'Budi', pin: '582047' };
const ANI = { name: 'Ani', pin: '730164' };
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

async function value<T>(app: RunningApp, name: string, input: unknown = {}): Promise<T> {
  const r = await app.call<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value as T;
}

async function shots(page: Page, name: string, lang: 'id' | 'en'): Promise<void> {
  for (const s of SIZES) {
    await page.setViewportSize(s);
    await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [s.width, s.height]);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(outDir, `counter-${name}-${lang}-${s.width}x${s.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const k of pin) await page.keyboard.press(k);
  await page.keyboard.press('Enter');
}

/** PINs are scrypt-hashed in main: on a busy machine an answer takes seconds, not the default one. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const drawerExpected = async (app: RunningApp) => (await value<CounterView>(app, 'getCounter')).shift!.drawer.expected;

describe('the counter: PIN pad, owner lock, refunds, change of cashier, the rest in cash', () => {
  let app: RunningApp;
  let c: Page;
  beforeAll(async () => {
    app = await startApp({ language: 'id' });
    c = app.cashier;
    // The people, set up as Settings does (its screens are tested in counter.test.ts).
    await value(app, 'setOwnerPin', { name: OWNER.name, pin: OWNER.pin });
    await value(app, 'unlockOwner', { pin: OWNER.pin });
    await value(app, 'addCashier', BUDI);
    await value(app, 'addCashier', ANI);
    await value(app, 'lockOwner');
    await c.getByTestId('amount').waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the header shows no shift and a locked owner; the PIN pad unlocks with the keyboard and locks again', async () => {
    await poll(() => c.getByTestId('till-cashier').textContent()).toBe('Shift belum dibuka');
    await c.getByTestId('owner-unlock-header').click();
    const pad = c.getByTestId('owner-pin-pad');
    await pad.waitFor();
    // Dots, never the digits.
    for (const k of '4829') await c.keyboard.press(k);
    expect(await pad.getByTestId('pin-dots').getAttribute('data-count')).toBe('4');
    expect(await pad.textContent()).not.toContain('4829');
    await c.keyboard.press('Backspace');
    expect(await pad.getByTestId('pin-dots').getAttribute('data-count')).toBe('3');
    // Digits typed over the sale screen never reach its amount.
    expect(await c.getByTestId('amount').textContent()).toBe('Rp 0');
    await shots(c, 'pin-pad', 'id');
    await c.keyboard.press('Escape');
    await pad.waitFor({ state: 'detached' });
    expect((await value<{ ownerUnlocked: boolean }>(app, 'getAccess')).ownerUnlocked).toBe(false);

    await c.getByTestId('owner-unlock-header').click();
    await pad.waitFor();
    await typePin(c, OWNER.pin);
    await c.getByTestId('owner-lock-header').waitFor();
    expect((await value<{ ownerUnlocked: boolean }>(app, 'getAccess')).ownerUnlocked).toBe(true);
    await c.getByTestId('owner-lock-header').click();
    await c.getByTestId('owner-unlock-header').waitFor();
    expect((await value<{ ownerUnlocked: boolean }>(app, 'getAccess')).ownerUnlocked).toBe(false);
  });

  it('a shift opened on the pad puts the cashier in the header', async () => {
    await c.getByTestId('nav-shift').click();
    await c.getByTestId(`shift-cashier-${BUDI.name}`).click();
    await c.getByTestId('shift-opening').fill('200000');
    await c.getByTestId('shift-open-submit').click();
    await c.getByTestId('cashier-pin-pad').waitFor();
    await shots(c, 'shift-open-pin', 'id');
    await typePin(c, BUDI.pin);
    await c.getByTestId('shift-drawer').waitFor();
    await poll(() => c.getByTestId('till-cashier').textContent()).toBe('Kasir: Budi');
  });

  it('a refund from the sale detail: refused without the owner PIN (nothing written), then given with it', async () => {
    const cash = await value<CashSaleResult>(app, 'sellCash', { amount: 23_500, tendered: 50_000 });
    const saleId = cash.sale.saleId;
    // Made from outside the keypad: the counter goes back to it as a cashier would.
    await value(app, 'dismissSale', { orderId: cash.order.orderId });
    const before = await drawerExpected(app);
    expect(before).toBe(223_500);

    await c.getByTestId('nav-history').click();
    await c.getByTestId('history-row').first().click();
    const box = c.getByTestId('sale-box');
    await box.waitFor();
    expect(await box.getByTestId('sale-refundable').textContent()).toBe('Rp 23.500');
    await box.getByTestId('refund-open').click();
    await box.getByTestId('refund-amount').fill('3500');
    await box.getByTestId('refund-channel-cash').click();
    // The note is required: the form says so and sends nothing.
    await box.getByTestId('refund-submit').click();
    await poll(() => box.getByTestId('refund-problems').locator('[data-problem="note_missing"]').count()).toBe(1);
    await box.getByTestId('refund-note').fill('salah hitung harga');
    await shots(c, 'refund-form', 'id');

    // Locked: main refuses, the owner's pad opens; backing out leaves everything as it was.
    await box.getByTestId('refund-submit').click();
    const pad = c.getByTestId('owner-pin-pad');
    await pad.waitFor();
    await shots(c, 'refund-owner-pin', 'id');
    await pad.getByTestId('pin-cancel').click();
    await poll(() => box.getByTestId('error').getAttribute('data-code')).toBe('owner_required');
    expect((await value<SaleView>(app, 'getSale', { saleId })).refunds).toEqual([]);
    expect(await drawerExpected(app)).toBe(before);
    expect(await box.getByTestId('sale-refunded').textContent()).toBe('Rp 0');

    // A wrong PIN on the pad: refused, still nothing written; then the right one, and the refund goes on.
    await box.getByTestId('refund-submit').click();
    await pad.waitFor();
    await typePin(c, '000000');
    await poll(() => pad.getByTestId('pin-message').getAttribute('data-kind')).toBe('wrong');
    expect((await value<SaleView>(app, 'getSale', { saleId })).refunds).toEqual([]);
    for (const k of OWNER.pin) await pad.getByTestId(`pin-key-${k}`).click();
    await pad.getByTestId('pin-ok').click();
    await box.getByTestId('refund-done').waitFor();
    expect(await box.getByTestId('sale-refunded').textContent()).toBe('Rp 3.500');
    expect(await box.getByTestId('sale-refunds').textContent()).toContain('salah hitung harga');
    const sale = await value<SaleView>(app, 'getSale', { saleId });
    expect(sale.refunds).toEqual([
      expect.objectContaining({ amount: 3_500, channel: 'cash', by: OWNER.name, kind: 'refund' }),
    ]);
    // The drawer gives the cash back; the day's totals count it.
    expect(await drawerExpected(app)).toBe(before - 3_500);
    await poll(() => c.getByTestId('today-refunds').textContent()).toContain('Rp 3.500');
    await shots(c, 'refund-done', 'id');
    await c.getByTestId('detail-close').click();
    await poll(() => c.getByTestId('today-after-refunds').textContent()).toContain('Rp 20.000');
    await shots(c, 'history-refunds', 'id');
    await c.getByTestId('nav-shift').click();
    await poll(() => c.getByTestId('drawer-cash-refunds').textContent()).toBe('-Rp 3.500');
    expect(await c.getByTestId('drawer-expected').textContent()).toBe('Rp 220.000');
    await value(app, 'lockOwner');
  });

  it('a change of cashier on the pad shows in the header and on the next sale and its receipt', async () => {
    await c.getByTestId('nav-shift').click();
    await c.getByTestId(`change-to-${ANI.name}`).click();
    const pad = c.getByTestId('cashier-pin-pad');
    await pad.waitFor();
    await typePin(c, BUDI.pin);
    await poll(() => pad.getByTestId('pin-message').getAttribute('data-kind')).toBe('wrong');
    await typePin(c, ANI.pin);
    await c.getByTestId('change-done').waitFor();
    await poll(() => c.getByTestId('till-cashier').textContent()).toBe('Kasir: Ani');
    await shots(c, 'shift-changed', 'id');

    // The next sale, made on the keypad, is Ani's.
    await c.getByTestId('nav-sale').click();
    await c.getByTestId('amount').waitFor();
    for (const k of '15000') await c.keyboard.press(k);
    await c.keyboard.press('F2');
    await c.getByTestId('cash-panel').waitFor();
    await c.keyboard.press('Enter');
    await c.getByTestId('outcome-paid').waitFor();
    const paid = await value<OrderView>(app, 'getActiveSale');
    expect((await value<SaleView>(app, 'getSale', { saleId: paid.saleId })).cashier?.name).toBe(ANI.name);
    expect((await value<{ text: string }>(app, 'receiptText', { orderId: paid.orderId })).text).toContain(ANI.name);
    await c.getByTestId('new-sale').click();
  });

  it('a split sale whose QR expired is finished in cash from the Shift tab', async () => {
    const before = await drawerExpected(app);
    await c.getByTestId('amount').waitFor();
    for (const k of '100000') await c.keyboard.press(k);
    await c.getByTestId('method-cash').click();
    for (const k of '40000') await c.keyboard.press(k);
    await c.getByTestId('cash-split').click();
    await c.getByTestId('qr').waitFor();
    const part = await value<OrderView>(app, 'getActiveSale');
    expect(part).toMatchObject({ method: 'qris', price: 60_000 });
    app.sim.expire(part.orderId);
    await c.getByTestId('outcome-expired').waitFor({ timeout: 30_000 });
    await c.getByTestId('new-sale').click();

    await c.getByTestId('nav-shift').click();
    const row = c.locator(`[data-testid="unpaid-sale"][data-sale-id="${part.saleId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('unpaid-due').textContent()).toBe('Sisa Rp 60.000');
    await shots(c, 'shift-unpaid', 'id');
    await row.getByTestId('rest-pay').click();
    const rest = c.getByTestId('rest-cash');
    await rest.getByTestId('rest-tendered').fill('100000');
    expect(await rest.getByTestId('rest-change').textContent()).toBe('Kembalian Rp 40.000');
    await shots(c, 'shift-rest-cash', 'id');
    await rest.getByTestId('rest-take').click();
    await c.getByTestId('rest-done').waitFor();
    expect(await c.getByTestId('rest-done').textContent()).toContain('Rp 40.000');
    expect(await c.locator('[data-testid="unpaid-sale"]').count()).toBe(0);
    expect(await value<SaleView>(app, 'getSale', { saleId: part.saleId })).toMatchObject({
      state: 'paid',
      paid: 100_000,
      remaining: 0,
    });
    // 40.000 in cash first, the rest 60.000 now.
    expect(await drawerExpected(app)).toBe(before + 100_000);
  }, 120_000);

  it('the same screens in English', async () => {
    await value(app, 'unlockOwner', { pin: OWNER.pin });
    await value(app, 'updateSettings', { language: 'en' });
    await poll(() => c.getByTestId('till-cashier').textContent()).toBe('Cashier: Ani');
    await shots(c, 'shift', 'en');
    // A QRIS sale: its money cannot go back through Pakasir, and the form says so.
    const qris = await value<OrderView>(app, 'charge', { amount: 25_000, method: 'qris' });
    await value(app, 'simulatePayment', { orderId: qris.orderId });
    await poll(
      async () => (await value<{ order: OrderView }>(app, 'getOrder', { orderId: qris.orderId })).order.state,
    ).toBe('paid');
    await value(app, 'dismissSale', { orderId: qris.orderId });
    await c.getByTestId('nav-history').click();
    await c.getByTestId('history-row').first().click();
    const box = c.getByTestId('sale-box');
    await box.waitFor();
    await box.getByTestId('refund-open').click();
    await box.getByTestId('refund-channel-bank_transfer').click();
    await box.getByTestId('refund-pakasir-note').waitFor();
    await shots(c, 'refund-form', 'en');
    await c.getByTestId('detail-close').click();
    await value(app, 'lockOwner');
    await c.getByTestId('owner-unlock-header').click();
    await c.getByTestId('owner-pin-pad').waitFor();
    await shots(c, 'pin-pad', 'en');
    // Too many wrong PINs: main pauses the owner's PIN and the pad says how long, plainly.
    for (let i = 0; i < 4; i++)
      expect(await app.call('unlockOwner', { pin: '000000' })).toMatchObject({ error: { code: 'pin_wrong' } });
    const pad = c.getByTestId('owner-pin-pad');
    await typePin(c, '000000');
    await poll(() => pad.getByTestId('pin-message').getAttribute('data-kind')).toBe('locked');
    expect(await pad.getByTestId('pin-message').textContent()).toMatch(
      /^Too many wrong PINs\. Try again in \d+ seconds\.$/,
    );
    for (const k of OWNER.pin) await c.keyboard.press(k);
    expect(await pad.getByTestId('pin-ok').isDisabled()).toBe(true);
    await shots(c, 'pin-pad-locked', 'en');
    await c.keyboard.press('Escape');
    expect((await value<{ ownerUnlocked: boolean }>(app, 'getAccess')).ownerUnlocked).toBe(false);
  });
});
