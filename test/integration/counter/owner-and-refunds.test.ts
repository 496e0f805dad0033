import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { call, counterShop, OWNER, refusal } from '../../support/counter';

/**
 * The owner's PIN is enforced in main, through dispatch, whatever a window shows: refunds
 * and voids, settings and cashiers need it; wrong PINs are refused, rate-limited, and the
 * count survives a restart; refunds are new journal rows, never above what was paid.
 */
const folders = useAppFolders();

function journal(dir: string, sql: string): Record<string, unknown>[] {
  const db = new Database(join(dir, 'orders.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('the owner PIN, enforced in main', () => {
  it('a refund is refused without the owner PIN, and given with it, as a new entry with who did it', async () => {
    const mono = { now: 1_000 };
    const dir = folders.folder();
    const app = await folders.start(dir, { monotonic: () => mono.now });
    await counterShop(app, { openingCash: 100_000 });
    const { sale } = await call(app, 'sellCash', { amount: 45_000, tendered: 50_000 });
    await call(app, 'lockOwner', {});

    const locked = await refusal(app, 'refundSale', {
      saleId: sale.saleId,
      amount: 10_000,
      channel: 'cash',
      note: 'basi',
    });
    expect(locked.code).toBe('owner_required');
    expect((await refusal(app, 'updateSettings', { language: 'en' })).code).toBe('owner_required');
    expect((await refusal(app, 'addCashier', { name: 'Wati', pin: '730164' })).code).toBe('owner_required');
    expect(journal(dir, 'SELECT * FROM refunds')).toEqual([]);

    // A wrong PIN opens nothing.
    expect((await refusal(app, 'unlockOwner', { pin: '999999' })).code).toBe('pin_wrong');
    expect((await call(app, 'getAccess', {})).ownerUnlocked).toBe(false);

    await call(app, 'unlockOwner', { pin: OWNER.pin });
    // More than was paid: refused, nothing written.
    const above = await refusal(app, 'refundSale', { saleId: sale.saleId, amount: 45_001, channel: 'cash', note: 'x' });
    expect(above.code).toBe('invalid_input');
    expect(journal(dir, 'SELECT * FROM refunds')).toEqual([]);

    const after = await call(app, 'refundSale', { saleId: sale.saleId, amount: 10_000, channel: 'cash', note: 'basi' });
    expect(after).toMatchObject({ state: 'paid', refunded: 10_000, refundable: 35_000 });
    expect(after.refunds[0]).toMatchObject({ kind: 'refund', amount: 10_000, channel: 'cash', by: OWNER.name });
    // The sale's own rows are untouched: the refund is a row of its own, and the drawer moved.
    expect(journal(dir, 'SELECT state, price FROM orders')).toEqual([{ state: 'paid', price: 45_000 }]);
    expect((await call(app, 'getCounter', {})).shift!.drawer).toMatchObject({ cashRefunds: 10_000, expected: 135_000 });
    const audit = journal(
      dir,
      "SELECT action, by_name, target FROM staff_events WHERE action IN ('refund_sale', 'pin_refused')",
    );
    expect(audit).toEqual([
      { action: 'pin_refused', by_name: null, target: 'owner' },
      { action: 'refund_sale', by_name: OWNER.name, target: sale.saleId },
    ]);
    const kinds = journal(dir, 'SELECT kind FROM sync_outbox').map((r) => r.kind);
    expect(kinds).toContain('refund.recorded');

    // The owner's session ends after a few idle minutes, on the monotonic clock.
    mono.now += 3 * 60_000 + 1;
    expect(
      (await refusal(app, 'refundSale', { saleId: sale.saleId, amount: 1_000, channel: 'cash', note: 'x' })).code,
    ).toBe('owner_required');
  });

  it('wrong PINs lock the PIN for a while, and a restart does not reset the count', async () => {
    const mono = { now: 1_000 };
    const dir = folders.folder();
    const app = await folders.start(dir, { monotonic: () => mono.now });
    await counterShop(app, { shift: false });
    await call(app, 'lockOwner', {});
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await refusal(app, 'unlockOwner', { pin: '000111' })).code);
    expect(codes).toEqual(['pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_locked']);
    // While locked, even the right PIN is not checked.
    expect((await refusal(app, 'unlockOwner', { pin: OWNER.pin })).code).toBe('pin_locked');
    await app.stop();

    const again = await folders.start(dir, { monotonic: () => 5 });
    const locked = await refusal(again, 'unlockOwner', { pin: OWNER.pin });
    expect(locked.code).toBe('pin_locked');
    expect((await call(again, 'getAccess', {})).ownerUnlocked).toBe(false);
    await again.stop();

    // Half a minute later (a new run: the lock resumes from the journaled time).
    folders.clock.now += 31_000;
    const later = await folders.start(dir, { monotonic: () => 5 });
    expect((await call(later, 'unlockOwner', { pin: OWNER.pin })).ownerUnlocked).toBe(true);
  });

  it('a till with no owner PIN yet works for a first look, but gives no money back', async () => {
    const app = await folders.start(folders.folder());
    expect((await call(app, 'getAccess', {})).ownerPinSet).toBe(false);
    await call(app, 'updateSettings', { language: 'en' });
    const err = await refusal(app, 'refundSale', {
      saleId: 'KSR1-5552K0P2-20261125T030000-00000003',
      amount: 1_000,
      channel: 'cash',
      note: 'x',
    });
    expect(err.code).toBe('owner_required');
    expect(err.issues?.[0]?.message).toBe('owner_pin_missing');
    // Setting it the first time needs nobody; changing it needs the current one.
    await call(app, 'setOwnerPin', OWNER);
    await call(app, 'lockOwner', {});
    expect((await refusal(app, 'setOwnerPin', { name: 'Orang lain', pin: '613579' })).code).toBe('owner_required');
  });
});
