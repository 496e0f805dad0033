import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

/**
 * At night, before the 04:00 cutoff, and late in the evening: the history screen lists the
 * sale just made, today's totals count it, the daily report opens on the same business day,
 * and the export of that day holds it. The shop is in Jakarta, the machine running the test
 * in Los Angeles (vitest.e2e.config.mts), the clock pinned. Before main decided the day,
 * this failed between 00:00 and 04:00: the screen asked for the business day and main
 * filtered by calendar day.
 */
let app: RunningApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** How the day fields show a day: dd/mm/yyyy, as the shop writes it. */
const shown = (day: string) => day.split('-').reverse().join('/');

describe.each([
  ['2026-11-26T02:30:00+07:00', '2026-11-25'],
  ['2026-11-25T23:30:00+07:00', '2026-11-25'],
])('at %s (Jakarta)', (at, businessDay) => {
  it(`history, today's totals, the report and the export all show business day ${businessDay}`, async () => {
    app = await startApp({ at, timeZone: 'Asia/Jakarta' });
    const { cashier } = app;
    expect(await cashier.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Jakarta');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('Asia/Jakarta');

    for (const k of ['1', '8', '5', '0', '0']) await cashier.getByTestId(`key-${k}`).click();
    await cashier.getByTestId('charge').click();
    await cashier.getByTestId('qr').waitFor();
    await cashier.getByTestId('simulate').click();
    await cashier.getByTestId('outcome-paid').waitFor({ timeout: 15_000 });
    const sale = app.services.payments.getActiveSale()!;
    await cashier.getByTestId('new-sale').click();

    await cashier.getByTestId('nav-history').click();
    await expect.poll(() => cashier.getByTestId('filter-from').inputValue()).toBe(shown(businessDay));
    expect(await cashier.getByTestId('filter-to').inputValue()).toBe(shown(businessDay));
    await cashier.getByTestId('history-row').first().waitFor();
    expect(await cashier.getByTestId('history-row').count()).toBe(1);
    expect(await cashier.getByTestId('history-row').first().innerText()).toContain(sale.orderId);
    // Today's totals count it: what the shop receives for it.
    const receives = app.services.store.get(sale.orderId)!.amount.toLocaleString('id-ID');
    await expect.poll(() => cashier.getByTestId('today-net').textContent()).toContain(receives);

    await cashier.getByTestId('export-csv').click();
    const link = cashier.getByTestId('job-file');
    await link.waitFor({ timeout: 15_000 });
    const csv = readFileSync(join(app.dataDir, 'downloads', (await link.getAttribute('download'))!), 'utf8');
    expect(csv).toContain(sale.orderId);

    await cashier.getByTestId('tab-report').click();
    await expect.poll(() => cashier.getByTestId('report-day').inputValue()).toBe(shown(businessDay));
    await expect.poll(() => cashier.getByTestId('report-paid-count').textContent()).toBe('1');
  });
});
