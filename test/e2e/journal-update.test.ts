import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/main/orders/migrate';
import { MIGRATIONS } from '../../src/main/orders/migrations';
import { openDatabase } from '../../src/main/orders/open-database';
import { en } from '../../src/renderer/src/i18n/en';
import { id } from '../../src/renderer/src/i18n/id';
import { seedOrders } from '../../testkit/orders';
import { startApp, type RunningApp } from './support/app';

/**
 * A journal from an earlier version is updated before it opens, and the cashier window shows
 * how far instead of staying blank. To see the screen while the update runs, the test holds
 * the journal's write lock (as a slow disk would hold the update up), takes its screenshots,
 * then lets go: the update finishes and the keypad comes. Screenshots at 1366x768 and
 * 1024x768 in both languages go to test-results/screenshots.
 */
const outDir = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '../../test-results/screenshots'));
mkdirSync(outDir, { recursive: true });

let app: RunningApp | null = null;
let lock: Database.Database | null = null;
const dirs: string[] = [];
afterEach(async () => {
  lock?.close();
  lock = null;
  await app?.close();
  app = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function oldShopFolder(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-update-'));
  dirs.push(dataDir);
  const file = join(dataDir, 'orders.sqlite');
  const db = openDatabase(file);
  applyMigrations(db, file, MIGRATIONS.slice(0, -1), () => new Date('2026-11-25T08:00:00+07:00'));
  db.close();
  seedOrders(file, 2000, { end: new Date('2026-11-25T08:00:00+07:00'), days: 10, live: 0 });
  return dataDir;
}

describe.each(['id', 'en'] as const)('updating the journal at start (%s)', (lang) => {
  it('shows its progress in place of the keypad, then the keypad', async () => {
    const dataDir = oldShopFolder();
    lock = new Database(join(dataDir, 'orders.sqlite'));
    lock.exec('BEGIN IMMEDIATE');
    app = await startApp({ dataDir, language: lang });
    const { cashier } = app;
    const words = lang === 'id' ? id : en;
    await cashier.getByTestId('journal-updating').waitFor();
    expect(await cashier.getByTestId('key-1').count()).toBe(0);
    // The copy is done (reading needs no lock); the update waits for the lock, at half-way.
    await expect
      .poll(() => cashier.getByTestId('journal-update-step').innerText(), { timeout: 10_000 })
      .toBe(words['journal.updating.update'].replace('{percent}', '50'));
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await cashier.setViewportSize({ width: w, height: h });
      await cashier.screenshot({ path: join(outDir, `cashier-journal-updating-${w}-${lang}.png`) });
    }
    expect(await cashier.locator('body').innerText()).toContain(words['journal.updating.title']);
    lock.exec('COMMIT');
    await cashier.getByTestId('key-1').waitFor({ timeout: 20_000 });
    expect(app.services.journal.status().state).toBe('open');
    expect(app.services.store.count({})).toBe(2000);
  });
});
