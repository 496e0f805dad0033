import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../../src/shared/items';
import { useAppFolders } from '../../support/app-services';
import { call, CASHIER, counterShop, OWNER, refusal } from '../../support/counter';

/**
 * Prices are the owner's: once an owner PIN is set, a cashier at the till (the owner locked)
 * cannot add, change or remove a quick item, whatever the window shows. Main refuses before
 * the catalogue is touched, and the cart keeps selling at the owner's prices.
 */
const folders = useAppFolders();

function rows(dir: string, sql: string): Record<string, unknown>[] {
  const db = new Database(join(dir, 'orders.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('quick items are the owner’s', () => {
  it('a cashier cannot change prices; the owner can, journaled with who did it', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    await counterShop(app, { openingCash: 50_000 });
    // The owner (unlocked after setting the PIN) sets the list.
    const items = await call(app, 'saveItem', { name: 'Kopi susu', price: 18_000, category: 'Minuman' });
    const kopi = items.find((i) => i.name === 'Kopi susu')!;
    await call(app, 'lockOwner', {});

    // The cashier's turn at the till: every change is refused, nothing written.
    const cheaper = await refusal(app, 'saveItem', { ...kopi, price: 1_000 });
    expect(cheaper.code).toBe('owner_required');
    expect((await refusal(app, 'saveItem', { name: 'Gratis', price: 1 })).code).toBe('owner_required');
    expect((await refusal(app, 'removeItem', { itemId: kopi.itemId })).code).toBe('owner_required');
    expect(await call(app, 'listItems', {})).toEqual<ItemView[]>([kopi]);

    // Selling goes on at the owner's price: the cart and a cash sale.
    expect((await call(app, 'showCart', { lines: [{ itemId: kopi.itemId, qty: 2 }] })).total).toBe(36_000);
    const { sale } = await call(app, 'sellCash', {
      amount: 36_000,
      tendered: 50_000,
      items: [{ itemId: kopi.itemId, qty: 2 }],
    });
    expect(sale).toMatchObject({ state: 'paid', price: 36_000, cashier: { name: CASHIER.name } });

    // The owner unlocks and changes the price; the audit names the owner and the new price.
    await call(app, 'unlockOwner', { pin: OWNER.pin });
    const changed = await call(app, 'saveItem', { ...kopi, price: 20_000 });
    expect(changed.find((i) => i.itemId === kopi.itemId)!.price).toBe(20_000);
    const audit = rows(dir, "SELECT action, by_name, target, facts FROM staff_events WHERE action = 'saveItem'");
    expect(audit).toHaveLength(2);
    expect(audit.map((r) => r.by_name)).toEqual([OWNER.name, OWNER.name]);
    expect(JSON.parse(String(audit[1]!.facts))).toMatchObject({ name: 'Kopi susu', price: 20_000 });
    expect(audit[1]!.target).toBe(kopi.itemId);
  });
});
