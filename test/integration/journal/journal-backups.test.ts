import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalStatus } from '../../../src/shared/domain';
import { KEEP_DAILY_BACKUPS } from '../../../src/main/orders/backups';
import { useAppFolders } from '../../support/app-services';
import { leafPages, scribblePages } from '../../support/journal-files';
import { seedOrders } from '../../../testkit/orders';

/** The background check after start, and the rolling daily backups that follow a clean one. */
const app = useAppFolders();
const DAY = 86_400_000;

describe('the background check', () => {
  it('runs after start-up, off its path, and its result reaches the windows', async () => {
    const dir = app.folder();
    const services = await app.start(dir, { journalCheckAfterMs: 50 });
    // Opening did not wait for it.
    expect(services.journal.status().check.state).toBe('pending');
    const seen: JournalStatus[] = [];
    services.bus.on('journalStatusChanged', (s) => seen.push(s));
    await expect.poll(() => seen.at(-1)?.check.state, { timeout: 10_000 }).toBe('ok');
    expect(seen.map((s) => s.check.state)).toContain('running');
    expect(seen.at(-1)).toMatchObject({ state: 'open', problem: null, lastBackupAt: expect.any(String) });
  });
});

describe('daily backups', () => {
  it(`one per business day after a clean check, the newest ${KEEP_DAILY_BACKUPS} kept`, async () => {
    const dir = app.folder();
    const services = await app.start(dir);
    seedOrders(services.store, 200, { end: new Date(app.clock.now), days: 3, live: 0 });
    for (let day = 0; day < 9; day++) {
      expect((await services.journal.runCheck())?.verdict).toBe('ok');
      // A second check the same day does not write a second backup.
      await services.journal.runCheck();
      app.clock.now += DAY;
    }
    const names = readdirSync(join(dir, 'backups')).sort();
    expect(names).toEqual([
      'orders-2026-11-27.sqlite',
      'orders-2026-11-28.sqlite',
      'orders-2026-11-29.sqlite',
      'orders-2026-11-30.sqlite',
      'orders-2026-12-01.sqlite',
      'orders-2026-12-02.sqlite',
      'orders-2026-12-03.sqlite',
    ]);
    const status = services.journal.status();
    expect(status.keepBackups).toBe(7);
    expect(status.backups.filter((b) => b.kind === 'daily')).toHaveLength(7);
  });

  it('no backup is made from a journal that failed its check', async () => {
    const dir = app.folder();
    let services = await app.start(dir);
    seedOrders(services.store, 400, { end: new Date(app.clock.now), days: 3, live: 0 });
    // Checked (so merged into the file on close) and backed up on the 25th.
    expect((await services.journal.runCheck())?.verdict).toBe('ok');
    await services.stop();
    const file = join(dir, 'orders.sqlite');
    const { pageSize, pages } = leafPages(file, 'order_events');
    scribblePages(file, pageSize, pages.slice(2, 4));
    app.clock.now += DAY;
    services = await app.start(dir);
    expect((await services.journal.runCheck())?.verdict).toBe('damaged');
    expect(readdirSync(join(dir, 'backups'))).toEqual(['orders-2026-11-25.sqlite']);
  });
});
