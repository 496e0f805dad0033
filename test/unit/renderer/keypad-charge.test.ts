import { describe, expect, it } from 'vitest';
import type { SaleLineView } from '@shared/items';
import type { ChargePlan } from '@renderer/lib/charge-plan';
import { canChargeNow, canOpenCash, samePicks } from '@renderer/lib/keypad-charge';

const line = (itemId: string, qty: number): SaleLineView => ({
  itemId,
  name: itemId,
  qty,
  unitPrice: 1_000,
  total: qty * 1_000,
});
const ready: ChargePlan = { kind: 'ready', method: 'qris' };
const ok = { plan: ready, busy: false, hasSettings: true, cartPriced: true };

describe('can this sale be charged now', () => {
  it('charges a ready or asked plan once settings are in, nothing is running and the cart is priced', () => {
    expect(canChargeNow(ok)).toBe(true);
    expect(
      canChargeNow({ ...ok, plan: { kind: 'ask', method: 'qris', problem: { code: 'not_integer' }, fits: [] } }),
    ).toBe(true);
  });

  it('refuses no amount, a charge already running, missing settings and a cart priced before the last tap', () => {
    expect(canChargeNow({ ...ok, plan: { kind: 'empty' } })).toBe(false);
    expect(canChargeNow({ ...ok, busy: true })).toBe(false);
    expect(canChargeNow({ ...ok, hasSettings: false })).toBe(false);
    expect(canChargeNow({ ...ok, cartPriced: false })).toBe(false);
  });

  it('opens the cash panel only for an amount, while idle, with settings', () => {
    expect(canOpenCash(5_000, false, true)).toBe(true);
    expect(canOpenCash(0, false, true)).toBe(false);
    expect(canOpenCash(5_000, true, true)).toBe(false);
    expect(canOpenCash(5_000, false, false)).toBe(false);
  });
});

describe('the priced cart matches the picks', () => {
  it('when items, quantities and order are the same', () => {
    const picks = [
      { itemId: 'a', qty: 2 },
      { itemId: 'b', qty: 1 },
    ];
    expect(samePicks(picks, [line('a', 2), line('b', 1)])).toBe(true);
    expect(samePicks([], [])).toBe(true);
  });

  it('not when a quantity, the order or the length differs', () => {
    const picks = [
      { itemId: 'a', qty: 2 },
      { itemId: 'b', qty: 1 },
    ];
    expect(samePicks(picks, [line('a', 1), line('b', 1)])).toBe(false);
    expect(samePicks(picks, [line('b', 1), line('a', 2)])).toBe(false);
    expect(samePicks(picks, [line('a', 2)])).toBe(false);
  });
});
