import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { seedOrders } from '../../testkit/orders';
import { startApp, type RunningApp } from './support/app';

/**
 * The owner saves an export where it cannot be written: the folder the harness saves into
 * (downloads, what the save dialog gives in Electron) is replaced by a plain file, a real
 * ENOTDIR from the file system. The job ends failed and the owner reads, in Indonesian, that
 * the folder is not there and what to do, with nothing of main's English in it; the daily
 * report's export says the same the same way; once the folder is back, the export goes through.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

/** Both cashier sizes, with `focus` (what the owner reads) scrolled into view at each. */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  for (const s of [
    { width: 1366, height: 768 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(s);
    await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [s.width, s.height]);
    await focus?.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(outDir, `${name}-${s.width}x${s.height}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const sentence = (lang: typeof id | typeof en) =>
  lang['job.failed.export'].replace('{reason}', lang['error.export_folder_missing']);

describe('an export to a folder that cannot be written (id)', () => {
  let app: RunningApp;
  let downloads = '';
  beforeAll(async () => {
    app = await startApp({ language: 'id' });
    downloads = join(app.dataDir, 'downloads');
    await app.cashier.getByTestId('nav-history').click();
    await app.cashier.getByTestId('export-csv').waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('says in Indonesian why and what to do, leaves no file, and works again once the folder is back', async () => {
    const c = app.cashier;
    rmSync(downloads, { recursive: true, force: true });
    writeFileSync(downloads, 'a file where the folder was');

    await c.getByTestId('export-xlsx').click();
    const failed = c.getByTestId('job-failed');
    await failed.waitFor({ timeout: 15_000 });
    expect(await c.getByTestId('job').getAttribute('data-state')).toBe('failed');
    expect(await failed.getAttribute('data-code')).toBe('export_folder_missing');
    const text = (await failed.textContent())!;
    expect(text).toBe(sentence(id));
    // Nothing of main's own message (English, with the path and errno) reaches the owner.
    expect(text).not.toMatch(/ENOTDIR|could not|downloads|The task/);
    await shot(c, 'cashier-export-failed');

    // The daily report's export fails the same way, in the same words.
    await c.getByTestId('tab-report').click();
    await c.getByTestId('report-export-csv').click();
    const reportFailed = c.getByTestId('job-failed');
    await reportFailed.waitFor({ timeout: 15_000 });
    expect(await reportFailed.getAttribute('data-code')).toBe('export_folder_missing');
    expect(await reportFailed.textContent()).toBe(sentence(id));

    rmSync(downloads, { force: true });
    mkdirSync(downloads);
    await c.getByTestId('report-export-csv').click();
    await c.getByTestId('job-file').waitFor({ timeout: 15_000 });
    expect(await c.getByTestId('job-failed').count()).toBe(0);
    expect(readdirSync(downloads).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('reads in English for an English counter', async () => {
    const c = app.cashier;
    app.services.settings.update({ language: 'en' });
    rmSync(downloads, { recursive: true, force: true });
    writeFileSync(downloads, 'a file where the folder was');
    await c.getByTestId('tab-sales').click();
    await c.getByTestId('export-csv').click();
    const failed = c.getByTestId('job-failed');
    await failed.waitFor({ timeout: 15_000 });
    await expect.poll(() => failed.textContent()).toBe(sentence(en));
    rmSync(downloads, { force: true });
    mkdirSync(downloads);
  });
});

describe('a workbook of more sales than one sheet holds', () => {
  let app: RunningApp;
  beforeAll(async () => {
    // Excel's 1,048,575 sales, brought down to five; the history opens on today, which has twelve.
    app = await startApp({ language: 'id', sheetSalesLimit: 5 });
    seedOrders(app.services.store, 12, { end: new Date('2026-11-25T13:00:00+07:00'), days: 0.2, live: 0 });
    await app.cashier.getByTestId('nav-history').click();
    await app.cashier.getByTestId('export-xlsx').waitFor();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('is refused before any file is chosen, saying to pick a shorter range or CSV; CSV goes through', async () => {
    const c = app.cashier;
    const downloads = join(app.dataDir, 'downloads');
    await c.getByTestId('export-xlsx').click();
    const refused = c.getByTestId('error');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.getAttribute('data-code')).toBe('export_too_large');
    expect(await refused.textContent()).toBe(id['error.export_too_large']);
    expect(await c.getByTestId('job').count()).toBe(0);
    await shot(c, 'cashier-export-too-large', refused);

    await c.getByTestId('export-csv').click();
    await c.getByTestId('job-file').waitFor({ timeout: 15_000 });
    expect(readdirSync(downloads).filter((n) => n.endsWith('.xlsx'))).toEqual([]);
    expect(readdirSync(downloads).filter((n) => n.endsWith('.csv'))).toHaveLength(1);

    app.services.settings.update({ language: 'en' });
    await c.getByTestId('tab-sales').click();
    await c.getByTestId('export-xlsx').click();
    await expect.poll(() => c.getByTestId('error').textContent()).toBe(en['error.export_too_large']);
  });
});
