import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { JournalStatus, JournalUpdateProgress } from '../../../src/shared/domain';
import { applyMigrations } from '../../../src/main/orders/migrate';
import { openDatabase } from '../../../src/main/orders/open-database';
import { MIGRATIONS } from '../../../src/main/orders/migrations';
import { useAppFolders } from '../../support/app-services';
import { seedOrders } from '../../../testkit/orders';

/**
 * A journal written by an earlier version is copied and updated before it opens. A year of
 * sales takes minutes for that, so it happens in the background and the cashier window's
 * start-up screen is told how far it got, instead of a window that does not appear.
 */
const app = useAppFolders();

/**
 * Migrations the old journal is behind: two, so the update has several steps to show (the
 * last migration alone may be a single statement).
 */
const BEHIND = 2;

function oldJournal(dir: string, sales: number): string {
  const file = join(dir, 'orders.sqlite');
  // The journal as an earlier version left it.
  const db = openDatabase(file);
  applyMigrations(db, file, MIGRATIONS.slice(0, -BEHIND), () => new Date(app.clock.now));
  db.close();
  seedOrders(file, sales, { end: new Date(app.clock.now), days: 30, live: 0 });
  return file;
}

function version(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
  } finally {
    db.close();
  }
}

describe('a journal from an earlier version', () => {
  it('is updated in the background with its progress shown, then opens with every sale', async () => {
    const dir = app.folder();
    const file = oldJournal(dir, 3000);
    const services = await app.start(dir);
    const seen: JournalStatus[] = [services.journal.status()];
    services.bus.on('journalStatusChanged', (s) => seen.push(s));
    // The services (and so the windows) are up before the update is done.
    expect(seen[0]!.state).toBe('updating');
    expect(() => services.store).toThrow(/being updated/);

    await expect.poll(() => services.journal.status().state, { timeout: 20_000 }).toBe('open');
    const steps = seen
      .filter((s) => s.state === 'updating')
      .map((s) => s.update)
      .filter((u): u is JournalUpdateProgress => !!u);
    const updates = steps.filter((u) => u.step === 'update');
    // Step by step to the end, never backwards.
    expect(updates.at(-1)).toMatchObject({ done: updates.at(-1)!.total });
    expect(updates.at(-1)!.total).toBeGreaterThan(1);
    expect(updates.map((u) => u.done)).toEqual([...updates.map((u) => u.done)].sort((a, b) => a - b));
    expect(steps.findIndex((u) => u.step === 'backup')).toBeLessThan(steps.findIndex((u) => u.step === 'update'));

    // The copy from before the update is kept, whole, and no half-written copy is left.
    expect(services.journal.status().backups.filter((b) => b.kind === 'before_update')).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(version(file)).toBe(MIGRATIONS.at(-1)!.version);
    // Every sale is there, and what the last migrations added works on them.
    expect(services.store.count({})).toBe(3000);
    expect(services.store.list({ search: 'Kopi susu' }, 5).total).toBeGreaterThan(0);
  });

  it('stopped while updating, it is left as it was and updated again at the next start', async () => {
    const dir = app.folder();
    const file = oldJournal(dir, 8000);
    const first = await app.start(dir);
    expect(first.journal.status().state).toBe('updating');
    await first.stop();
    // Either the update had not committed (the journal is still the old version) or it had
    // finished whole; never a half-updated journal, and never a half-written copy.
    expect([MIGRATIONS.at(-1 - BEHIND)!.version, MIGRATIONS.at(-1)!.version]).toContain(version(file));
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);

    const second = await app.start(dir);
    await expect.poll(() => second.journal.status().state, { timeout: 20_000 }).toBe('open');
    expect(version(file)).toBe(MIGRATIONS.at(-1)!.version);
    expect(second.store.count({})).toBe(8000);
    expect(existsSync(file)).toBe(true);
  });
});
