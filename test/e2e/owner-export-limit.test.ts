import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { setOwnerPassword } from '../../src/server/owner/owner-password';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { event, orderId, snapshot } from '../server/snapshots';
import { startServerRig, type ServerRig } from '../server/support';
import { launchChromium } from './support/chromium';
import { shootOwnerSizes } from './support/owner-shots';

/**
 * The owner's history longer than one Excel sheet: the page offers the list as CSV only and
 * says why, in the owner's language, before any download starts. One sheet holds 2 rows here
 * (the server's test option) and the day has 3 sales. Screenshots at 1366x768, 1024x768 and a
 * phone's 390x844.
 */
const root = resolve(import.meta.dirname, '../..');
const pageDir = join(root, 'out', 'owner');
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(root, 'test-results/screenshots'));
mkdirSync(outDir, { recursive: true });
const PASSWORD = 'kopi-susu-gula-aren';
const DAY = '2026-11-25';
const LIMIT = 2;

let pgs: TestPostgres;
let server: ServerRig;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(pageDir, 'owner.html')))
    throw new Error(`The owner's page is not built (${pageDir}): run npm run build first.`);
  pgs = await startPostgres();
  server = await startServerRig(pgs, { listen: true, ownerPageDir: pageDir, sheetRowsLimit: LIMIT });
  await setOwnerPassword(server.pool, PASSWORD);
  const till = await server.pair('Kasir depan', 'KSRA');
  const res = await server.server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/events',
    headers: { authorization: `Bearer ${till.token}` },
    payload: { events: [1, 2, 3].map((n) => event(n, snapshot(orderId('KSRA', n)))) },
  });
  expect(res.statusCode).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pgs?.stop();
});

function shoot(page: Page, lang: 'id' | 'en'): Promise<void> {
  return shootOwnerSizes(
    page,
    (w) => join(outDir, `owner-export-too-large-${lang}-${w}.png`),
    () => page.getByTestId('owner-export-too-large').scrollIntoViewIfNeeded(),
  );
}

describe("the owner's history longer than one Excel sheet", () => {
  for (const lang of ['id', 'en'] as const) {
    it(`offers CSV only and says why (${lang})`, async () => {
      const dict = lang === 'id' ? id : en;
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(server.url);
      if (lang === 'en') await page.getByTestId('owner-language').click();
      await page.getByTestId('owner-secret').fill(PASSWORD);
      await page.getByTestId('owner-sign-in').click();
      await page.getByTestId('owner-history').waitFor();
      const field = page.getByTestId('owner-filter-day');
      await field.fill(DAY.split('-').reverse().join('/'));
      await field.blur();
      await page.getByTestId('owner-filter-apply').click();
      await expect.poll(() => page.getByTestId('owner-history-row').count()).toBe(3);

      const message = page.getByTestId('owner-export-too-large');
      await expect.poll(() => message.textContent()).toBe(dict['owner.export.tooLarge'].replace('{limit}', '2'));
      // Excel cannot be started at all; CSV and the refunds still download.
      const xlsx = page.getByTestId('owner-export-xlsx');
      expect(await xlsx.isDisabled()).toBe(true);
      expect(await xlsx.getAttribute('href')).toBeNull();
      expect(await page.getByTestId('owner-export-csv').getAttribute('href')).toContain('format=csv');
      expect(await page.getByTestId('owner-export-refunds-xlsx').getAttribute('href')).toContain('format=xlsx');
      await shoot(page, lang);
      await context.close();
    });
  }
});
