import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AccessView, CounterView, ZReport } from '../../src/shared/counter';
import type { ItemView } from '../../src/shared/items';
import type { OrderView } from '../../src/shared/domain';
import { formatRupiah } from '../../src/shared/money';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { decodeEscPos } from '../support/escpos/decoder';
import { startTestPrinter, type TestPrinter } from '../support/test-printer';
import { startApp, type RunningApp } from './support/app';
import { checkLayout } from './support/layout';

/**
 * The Z report screen and the end of the day in Chromium, with the loopback ESC/POS printer:
 * a cash sale with change prints its receipt with the drawer pulse (a QRIS sale's without);
 * closing the business day is refused while the shift is open; the shift closes with a
 * difference, the Z screen shows it, prints it (bytes decoded at the printer) and saves a
 * CSV whose totals are the screen's; then the day is closed and its frozen report printed.
 * Quick items are the owner's; a customer display reloaded mid-cart shows the cart at once.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });
const OWNER = { name: 'Bu Sari', pin: '482916' };
const CASHIER = { name: 'Budi', pin: '582047' };
const CASHIER_SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const CUSTOMER_SIZES = [
  { width: 1920, height: 1080 },
  { width: 800, height: 480 },
];

async function value<T>(app: RunningApp, name: string, input: unknown = {}): Promise<T> {
  const r = await app.call<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
  return r.value as T;
}

async function frame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function shots(page: Page, name: string, sizes = CASHIER_SIZES): Promise<void> {
  for (const s of sizes) {
    await page.setViewportSize(s);
    await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [s.width, s.height]);
    await frame(page);
    await page.screenshot({ path: join(outDir, `${name}-${s.width}x${s.height}.png`) });
    if (name.startsWith('customer')) expect((await checkLayout(page)).problems, `${name} ${s.width}`).toEqual([]);
  }
  await page.setViewportSize(sizes[0]!);
}

/** The owner's PIN, one cashier, a network printer printing on paid, and a shift opened with 200.000. */
async function setUpShop(app: RunningApp, printer: TestPrinter): Promise<string> {
  await value(app, 'setOwnerPin', OWNER);
  const access = await value<AccessView>(app, 'addCashier', CASHIER);
  await value(app, 'updatePrinterSettings', {
    target: { kind: 'tcp', host: printer.host, port: printer.port },
    autoPrint: true,
  });
  const staffId = access.staff.find((s) => s.name === CASHIER.name)!.staffId;
  await value(app, 'openShift', { staffId, pin: CASHIER.pin, openingCash: 200_000 });
  return staffId;
}

describe('the Z report screen and the end of the day (id)', () => {
  let app: RunningApp;
  let printer: TestPrinter;
  const c = () => app.cashier;
  beforeAll(async () => {
    printer = await startTestPrinter();
    app = await startApp({ language: 'id' });
    await app.customer.getByTestId('customer-state').waitFor();
    await setUpShop(app, printer);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await printer?.close();
  });

  it('a cash sale with change prints Tunai, the change and the drawer pulse; a QRIS receipt has no pulse', async () => {
    await c().getByTestId('nav-sale').click();
    await c().getByTestId('amount').waitFor();
    for (const k of '23500') await c().keyboard.press(k);
    await c().keyboard.press('F2');
    await c().getByTestId('cash-panel').waitFor();
    for (const k of '50000') await c().keyboard.press(k);
    await c().keyboard.press('Enter');
    await c().getByTestId('outcome-paid').waitFor();
    const [cash] = await printer.waitForJobs(1);
    const d = decodeEscPos(cash!);
    const text = d.lines.join('\n');
    expect(text).toMatch(/TOTAL +Rp 23\.500/);
    expect(text).toMatch(/Tunai +Rp 50\.000/);
    expect(text).toMatch(/Kembali +Rp 26\.500/);
    expect(d.pulses).toHaveLength(1);
    await expect
      .poll(() =>
        app.customer
          .getByTestId('customer-line-change')
          .textContent({ timeout: 5_000 })
          .catch(() => null),
      )
      .toContain('Rp 26.500');
    await shots(app.customer, 'customer-cash-change', CUSTOMER_SIZES);
    await c().getByTestId('new-sale').click();

    await c().getByTestId('amount').waitFor();
    for (const k of '60000') await c().keyboard.press(k);
    await c().getByTestId('charge').click();
    await c().getByTestId('simulate').click();
    await c().getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
    const [, qris] = await printer.waitForJobs(2);
    const q = decodeEscPos(qris!);
    expect(q.lines.join('\n')).toMatch(/TOTAL +Rp 60\.000/);
    expect(q.lines.join('\n')).not.toMatch(/Kembali/);
    expect(q.pulses).toEqual([]);
    await c().getByTestId('new-sale').click();
  });

  it('closing the business day is refused plainly while its shift is open; nothing is closed', async () => {
    await c().getByTestId('nav-shift').click();
    await c().getByTestId('open-zreports').click();
    await c().getByTestId('z-screen').waitFor();
    await expect.poll(() => c().getByTestId('z-screen').getAttribute('data-scope')).toBe('day');
    expect(await c().getByTestId('z-day-shift-open').textContent()).toContain(CASHIER.name);
    // The day's report is live while the day is open: it counts both sales already.
    expect(await c().getByTestId('z-gross').textContent()).toBe('Rp 83.500');
    await shots(c(), 'cashier-z-day-open');
    await c().getByTestId('z-close-day').click();
    await c().getByTestId('z-close-day-confirm').waitFor();
    await shots(c(), 'cashier-z-close-day-confirm');
    // Enter on the focused "Yes" confirms: main refuses, and says what to do.
    await c().keyboard.press('Enter');
    const error = c().getByTestId('z-actions').getByTestId('error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('busy');
    expect(await error.textContent()).toContain(id['zreport.dayShiftOpen']);
    await shots(c(), 'cashier-z-close-day-refused');
    const day = (await value<CounterView>(app, 'getCounter')).shift!.businessDay;
    expect((await value<ZReport>(app, 'getZReport', { day })).closes).toEqual([]);
    await c().keyboard.press('Escape');
    await c().getByTestId('shift-drawer').waitFor();
  });

  it('the shift closes with a difference; the Z screen shows it, prints it and saves a CSV that agrees', async () => {
    await c().getByTestId('move-out').click();
    await c().getByTestId('move-amount').fill('10000');
    await c().getByTestId('move-reason').fill('beli es batu');
    await c().getByTestId('move-submit').click();
    await expect.poll(() => c().getByTestId('drawer-expected').textContent()).toBe('Rp 213.500');
    await c().getByTestId('close-counted').fill('211500');
    const jobsBefore = printer.jobs.length;
    await c().getByTestId('close-submit').click();

    await c().getByTestId('z-screen').waitFor();
    expect(await c().getByTestId('z-notice').textContent()).toBe(id['zreport.shiftClosedNow']);
    expect(await c().getByTestId('z-expected').textContent()).toBe('Rp 213.500');
    expect(await c().getByTestId('z-counted').textContent()).toBe('Rp 211.500');
    const diff = c().getByTestId('z-difference');
    expect(await diff.getAttribute('data-tone')).toBe('short');
    expect(await diff.textContent()).toContain('Rp 2.000');
    // The difference is also among the four figures at the top, above the fold.
    expect(await c().getByTestId('z-total-diff').getAttribute('data-tone')).toBe('short');
    expect(await c().getByTestId('z-total-diff').textContent()).toContain('-Rp 2.000');
    expect(await c().getByTestId('z-cash-out').textContent()).toBe('− Rp 10.000');
    expect(await c().getByTestId('z-recorded').textContent()).toContain('Rp 60.000');
    expect(await c().getByTestId('z-movements').textContent()).toContain('beli es batu');

    // The close printed the Z report on its own (a printer is set up).
    const jobs = await printer.waitForJobs(jobsBefore + 1);
    const z = decodeEscPos(jobs[jobsBefore]!).lines.join('\n');
    expect(z).toContain('LAPORAN Z');
    expect(z).toMatch(/Tunai \(1\) +Rp 23\.500/);
    expect(z).toMatch(/QRIS \(1\) +Rp 60\.000/);
    expect(z).toMatch(/Selisih +-Rp 2\.000/);
    await expect.poll(() => c().getByTestId('z-print-job').getAttribute('data-state')).toBe('done');
    await shots(c(), 'cashier-z-shift');

    // Another copy from the screen (Ctrl+P), marked as a reprint at the printer.
    await c().keyboard.press('Control+p');
    const again = await printer.waitForJobs(jobsBefore + 2);
    const copy = decodeEscPos(again[jobsBefore + 1]!).lines.join('\n');
    expect(copy).toContain('CETAK ULANG #1');
    expect(copy).toMatch(/Selisih +-Rp 2\.000/);
    await expect.poll(() => c().getByTestId('z-print-job').textContent()).toContain('#1');

    // Saving is the owner's: locked, main refuses and the owner's PIN pad opens; backing out
    // leaves the refusal on screen and no file; the PIN on the pad lets the export go on.
    await value(app, 'lockOwner');
    await c().getByTestId('z-export-csv').click();
    const pad = c().getByTestId('owner-pin-pad');
    await pad.waitFor();
    await pad.getByTestId('pin-cancel').click();
    const refusal = c().getByTestId('z-actions').getByTestId('error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('owner_required');
    expect(await c().getByTestId('job-file').count()).toBe(0);
    await c().getByTestId('z-export-csv').click();
    await pad.waitFor();
    for (const k of OWNER.pin) await pad.getByTestId(`pin-key-${k}`).click();
    await pad.getByTestId('pin-ok').click();
    const link = c().getByTestId('job-file');
    await link.waitFor();
    const csv = readFileSync(join(app.dataDir, 'downloads', (await link.getAttribute('download'))!), 'utf8');
    const row = (item: string) => {
      const line = csv.split(/\r?\n/).find((l) => l.startsWith(`${item};`));
      return Number(line?.split(';')[1]);
    };
    for (const [item, testId] of [
      ['gross_paid_by_customers', 'z-gross'],
      ['fees', 'z-fees'],
      ['net_received', 'z-net-received'],
      ['net_after_refunds', 'z-net'],
      ['expected', 'z-expected'],
      ['counted', 'z-counted'],
    ] as const) {
      const shown = (await c().getByTestId(testId).textContent())!.replace('− ', '');
      expect(formatRupiah(row(item)), item).toBe(shown);
    }
    expect(row('difference')).toBe(-2_000);
    // The copy printed, and the screen still says so after the export's events.
    await expect.poll(() => c().getByTestId('z-print-job').getAttribute('data-state')).toBe('done');
    await shots(c(), 'cashier-z-shift-saved');
  }, 120_000);

  it('the day is closed after its shift: confirmed, frozen, printed; its shifts open their own report', async () => {
    await c().getByTestId('z-to-day').click();
    await expect.poll(() => c().getByTestId('z-screen').getAttribute('data-scope')).toBe('day');
    expect(await c().getByTestId('z-day-shift-open').count()).toBe(0);
    expect(await c().getByTestId('z-print').isDisabled()).toBe(true);
    const jobsBefore = printer.jobs.length;
    await c().getByTestId('z-close-day').click();
    await c().getByTestId('z-close-day-yes').click();
    await expect.poll(() => c().getByTestId('z-notice').textContent()).toBe(id['zreport.dayClosedNow']);
    expect(await c().getByTestId('z-day-state').textContent()).toContain(OWNER.name);
    // A closed day offers no second close; main refuses one that would add nothing.
    expect(await c().getByTestId('z-close-day').count()).toBe(0);
    expect(await c().getByTestId('z-actions').textContent()).not.toContain(id['zreport.closeDay']);
    const today = (await value<{ day: string }>(app, 'getBusinessDay')).day;
    expect((await app.call('closeBusinessDay', { day: today })).error?.code).toBe('illegal_state');
    const jobs = await printer.waitForJobs(jobsBefore + 1);
    const day = decodeEscPos(jobs[jobsBefore]!).lines.join('\n');
    expect(day).toContain('LAPORAN Z');
    expect(day).toMatch(/Tunai \(1\) +Rp 23\.500/);
    await expect.poll(() => c().getByTestId('z-print-job').getAttribute('data-state')).toBe('done');
    // One copy of the day: the shift's first copy, its reprint, and the day's close.
    const zJobs = app.services.printing.listJobs(20).filter((j) => j.kind === 'z_report');
    expect(zJobs.map((j) => j.reprint).sort()).toEqual([0, 0, 1]);
    expect(zJobs.filter((j) => j.ref.startsWith('DAY-'))).toHaveLength(1);
    expect(await c().getByTestId('z-difference').getAttribute('data-tone')).toBe('short');
    await shots(c(), 'cashier-z-day-closed');

    const shift = c().locator('[data-testid^="z-shift-"]').first();
    await shift.click();
    await expect.poll(() => c().getByTestId('z-screen').getAttribute('data-scope')).toBe('shift');
    expect(await c().getByTestId('z-counted').textContent()).toBe('Rp 211.500');
    await c().getByTestId('z-close').click();
    await c().getByTestId('shift-open').waitFor();
  });

  it('quick items are the owner’s: locked, Settings says so and main refuses a price change', async () => {
    await value<ItemView[]>(app, 'saveItem', { name: 'Kopi susu', price: 18_000, category: 'Minuman' });
    await value(app, 'lockOwner');
    await c().getByTestId('nav-settings').click();
    const section = c().getByTestId('settings-items');
    await section.scrollIntoViewIfNeeded();
    await c().getByTestId('items-owner-locked').waitFor();
    await c().getByTestId('item-name').fill('Es teh');
    await c().getByTestId('item-price').fill('5000');
    await c().getByTestId('item-save').click();
    // Main refuses; the owner's pad opens, and backing out leaves the refusal and the old prices.
    const pad = c().getByTestId('owner-pin-pad');
    await pad.waitFor();
    await pad.getByTestId('pin-cancel').click();
    const error = section.getByTestId('error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('owner_required');
    expect((await value<ItemView[]>(app, 'listItems')).map((i) => i.name)).toEqual(['Kopi susu']);
    await section.scrollIntoViewIfNeeded();
    await shots(c(), 'cashier-settings-items-locked');
  });

  it('a customer display reloaded while the cart is being filled shows the cart at once', async () => {
    await c().getByTestId('nav-sale').click();
    await c().getByTestId('items-panel').waitFor();
    await c().locator('[data-item-name="Kopi susu"]').click();
    await c().locator('[data-item-name="Kopi susu"]').click();
    const cust = app.customer;
    await expect.poll(() => cust.getByTestId('customer-state').getAttribute('data-state')).toBe('cart');
    // Reload: the cart does not change after this, so only the display's own question can show it.
    await cust.reload();
    await expect.poll(() => cust.getByTestId('customer-state').getAttribute('data-state')).toBe('cart');
    expect(await cust.getByTestId('customer-cart-total').textContent()).toBe('Rp 36.000');
    await shots(cust, 'customer-cart-reloaded', CUSTOMER_SIZES);
    await c().getByTestId('nav-shift').click();
  });
});

describe('the Z report screen (en)', () => {
  let app: RunningApp;
  let printer: TestPrinter;
  beforeAll(async () => {
    printer = await startTestPrinter();
    app = await startApp({ language: 'en' });
    await setUpShop(app, printer);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await printer?.close();
  });

  it('shows a closed shift and its day in English, nothing left in Indonesian', async () => {
    const counter = await value<CounterView>(app, 'getCounter');
    await value(app, 'sellCash', { amount: 45_000, tendered: 50_000 });
    await value(app, 'moveCash', { kind: 'in', amount: 50_000, reason: 'small change' });
    await value(app, 'closeShift', { shiftId: counter.shift!.shiftId, countedCash: 295_500 });
    const c = app.cashier;
    await c.getByTestId('nav-shift').click();
    await c.getByTestId('open-zreports').click();
    await expect.poll(() => c.getByTestId('z-screen').getAttribute('data-scope')).toBe('day');
    await shots(c, 'cashier-z-day-en');
    await c.locator('[data-testid^="z-shift-"]').first().click();
    await expect.poll(() => c.getByTestId('z-screen').getAttribute('data-scope')).toBe('shift');
    const diff = c.getByTestId('z-difference');
    expect(await diff.getAttribute('data-tone')).toBe('over');
    expect(await diff.textContent()).toContain(en['zreport.diff.over'].replace('{amount}', 'Rp 500'));
    await shots(c, 'cashier-z-shift-en');
    const text = await c.locator('body').innerText();
    for (const key of Object.keys(id).filter((k) => k.startsWith('zreport.')) as (keyof typeof id)[])
      if (id[key] !== en[key] && id[key].length > 12 && !id[key].includes('{'))
        expect(text, key).not.toContain(id[key]);
    expect((await value<OrderView[]>(app, 'listNeedsReview')).length).toBe(0);
  });
});
