import { existsSync, readdirSync, truncateSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app/service-types';
import { useAppFolders } from '../../support/app-services';
import { leafPages, modeOf, scribbleHeader, scribblePages, sha, sizeOf } from '../../support/journal-files';
import { seedOrders } from '../../../testkit/orders';

/**
 * A damaged journal is evidence, and its -wal may hold the newest paid sales: nothing may
 * change either before an untouched copy is kept. Real journals, real damage (pages
 * overwritten on disk), a -wal present as after a crash or power cut.
 */
const app = useAppFolders();
const JOURNAL = 'orders.sqlite';

async function expectRefused(run: () => unknown, code: string): Promise<void> {
  await expect(Promise.resolve().then(run)).rejects.toMatchObject({ code });
}

/** Files under the quarantine folder, by name, for the newest copy. */
function newestQuarantine(dir: string): string {
  const q = join(dir, 'quarantine');
  const names = readdirSync(q).sort();
  return join(q, names[names.length - 1]!);
}

/**
 * A shop's journal after a crash: 600 older sales merged into the file (checked, backed
 * up), then three more sales only in the -wal because the app stopped before merging.
 */
async function journalWithWal(): Promise<{ dir: string; file: string; walSales: string[] }> {
  const dir = app.folder();
  let services = await app.start(dir);
  seedOrders(services.store, 600, { end: new Date(app.clock.now - 86_400_000), days: 30, live: 0 });
  expect((await services.journal.runCheck())?.verdict).toBe('ok');
  await services.stop();
  app.clock.now += 86_400_000;
  services = await app.start(dir);
  const walSales: string[] = [];
  for (const amount of [11_000, 12_000, 13_000]) {
    const sale = services.store.openSale({
      amount,
      method: 'qris',
      note: 'after the last check',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: true,
      project: 'toko',
    });
    // Ended (so no sale is open when the owner restores), the end also only in the -wal.
    services.store.transition(sale.orderId, 'failed', 'test_end', { reason: 'gateway_rejected' });
    walSales.push(sale.orderId);
  }
  // Stopped before its check ran: the file is left as it was opened, the sales in the -wal.
  await services.stop();
  const file = join(dir, JOURNAL);
  expect(sizeOf(`${file}-wal`)).toBeGreaterThan(0);
  return { dir, file, walSales };
}

describe('a journal whose header is destroyed, with a -wal beside it', () => {
  it('is never opened for writing: all three files are copied aside untouched, and the owner chooses', async () => {
    const { dir, file } = await journalWithWal();
    scribbleHeader(file);
    const before = [file, `${file}-wal`, `${file}-shm`].map((f) => (existsSync(f) ? sha(f) : null));

    const services = await app.start(dir);
    const status = services.journal.status();
    expect(status).toMatchObject({ state: 'closed', problem: 'damaged' });
    // The originals are exactly as found: the -wal was neither merged nor deleted.
    expect([file, `${file}-wal`, `${file}-shm`].map((f) => (existsSync(f) ? sha(f) : null))).toEqual(before);
    // ...and so are the copies.
    const kept = status.quarantineDir!;
    expect(kept.startsWith(join(dir, 'quarantine'))).toBe(true);
    expect(
      [JOURNAL, `${JOURNAL}-wal`, `${JOURNAL}-shm`].map((n) => (existsSync(join(kept, n)) ? sha(join(kept, n)) : null)),
    ).toEqual(before);
    // No sale can be written anywhere meanwhile.
    await expectRefused(() => services.handlers.charge({ amount: 10_000, method: 'qris' }), 'database');
    await expectRefused(() => services.handlers.listOrders({ filter: {}, limit: 10 }), 'database');
    expect(status.backups.map((b) => b.kind)).toContain('daily');
  });
});

describe('damage only the full check can see, with a -wal beside it', () => {
  async function damagedInTheMiddle(): Promise<{
    dir: string;
    file: string;
    walSales: string[];
    walBytes: number;
    damagedFile: string;
  }> {
    const j = await journalWithWal();
    const { pageSize, pages } = leafPages(j.file, 'order_events');
    // Pages from the first half of the events: read by the full check, not by the cheap ones.
    scribblePages(j.file, pageSize, pages.slice(2, 4));
    return { ...j, walBytes: sizeOf(`${j.file}-wal`), damagedFile: sha(j.file) };
  }

  it('opens at once, then the background check keeps a copy, pauses new sales and never merges the -wal', async () => {
    const { dir, file, walSales, walBytes, damagedFile } = await damagedInTheMiddle();
    const walHead = sha(`${file}-wal`, walBytes);

    const services = await app.start(dir);
    // Start-up ran only the cheap checks: the journal is open, the full check not yet run.
    expect(services.journal.status()).toMatchObject({ state: 'open', problem: null, check: { state: 'pending' } });
    expect(services.store.get(walSales[2]!)?.amount).toBe(13_000);

    const result = await services.journal.runCheck();
    expect(result?.verdict).toBe('damaged');
    const status = services.journal.status();
    expect(status).toMatchObject({ state: 'open', problem: 'damaged', check: { state: 'damaged' } });
    // The copy holds the file as found and every frame of the -wal as found.
    const kept = status.quarantineDir!;
    expect(sha(join(kept, JOURNAL))).toBe(damagedFile);
    expect(sha(join(kept, `${JOURNAL}-wal`), walBytes)).toBe(walHead);
    // Nothing new goes into the damaged file; open sales could still end.
    await expectRefused(() => services.handlers.charge({ amount: 10_000, method: 'qris' }), 'database');

    await services.stop();
    // Closing did not merge the -wal into the damaged file (the old bug) nor delete it.
    expect(sha(file)).toBe(damagedFile);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThanOrEqual(walBytes);

    // The next start remembers the verdict: the journal stays closed, the owner chooses.
    const again = await app.start(dir);
    expect(again.journal.status()).toMatchObject({ state: 'closed', problem: 'damaged', quarantineDir: kept });
    expect(sha(file)).toBe(damagedFile);
  });

  it('restore from backup: the checked backup replaces it, the damaged files are kept, ids start afresh', async () => {
    const { dir, file, damagedFile } = await damagedInTheMiddle();
    let services = await app.start(dir);
    await services.journal.runCheck();
    const { installId } = await services.handlers.getAppInfo({});
    const backup = services.journal.status().backups.find((b) => b.kind === 'daily')!;

    const status = await services.handlers.recoverJournal({ action: 'restore', backup: backup.name });
    expect(status).toMatchObject({ state: 'open', problem: null });
    expect(services.store.count({})).toBe(600);
    // The damaged file and its -wal were copied aside before they were replaced.
    expect(sha(join(status.quarantineDir!, JOURNAL))).toBe(damagedFile);
    expect(existsSync(join(status.quarantineDir!, `${JOURNAL}-wal`))).toBe(true);
    const info = await services.handlers.getAppInfo({});
    expect(info.installId).not.toBe(installId);
    expect(info.installIdRenewed).toEqual({ previous: installId, reason: 'restored' });
    // Sales work again, and the restored journal passes its own check.
    expect((await services.handlers.charge({ amount: 10_000, method: 'qris' })).state).toBe('awaiting_payment');
    expect((await services.journal.runCheck())?.verdict).toBe('ok');
    await services.stop();
    services = await app.start(dir);
    expect(services.journal.status().state).toBe('open');
    expect(sha(file)).not.toBe(damagedFile);
  });

  it('a damaged backup is refused and nothing is replaced', async () => {
    const { dir, file } = await damagedInTheMiddle();
    const services = await app.start(dir);
    await services.journal.runCheck();
    const backup = services.journal.status().backups.find((b) => b.kind === 'daily')!;
    const backupFile = join(dir, 'backups', backup.name);
    const { pageSize, pages } = leafPages(backupFile, 'orders');
    scribblePages(backupFile, pageSize, pages.slice(1, 3));
    const journalBefore = sha(file);
    await expect(services.handlers.recoverJournal({ action: 'restore', backup: backup.name })).rejects.toMatchObject({
      code: 'database',
      message: expect.stringMatching(/damaged too/),
    });
    expect(services.journal.status()).toMatchObject({ state: 'closed', problem: 'damaged' });
    expect(sha(file)).toBe(journalBefore);
    // A name from a window is looked up among the listed backups, never used as a path.
    await expect(
      services.handlers.recoverJournal({ action: 'restore', backup: '../settings.json' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('an empty journal where there were sales', () => {
  it('is not silently replaced: the owner starts a new one, and the empty file is kept', async () => {
    const dir = app.folder();
    let services = await app.start(dir);
    services.settings.update({ projectSlug: 'warung-bu-sri' });
    seedOrders(services.store, 50, { end: new Date(app.clock.now), days: 5, live: 0 });
    await services.stop();
    const file = join(dir, JOURNAL);
    truncateSync(file, 0);
    for (const side of ['-wal', '-shm']) rmSync(`${file}${side}`, { force: true });

    services = await app.start(dir);
    expect(services.journal.status()).toMatchObject({ state: 'closed', problem: 'empty' });
    expect(sizeOf(file)).toBe(0);
    await expectRefused(() => services.handlers.charge({ amount: 10_000, method: 'qris' }), 'database');
    const { installId } = await services.handlers.getAppInfo({});

    const status = await services.handlers.recoverJournal({ action: 'start_new' });
    expect(status).toMatchObject({ state: 'open', problem: null });
    expect(sizeOf(join(status.quarantineDir!, JOURNAL))).toBe(0);
    expect(services.store.count({})).toBe(0);
    expect((await services.handlers.getAppInfo({})).installIdRenewed).toEqual({
      previous: installId,
      reason: 'new_journal',
    });
    await services.stop();
    // Started new on purpose: the next start opens it without asking again.
    services = await app.start(dir);
    expect(services.journal.status().state).toBe('open');
  });

  it('a first start with no settings and no journal simply creates one', async () => {
    const services = await app.start(app.folder());
    expect(services.journal.status()).toMatchObject({ state: 'open', problem: null });
  });
});

describe('files of the journal', () => {
  it('the journal, its -wal and -shm, backups and kept copies are readable by the owner only', async () => {
    if (process.platform === 'win32') return;
    const dir = app.folder();
    const services: AppServices = await app.start(dir);
    await services.handlers.charge({ amount: 10_000, method: 'qris' });
    await services.journal.runCheck();
    const file = join(dir, JOURNAL);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    for (const b of backups) expect(modeOf(join(dir, 'backups', b))).toBe(0o600);
    expect(modeOf(join(dir, 'backups')) & 0o077).toBe(0);
    await services.stop();
    scribbleHeader(file);
    const again = await app.start(dir);
    const kept = again.journal.status().quarantineDir!;
    for (const n of readdirSync(kept)) expect(modeOf(join(kept, n)), n).toBe(0o600);
    expect(modeOf(newestQuarantine(dir)) & 0o077).toBe(0);
  });
});
