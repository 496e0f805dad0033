import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView } from '../../src/shared/domain';
import { parseTlv } from '../../src/shared/qris';
import { createSimulator, randomApiKey, type Simulator } from '../../src/simulator/simulator';
import { startApp, type RunningApp } from './support/app';
import { decodeQr } from './support/qr';

/**
 * The cashier's flows around a sale, in Chromium: the method question, the amount kept after
 * a cancel or an expiry, the round price on both windows and in the history, the charge
 * button that stays put while typing, the payment link by WhatsApp, and the guided setup
 * of a real project against the simulator.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

afterEach(async () => {
  app.sim.faults.clear();
  const active = app.services.payments.getActiveSale();
  if (active && !['paid', 'canceled', 'expired', 'failed', 'needs_review'].includes(active.state))
    await app.services.payments.cancelSale(active.orderId);
  const still = app.services.payments.getActiveSale();
  if (still) app.services.payments.dismissSale(still.orderId);
  await app.cashier.setViewportSize({ width: 1366, height: 768 });
  await app.cashier.getByTestId('nav-sale').click();
  await app.cashier.getByTestId('key-1').waitFor();
});

async function typeAmount(digits: string): Promise<void> {
  await app.cashier.getByTestId('key-clear').click();
  for (const d of digits) await app.cashier.getByTestId(`key-${d}`).click();
}

function activeSale(): OrderView {
  const sale = app.services.payments.getActiveSale();
  if (!sale) throw new Error('no active sale');
  return sale;
}

const text = (testId: string, page = app.cashier) => page.getByTestId(testId).innerText();

describe('no silent method switch', () => {
  it('above the QRIS cap the button still says QRIS, and charging asks which method instead', async () => {
    await typeAmount('12000000');
    await expect.poll(() => text('charge')).toBe('Tagih QRIS Rp 12.000.000');
    expect(await app.cashier.getByTestId('charge').getAttribute('data-plan')).toBe('ask');
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('method-question').waitFor();
    expect(await text('method-question-reason')).toContain('10.000.000');
    // Only methods that can take the amount are offered.
    expect(await app.cashier.getByTestId('ask-qris').count()).toBe(0);
    expect(await app.cashier.getByTestId('ask-bni_va').count()).toBe(1);
    // Nothing was charged by asking.
    expect(app.services.payments.getActiveSale()?.state ?? null).not.toBe('awaiting_payment');
    await app.cashier.getByTestId('ask-back').click();
    await app.cashier.getByTestId('method-question').waitFor({ state: 'detached' });
    await expect.poll(() => text('amount')).toContain('12.000.000');
    // Enter asks too, and the cashier's choice is what gets charged.
    await app.cashier.keyboard.press('Enter');
    await app.cashier.getByTestId('ask-bri_va').click();
    await app.cashier.getByTestId('va-number').waitFor();
    expect(activeSale()).toMatchObject({ method: 'bri_va', price: 12_000_000 });
  });

  it('the charge button does not move while the cashier types, at 1024x768', async () => {
    await app.cashier.setViewportSize({ width: 1024, height: 768 });
    await app.cashier.getByTestId('key-clear').click();
    const button = app.cashier.getByTestId('charge');
    const before = await button.boundingBox();
    expect(before).not.toBeNull();
    // Each amount changes what the method buttons say (minimums, the QRIS cap, the maximum).
    for (const amount of ['5', '5000', '25000', '12000000', '50000000']) {
      await typeAmount(amount);
      await expect.poll(() => text('amount')).toContain(Number(amount).toLocaleString('id-ID'));
      expect(await button.boundingBox(), `after typing ${amount}`).toEqual(before);
    }
    // The whole button is on screen.
    expect(before!.y + before!.height).toBeLessThanOrEqual(768);
    expect(before!.x + before!.width).toBeLessThanOrEqual(1024);
  });
});

/**
 * Notes, in the page, each different thing the window shows from now on: a MutationObserver
 * started before the click, so even a screen that is up for one frame is seen.
 */
async function watchScreens(page: typeof app.cashier, which: 'cashier' | 'customer'): Promise<void> {
  await page.evaluate((w) => {
    const seen: string[] = [];
    (window as unknown as { __screens: string[] }).__screens = seen;
    const now = (): string => {
      if (w === 'customer')
        return document.querySelector('[data-testid="customer-state"]')?.getAttribute('data-state') ?? '';
      if (document.querySelector('[data-testid="qr"]')) return 'qr';
      const state = document.querySelector('[data-testid="state"]');
      if (state) return `payment:${state.getAttribute('data-state')}`;
      const charge = document.querySelector('[data-testid="charge"]');
      return charge?.hasAttribute('disabled') ? 'keypad:charging' : 'keypad';
    };
    const note = () => {
      const s = now();
      if (seen[seen.length - 1] !== s) seen.push(s);
    };
    note();
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
  }, which);
}

const screensSeen = (page: typeof app.cashier) =>
  page.evaluate(() => (window as unknown as { __screens: string[] }).__screens);

describe('a new sale goes from the keypad to its QR', () => {
  it('with a slow Pakasir, both windows say it is being prepared once the short wait is over', async () => {
    // Far longer than the wait before "preparing" shows, whatever this machine's speed.
    app.sim.faults.add({ route: 'v2.create', latencyMs: 2_500, times: 1 });
    await typeAmount('25000');
    await expect.poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state')).toBe('idle');
    await watchScreens(app.cashier, 'cashier');
    await watchScreens(app.customer, 'customer');
    await app.cashier.getByTestId('charge').click();
    // Cash (F2) while the charge is on its way, before its button says so: one sale at a time.
    await app.cashier.keyboard.press('F2');
    expect(await app.cashier.getByTestId('cash-panel').count()).toBe(0);
    await app.cashier.getByTestId('qr').waitFor();
    await expect.poll(() => app.customer.getByTestId('customer-state').getAttribute('data-state')).toBe('awaiting');
    // The keypad stays, its button saying it is charging, until the wait is over; then the
    // "preparing" screens; then the QR. Never the keypad again in between.
    expect(await screensSeen(app.cashier)).toEqual(['keypad', 'keypad:charging', 'payment:creating', 'qr']);
    expect(await screensSeen(app.customer)).toEqual(['idle', 'preparing', 'awaiting']);
  });
});

describe("the cashier's amount survives", () => {
  it('a cancel: "change method" returns to the keypad with the amount and note', async () => {
    await typeAmount('30000');
    await app.cashier.getByTestId('note').fill('meja 4');
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('qr').waitFor();
    await app.cashier.getByTestId('cancel').click();
    await app.cashier.getByTestId('confirm-yes').click();
    await app.cashier.getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
    expect(await text('recreate')).toContain('Buat QR baru');
    await app.cashier.getByTestId('change-method').click();
    await expect.poll(() => text('amount')).toContain('30.000');
    expect(await app.cashier.getByTestId('note').inputValue()).toBe('meja 4');
    await app.cashier.getByTestId('method-bni_va').click();
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('va-number').waitFor();
    expect(activeSale()).toMatchObject({ method: 'bni_va', price: 30_000, note: 'meja 4' });
  });

  it('an expiry: a VA offers a new number (not a QR) and another method keeps the amount', async () => {
    await typeAmount('45000');
    await app.cashier.getByTestId('method-bri_va').click();
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('va-number').waitFor();
    const sale = activeSale();
    app.sim.expire(sale.orderId);
    await app.cashier.getByTestId('outcome-expired').waitFor({ timeout: 15_000 });
    expect(await text('recreate')).toContain('Buat nomor VA baru');
    expect(await text('recreate')).not.toContain('QR');
    await app.cashier.getByTestId('change-method').click();
    await expect.poll(() => text('amount')).toContain('45.000');
    await app.cashier.getByTestId('method-qris').click();
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('qr').waitFor();
    expect(activeSale()).toMatchObject({ method: 'qris', price: 45_000 });
  });
});

describe('who pays the fee, plainly', () => {
  it('round price: the customer pays Rp 25.000 on both windows; the history shows the fee as the shop’s cost', async () => {
    expect(app.services.settings.view().feePayer).toBe('shop');
    expect(await text('fee-line')).toContain('harga bulat');
    await typeAmount('25000');
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('qr').waitFor();
    await app.customer.getByTestId('customer-qr').waitFor();
    const sale = activeSale();
    expect(sale).toMatchObject({ price: 25_000, totalPayment: 25_000, feePayer: 'shop' });
    await expect.poll(() => text('total')).toBe('Rp 25.000');
    await expect.poll(() => text('customer-total', app.customer)).toBe('Rp 25.000');
    expect(await app.customer.getByTestId('customer-fee').count()).toBe(0);
    // The phone reads exactly the price from either screen.
    const payload = await decodeQr(app.customer.getByTestId('customer-qr'));
    expect(payload).toBe(sale.paymentNumber);
    expect(parseTlv(payload!).find((f) => f.tag === '54')?.value).toBe('25000.00');
    const receives = 25_000 - sale.fee!;
    expect(await text('pay-shop-receives')).toBe(`Rp ${receives.toLocaleString('id-ID')}`);
    expect(await text('pay-fee')).toContain(sale.fee!.toLocaleString('id-ID'));

    app.sim.pay(sale.orderId);
    await app.cashier.getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
    expect(await text('outcome-customer-paid')).toContain('Rp 25.000');
    expect(await text('outcome-shop-receives')).toContain(receives.toLocaleString('id-ID'));
    expect(await text('outcome-shop-receives')).toContain('ditanggung toko');
    await expect.poll(() => text('customer-total', app.customer)).toBe('Rp 25.000');

    await app.cashier.getByTestId('new-sale').click();
    await app.cashier.getByTestId('nav-history').click();
    await app.cashier.getByTestId('tab-sales').click();
    const row = app.cashier.getByTestId('history-row').filter({ hasText: sale.orderId });
    await row.waitFor();
    expect(await row.getByTestId('row-customer-pays').innerText()).toBe('Rp 25.000');
    expect(await row.getByTestId('row-shop-receives').innerText()).toBe(`Rp ${receives.toLocaleString('id-ID')}`);
    await row.click();
    await app.cashier.getByTestId('order-detail').waitFor();
    expect(await text('detail-fee')).toContain('ditanggung toko');
    // The timeline reads as sentences, never the engine's codes.
    const timeline = await text('timeline');
    expect(timeline).toContain('Permintaan tagihan dikirim ke Pakasir');
    expect(timeline).not.toMatch(/create_attempt|completed|created/);
    await app.cashier.getByTestId('detail-close').click();
    await app.cashier.getByTestId('tab-report').click();
    await app.cashier.getByTestId('daily-report').waitFor();
    await expect.poll(() => text('report-fees-notes')).toContain('ditanggung toko');
  });

  it('the history search finds the sale by its amount, typed with or without dots', async () => {
    await app.cashier.getByTestId('nav-history').click();
    await app.cashier.getByTestId('tab-sales').click();
    const search = app.cashier.getByTestId('filter-search');
    expect(await search.getAttribute('placeholder')).toContain('jumlah');
    for (const typed of ['25000', '25.000']) {
      await search.fill(typed);
      await app.cashier.getByTestId('filter-apply').click();
      await expect.poll(() => app.cashier.getByTestId('history-row').count()).toBeGreaterThan(0);
      for (const cell of await app.cashier.getByTestId('history-row').locator('td.num').first().allInnerTexts())
        expect(cell).toBe('Rp 25.000');
    }
    // The day fields read dd/mm/yyyy whatever the browser's own locale.
    expect(await app.cashier.getByTestId('filter-from').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});

describe('the payment link', () => {
  it('is sent by WhatsApp as a wa.me link with the number made international', async () => {
    await typeAmount('80000');
    await app.cashier.getByTestId('method-payment_link').click();
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('qr').waitFor();
    const sale = activeSale();
    // Nothing leaves the machine in the test either: WhatsApp is answered locally.
    const opened: string[] = [];
    await app.context.route('https://wa.me/**', (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'ok' });
    });
    await app.cashier.getByTestId('wa-number').fill('12');
    await app.cashier.getByTestId('wa-send').click();
    await app.cashier.getByTestId('wa-invalid').waitFor();
    await app.cashier.getByTestId('wa-number').fill('0812-3456-7890');
    const popup = app.context.waitForEvent('page');
    await app.cashier.getByTestId('wa-send').click();
    const page = await popup;
    await expect.poll(() => opened.length).toBe(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe('https://wa.me/6281234567890');
    expect(url.searchParams.get('text')).toContain(sale.paymentUrl!);
    expect(url.searchParams.get('text')).toContain('Rp 80.000');
    await page.close();
    await app.context.unroute('https://wa.me/**');
  });
});

describe('the guided setup of a real project', () => {
  let sim: Simulator;
  const project = { slug: 'warung-uji', apiKey: randomApiKey(), sandbox: true };
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, projects: [project] });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('project code and key together, a test that says what to do, the fee choice, sandbox then production', async () => {
    app.services.settings.update({ acceptInsecureStorage: true, terminalPrefix: 'SETUP' });
    await app.cashier.getByTestId('nav-settings').click();
    await app.cashier.getByTestId('project-setup').waitFor();
    await app.cashier.getByTestId('settings-advanced').click();
    await app.cashier.getByTestId('settings-base-url').fill(sim.baseUrl);
    await app.cashier.getByTestId('settings-slug').fill(project.slug);
    // A wrong key first: the test says what to do about it.
    await app.cashier.getByTestId('api-key-input').fill('salah-kunci-123456');
    await app.cashier.getByTestId('setup-save').click();
    await expect.poll(() => text('api-key-status')).toContain('3456');
    await app.cashier.getByTestId('test-connection').click();
    await expect.poll(() => app.cashier.getByTestId('test-result').getAttribute('data-code')).toBe('auth');
    expect(await text('test-result')).toContain('Salin lagi kunci');
    // The right key: entered on its own, nothing else changes.
    await app.cashier.getByTestId('api-key-input').fill(project.apiKey);
    await app.cashier.getByTestId('setup-save').click();
    await expect.poll(() => text('api-key-status')).toContain(project.apiKey.slice(-4));
    await app.cashier.getByTestId('test-connection').click();
    await expect.poll(() => app.cashier.getByTestId('test-result').getAttribute('data-code')).toBe('ok');
    expect(await app.cashier.getByTestId('setup-step-2').getAttribute('data-done')).toBe('true');
    expect(app.services.settings.view()).toMatchObject({ mode: 'sandbox', projectSlug: project.slug });

    // Changing the project code says, before saving, that the stored key would go.
    await app.cashier.getByTestId('settings-slug').fill('proyek-lain');
    await app.cashier.getByTestId('key-will-wipe').waitFor();
    await app.cashier.getByTestId('settings-slug').fill(project.slug);
    await app.cashier.getByTestId('key-will-wipe').waitFor({ state: 'detached' });
    expect(app.services.settings.view().apiKeySet).toBe(true);

    // Who pays the fee: not chosen yet (the shop bears it meanwhile), then chosen.
    await app.cashier.getByTestId('fee-not-chosen').waitFor();
    await app.cashier.getByTestId('fee-payer-shop').click();
    await expect.poll(() => app.cashier.getByTestId('setup-step-3').getAttribute('data-done')).toBe('true');

    // A sandbox sale: Pakasir's answer shows who bears the fee in the project.
    await app.cashier.getByTestId('nav-sale').click();
    await typeAmount('10000');
    await app.cashier.getByTestId('charge').click();
    await app.cashier.getByTestId('qr').waitFor();
    const sale = activeSale();
    expect(sale).toMatchObject({ price: 10_000, totalPayment: 10_000, sandbox: true });
    await app.cashier.getByTestId('cancel').click();
    await app.cashier.getByTestId('confirm-yes').click();
    await app.cashier.getByTestId('outcome-canceled').waitFor({ timeout: 15_000 });
    await app.cashier.getByTestId('new-sale').click();
    await app.cashier.getByTestId('nav-settings').click();
    await expect.poll(() => app.cashier.getByTestId('fee-detected').getAttribute('data-bearer')).toBe('customer');
    expect(await app.cashier.getByTestId('setup-step-4').getAttribute('data-done')).toBe('true');

    // Then production, after a plain question.
    await app.cashier.getByTestId('go-live').click();
    await app.cashier.getByTestId('go-live-yes').click();
    await expect.poll(() => app.services.settings.view().mode).toBe('production');
    // Main knows first; the window follows when its settingsChanged event arrives.
    await expect.poll(() => app.cashier.getByTestId('setup-step-5').getAttribute('data-done')).toBe('true');

    // Back to demo for whatever runs next.
    await app.cashier.getByTestId('api-key-clear').click();
    await expect.poll(() => app.services.settings.view().mode).toBe('demo');
    app.services.settings.update({ sandbox: true, projectSlug: '', baseUrl: 'https://app.pakasir.com' });
  });
});
