import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidOrderId } from '../../../src/shared/order-id';
import { openOrderStore } from '../../../src/main/orders/journal';
import { makeOrderId } from '../../../src/main/orders/order-id';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('makeOrderId', () => {
  it('is URL-safe, carries the terminal and the UTC time, and matches the shared rule', () => {
    const id = makeOrderId('KSR1', 123, new Date('2026-11-25T07:44:02.999Z'));
    expect(id).toBe('KSR1-20261125T074402-00000123');
    expect(isValidOrderId(id)).toBe(true);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it('refuses a prefix or sequence that could collide or break the URL', () => {
    expect(() => makeOrderId('KS/R', 1, new Date())).toThrow(/terminal prefix/);
    expect(() => makeOrderId('KSR1', 0, new Date())).toThrow(/sequence/);
  });
});

describe('allocateOrderId', () => {
  it('keeps ids unique and increasing across restarts and a clock set backwards', () => {
    const file = join(tempDir(), 'orders.db');
    let clock = new Date('2026-11-25T07:44:02.000Z');
    const ids: string[] = [];
    let store = openOrderStore({ file, now: () => clock });
    for (let i = 0; i < 5; i += 1) ids.push(store.allocateOrderId('KSR1'));
    store.close();

    // Restart with the clock set back a day.
    clock = new Date('2026-11-24T07:00:00.000Z');
    store = openOrderStore({ file, now: () => clock });
    for (let i = 0; i < 5; i += 1) ids.push(store.allocateOrderId('KSR1'));
    store.close();

    // Clock corrected forward again.
    clock = new Date('2026-11-26T08:00:00.000Z');
    store = openOrderStore({ file, now: () => clock });
    ids.push(store.allocateOrderId('KSR1'));
    // Another terminal on the same journal has its own sequence and prefix.
    const other = store.allocateOrderId('KSR2');
    store.close();

    expect(new Set([...ids, other]).size).toBe(ids.length + 1);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toBe('KSR1-20261125T074402-00000001');
    expect(ids[5]).toBe('KSR1-20261125T074402-00000006');
    expect(ids[10]).toBe('KSR1-20261126T080000-00000011');
    expect(other).toBe('KSR2-20261126T080000-00000001');
  });

  it('hands out sequence numbers that survive a restart', () => {
    const file = join(tempDir(), 'orders.db');
    const a = openOrderStore({ file });
    expect([a.nextSequence('KSR1'), a.nextSequence('KSR1')]).toEqual([1, 2]);
    a.close();
    const b = openOrderStore({ file });
    expect(b.nextSequence('KSR1')).toBe(3);
    b.close();
  });
});
