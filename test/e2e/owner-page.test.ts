import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/shared/money';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { setOwnerPassword } from '../../src/server/owner/owner-password';
import { shopDailyReport } from '../../src/server/reports/daily-report';
import { createPairingCode } from '../../src/server/tills/tills';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { startServerRig, WEBHOOK_SECRET, type ServerRig } from '../server/support';
import { call, counterShop } from '../support/counter';
import { startTill, waitUntil, type TillRig } from '../sync/till-rig';
import { launchChromium } from './support/chromium';
import { shootOwnerSizes } from './support/owner-shots';

/**
 * The owner's page as an owner uses it at home: two real tills (the app's services, each
 * with its own Pakasir simulator whose webhook goes to the server) sell and push to a real
 * shop server on a real PostgreSQL; the owner signs in in Chromium, sees both tills' sales,
 * reads a daily report equal to the sum of the tills' own to the rupiah, and downloads the
 * day. A wrong password is refused. Screenshots at 1366x768, 1024x768 and a phone's 390x844.
 */
const root = resolve(import.meta.dirname, '../..');
const pageDir = join(root, 'out', 'owner');
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(root, 'test-results/screenshots'));
mkdirSync(outDir, { recursive: true });
const PASSWORD = 'kopi-susu-gula-aren';

let pgs: TestPostgres;
let server: ServerRig;
let tills: TillRig[] = [];
let browser: Browser;

async function pairTill(name: string): Promise<TillRig> {
  const till = await startTill();
  till.sim.setWebhook({ url: `${server.url}/webhooks/pakasir`, secret: WEBHOOK_SECRET, version: 'v2' });
  const { code } = await createPairingCode(server.pool, name);
  await till.services.handlers.pairShopServer({ serverUrl: server.url, code, tillName: name });
  return till;
}

/** A sale charged, then paid at Pakasir (or canceled), and settled on the till. */
async function sell(till: TillRig, amount: number, method: 'qris' | 'bni_va', pay: boolean): Promise<string> {
  const sale = await till.services.handlers.charge({ amount, method });
  if (pay) {
    till.sim.pay(sale.orderId);
    await waitUntil(
      () => till.services.store.get(sale.orderId)?.state === 'paid',
      `sale ${sale.orderId} to be paid`,
      30_000,
    );
    till.services.handlers.dismissSale({ orderId: sale.orderId });
  } else {
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
  }
  return sale.orderId;
}

beforeAll(async () => {
  if (!existsSync(join(pageDir, 'owner.html')))
    throw new Error(`The owner's page is not built (${pageDir}): run npm run build first.`);
  pgs = await startPostgres();
  server = await startServerRig(pgs, { listen: true, heartbeatMs: 1000, ownerPageDir: pageDir });
  await setOwnerPassword(server.pool, PASSWORD);
  tills = [await pairTill('Kasir depan'), await pairTill('Kasir belakang')];
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const till of tills) await till.close();
  await server?.close();
  await pgs?.stop();
});

function shoot(page: Page, name: string, lang: 'id' | 'en'): Promise<void> {
  return shootOwnerSizes(page, (w) => join(outDir, `owner-${name}-${lang}-${w}.png`));
}

async function typeDay(page: Page, testId: string, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  const field = page.getByTestId(testId);
  await field.fill(`${d}/${m}/${y}`);
  await field.blur();
}

describe("the owner's page over two tills", () => {
  const sales: { tillIndex: number; orderId: string }[] = [];
  let day: string;

  beforeAll(async () => {
    const [front, back] = tills as [TillRig, TillRig];
    for (const [till, i, amount, method, pay] of [
      [front, 0, 25_000, 'qris', true],
      [front, 0, 48_500, 'qris', true],
      [front, 0, 12_000, 'qris', false],
      [back, 1, 150_000, 'bni_va', true],
      [back, 1, 33_000, 'qris', true],
    ] as const)
      sales.push({ tillIndex: i, orderId: await sell(till, amount, method, pay) });
    // The front counter: a shift, a cash sale with change, a cash refund, cash out, and the
    // close counted Rp 2.000 short.
    const { shiftId } = await counterShop(front.services, { openingCash: 200_000 });
    const cash = await call(front.services, 'sellCash', { amount: 18_500, tendered: 50_000 });
    sales.push({ tillIndex: 0, orderId: cash.order.orderId });
    await call(front.services, 'refundSale', {
      saleId: cash.sale.saleId,
      amount: 5_000,
      channel: 'cash',
      note: 'Kembalian',
    });
    await call(front.services, 'moveCash', { kind: 'out', amount: 20_000, reason: 'Beli es batu' });
    await call(front.services, 'closeShift', {
      shiftId: shiftId!,
      countedCash: 200_000 + 18_500 - 5_000 - 20_000 - 2_000,
    });
    for (const till of tills)
      await till.waitStatus((s) => s.state === 'up_to_date' && s.pending === 0, 'the till to be up to date', 30_000);
    // The business day of these sales, as the till itself decides it.
    const first = tills[0]!.services.store.get(sales[0]!.orderId)!;
    day = (await tills[0]!.services.handlers.getBusinessDay({})).day;
    expect(Date.parse(first.createdAt)).toBeGreaterThan(0);
  });

  for (const lang of ['id', 'en'] as const) {
    it(`signs in, shows both tills' sales, a report equal to the tills' own, and the day's export (${lang})`, async () => {
      const dict = lang === 'id' ? id : en;
      // The owner's browser is elsewhere: the page shows the shop's times, not the browser's.
      const context = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        timezoneId: 'America/Los_Angeles',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => m.type() === 'error' && refused.push(m.text()));
      await page.goto(server.url);
      if (lang === 'en') {
        await page.getByTestId('owner-language').click();
      }
      await page.getByTestId('owner-secret').waitFor();

      // A wrong password is refused, in words.
      await page.getByTestId('owner-secret').fill('bukan-kata-sandinya');
      await page.getByTestId('owner-sign-in').click();
      await expect.poll(() => page.getByTestId('error').textContent()).toBe(dict['owner.error.unauthorized']);
      expect(await page.getByTestId('owner-app').getAttribute('data-status')).toBe('signed_out');
      await shoot(page, 'sign-in', lang);

      await page.getByTestId('owner-secret').fill(PASSWORD);
      await page.getByTestId('owner-sign-in').click();
      await page.getByTestId('owner-history').waitFor();

      // The history over both tills, on the sales' business day.
      await typeDay(page, 'owner-filter-day', day);
      await page.getByTestId('owner-filter-apply').click();
      const rows = page.getByTestId('owner-history-row');
      await expect.poll(() => rows.count()).toBe(sales.length);
      const tillIds = new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-till'))));
      expect(tillIds.size).toBe(2);
      const listed = await page.getByTestId('owner-history-table').textContent();
      for (const s of sales) expect(listed).toContain(s.orderId);
      await shoot(page, 'history', lang);

      // Narrowed to one till: only its sales.
      const backId = (await tills[1]!.services.handlers.getSyncStatus({})).tillId!;
      await page.getByTestId('owner-filter-till').selectOption(backId);
      await page.getByTestId('owner-filter-apply').click();
      await expect.poll(() => rows.count()).toBe(sales.filter((s) => s.tillIndex === 1).length);
      await page.getByTestId('owner-filter-till').selectOption('');
      await page.getByTestId('owner-filter-apply').click();
      await expect.poll(() => rows.count()).toBe(sales.length);

      // The export of exactly these rows, streamed by the server.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('owner-export-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`penjualan-${day}.csv`);
      const csv = parse(readFileSync((await download.path())!), { columns: true, bom: true }) as Record<
        string,
        string
      >[];
      expect(csv.map((r) => r.order_id).sort()).toEqual(sales.map((s) => s.orderId).sort());

      // The tills' own reports, each from its own journal, and the server's over both.
      const own = await Promise.all(tills.map((t) => t.services.handlers.getDailyReport({ day })));
      const gross = own.reduce((s, r) => s + r.grossAmount, 0);
      const net = own.reduce((s, r) => s + r.netReceived, 0);
      const fees = own.reduce((s, r) => s + r.fees, 0);
      const paid = own.reduce((s, r) => s + r.paidCount, 0);
      expect(paid).toBe(5);
      const refunds = own.reduce((s, r) => s + r.refunds.amount, 0);
      expect(refunds).toBe(5_000);
      const shop = await shopDailyReport(server.pool, { day, cutoffHour: 4, timeZone: 'Asia/Jakarta' });
      expect({
        gross: shop.grossAmount,
        net: shop.netReceived,
        fees: shop.fees,
        paid: shop.paidCount,
        refunds: shop.refunds.amount,
        netAfterRefunds: shop.netAfterRefunds,
      }).toEqual({ gross, net, fees, paid, refunds, netAfterRefunds: net - refunds });
      expect(csv.reduce((s, r) => s + (r.total_paid ? Number(r.total_paid) : 0), 0)).toBe(gross);
      expect(csv.reduce((s, r) => s + (r.shop_receives ? Number(r.shop_receives) : 0), 0)).toBe(net);

      // The report page shows those figures, to the rupiah, and each till's share.
      await page.getByTestId('owner-nav-report').click();
      await typeDay(page, 'owner-report-day', day);
      await expect.poll(() => page.getByTestId('report-gross').textContent()).toBe(formatRupiah(gross));
      expect(await page.getByTestId('report-net').textContent()).toBe(formatRupiah(net));
      expect(await page.getByTestId('owner-report-till-row').count()).toBe(2);
      expect(await page.getByTestId('report-refunds').textContent()).toBe(`− ${formatRupiah(5_000)}`);
      expect(await page.getByTestId('report-net-after-refunds').textContent()).toBe(formatRupiah(net - refunds));
      // What the shop receives is one figure, once: the refunds start from it, they do not repeat it.
      const statLabels = await page.getByTestId('owner-report').locator('.stat-label').allTextContents();
      expect(statLabels.filter((l) => l === dict['report.net'])).toEqual([dict['report.net']]);
      await shoot(page, 'report', lang);

      // The Z report of the day across tills: the front till's shift, closed Rp 2.000 short.
      await page.getByTestId('owner-nav-z').click();
      await typeDay(page, 'owner-z-day', day);
      await expect.poll(() => page.getByTestId('owner-z-shift-row').count()).toBe(1);
      expect(await page.getByTestId('owner-z-difference').textContent()).toBe(formatRupiah(-2_000));
      // The Z report's figures are the daily report's, read the same way: refunds, then what is kept.
      const zFigures = page.getByTestId('owner-z-figures-day');
      expect(await zFigures.getByTestId('report-refunds').textContent()).toBe(`− ${formatRupiah(5_000)}`);
      const zLabels = await zFigures.locator('.stat-label').allTextContents();
      expect(zLabels.filter((l) => l === dict['report.net'])).toEqual([dict['report.net']]);
      await page.getByTestId('owner-z-open-shift').click();
      await page.getByTestId('owner-z-shift-detail').waitFor();
      await shoot(page, 'zreport', lang);

      await page.getByTestId('owner-nav-reconcile').click();
      await typeDay(page, 'owner-reconcile-day', day);
      await page.getByTestId('owner-reconcile-ok').waitFor();
      await shoot(page, 'reconcile', lang);

      await page.getByTestId('owner-nav-tills').click();
      await expect.poll(() => page.getByTestId('owner-till-row').count()).toBe(2);
      await page.getByTestId('owner-pair-name').fill(lang === 'id' ? 'Kasir teras' : 'Terrace till');
      await page.getByTestId('owner-pair-submit').click();
      await expect.poll(() => page.getByTestId('owner-pair-code').textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await shoot(page, 'tills', lang);

      await page.getByTestId('owner-sign-out').click();
      await page.getByTestId('owner-secret').waitFor();
      expect(refused.filter((m) => !m.includes('401'))).toEqual([]);
      await context.close();
    });
  }
});
