import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/main/app/create-services';
import { harnessServiceOptions } from '../../src/harness/harness-services';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { leafPages, scribbleHeader, scribblePages } from '../support/journal-files';
import { seedOrders } from '../../testkit/orders';
import { startApp, type RunningApp } from './support/app';

/**
 * The owner's way out when the sales journal cannot be used, in the real renderer: the
 * screen that replaces the keypad, restoring a backup from it, and the alarm banner when the
 * background check finds damage while the till is open. Screenshots at 1366x768 and
 * 1024x768 in both languages go to test-results/screenshots.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

let app: RunningApp | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder with 300 sales, checked and backed up, then stopped (merged into the file). */
async function shopFolder(language: 'id' | 'en'): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-journal-'));
  dirs.push(dataDir);
  const downloadsDir = join(dataDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const services = await createAppServices({
    ...harnessServiceOptions({ dataDir, downloadsDir, version: 'e2e', link: () => ({ origin: '', token: '' }) }),
    quiet: true,
    timeZone: 'Asia/Jakarta',
    clock: () => new Date('2026-11-25T09:00:00+07:00'),
    journalCheckAfterMs: 3_600_000,
  });
  services.settings.update({ language, projectSlug: 'warung-bu-sri' });
  seedOrders(services.store, 300, { end: new Date('2026-11-25T08:00:00+07:00'), days: 10, live: 0 });
  expect((await services.journal.runCheck())?.verdict).toBe('ok');
  await services.stop();
  return dataDir;
}

async function shot(name: string, lang: 'id' | 'en'): Promise<void> {
  const page = app!.cashier;
  const mine = lang === 'id' ? id : en;
  const other = lang === 'id' ? en : id;
  for (const [w, h] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(outDir, `cashier-${name}-${w}-${lang}.png`) });
  }
  const text = await page.locator('body').innerText();
  for (const key of Object.keys(id)) expect(text, `raw key ${key}`).not.toContain(key);
  for (const [k, s] of Object.entries(other))
    if (s.length >= 14 && !s.includes('{') && s !== (mine as Record<string, string>)[k])
      expect(text, `${name} shows "${s}"`).not.toContain(s);
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe.each(['id', 'en'] as const)('the journal screen (%s)', (lang) => {
  it('replaces the keypad when the journal is damaged, and a restore brings the keypad back', async () => {
    const dataDir = await shopFolder(lang);
    scribbleHeader(join(dataDir, 'orders.sqlite'));
    app = await startApp({ dataDir, language: lang });
    const { cashier } = app;
    await cashier.getByTestId('journal-screen').waitFor();
    expect(await cashier.getByTestId('key-1').count()).toBe(0);
    expect(await cashier.getByTestId('journal-title').innerText()).toBe(
      (lang === 'id' ? id : en)['journal.title.damaged'],
    );
    expect(await cashier.getByTestId('journal-kept').innerText()).toContain(join(dataDir, 'quarantine'));
    await shot('journal-damaged', lang);

    await cashier.getByTestId('journal-restore').first().click();
    await cashier.getByTestId('journal-confirm').waitFor();
    await shot('journal-confirm', lang);
    await cashier.getByTestId('journal-confirm').click();
    await cashier.getByTestId('key-1').waitFor({ timeout: 20_000 });
    expect(app.services.store.count({})).toBe(300);
    // The restored till says so where its device code is shown.
    await cashier.getByTestId('nav-settings').click();
    await expect
      .poll(() => cashier.getByTestId('install-id').innerText())
      .toContain((lang === 'id' ? id : en)['settings.installIdRenewed.restored'].split('(')[0]!.trim());
    await cashier.getByTestId('journal-card').scrollIntoViewIfNeeded();
    await shot('settings-journal', lang);
  });

  it('damage found while the till is open: a banner, new sales paused, the way out one click away', async () => {
    const dataDir = await shopFolder(lang);
    const file = join(dataDir, 'orders.sqlite');
    const { pageSize, pages } = leafPages(file, 'order_events');
    scribblePages(file, pageSize, pages.slice(2, 4));
    app = await startApp({ dataDir, language: lang });
    const { cashier } = app;
    await cashier.getByTestId('key-1').waitFor();
    expect((await app.services.journal.runCheck())?.verdict).toBe('damaged');
    await cashier.getByTestId('journal-banner').waitFor();
    await shot('journal-banner', lang);
    await cashier.getByTestId('journal-banner-open').click();
    await cashier.getByTestId('journal-screen').waitFor();
    await cashier.getByTestId('journal-back').waitFor();
    await shot('journal-open-damaged', lang);
    await cashier.getByTestId('journal-back').click();
    await cashier.getByTestId('key-1').waitFor();
  });
});
