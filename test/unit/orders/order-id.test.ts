import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_ID_PATTERN, isValidOrderId } from '../../../src/shared/order-id';
import { newInstallId } from '../../../src/main/datafolder/install-id';
import { openOrderStore } from '../../../src/main/orders/journal';
import { makeOrderId } from '../../../src/main/orders/order-id';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

describe('makeOrderId', () => {
  it('is URL-safe, carries the terminal, the installation and the UTC time, and matches the shared rule', () => {
    const id = makeOrderId('KSR1', '7HQK2M9X', 123, new Date('2026-11-25T07:44:02.999Z'));
    expect(id).toBe('KSR1-7HQK2M9X-20261125T074402-00000123');
    expect(isValidOrderId(id)).toBe(true);
    expect(encodeURIComponent(id)).toBe(id);
    // The longest prefix still fits Pakasir's 64 characters with room to spare.
    expect(makeOrderId('ABCDEFGH', '7HQK2M9X', 99_999_999, new Date()).length).toBe(42);
  });

  it('refuses a prefix, install id or sequence that could collide or break the URL', () => {
    expect(() => makeOrderId('KS/R', '7HQK2M9X', 1, new Date())).toThrow(/terminal prefix/);
    expect(() => makeOrderId('KSR1', '7hqk2m9x', 1, new Date())).toThrow(/install id/);
    expect(() => makeOrderId('KSR1', '', 1, new Date())).toThrow(/install id/);
    expect(() => makeOrderId('KSR1', '7HQK2M9X', 0, new Date())).toThrow(/sequence/);
  });

  it('install ids are 8 unambiguous base32 characters and differ between installations', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newInstallId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(INSTALL_ID_PATTERN);
    expect([...ids].join('')).not.toMatch(/[ILOU]/);
  });
});

describe('allocateOrderId', () => {
  it('keeps ids unique and increasing across restarts and a clock set backwards', () => {
    const file = join(tempDir(), 'orders.db');
    let clock = new Date('2026-11-25T07:44:02.000Z');
    const ids: string[] = [];
    const open = () => openOrderStore({ file, now: () => clock, installId: '7HQK2M9X' });
    let store = open();
    for (let i = 0; i < 5; i += 1) ids.push(store.allocateOrderId('KSR1'));
    store.close();

    // Restart with the clock set back a day.
    clock = new Date('2026-11-24T07:00:00.000Z');
    store = open();
    for (let i = 0; i < 5; i += 1) ids.push(store.allocateOrderId('KSR1'));
    store.close();

    // Clock corrected forward again.
    clock = new Date('2026-11-26T08:00:00.000Z');
    store = open();
    ids.push(store.allocateOrderId('KSR1'));
    // Another terminal on the same journal has its own sequence and prefix.
    const other = store.allocateOrderId('KSR2');
    store.close();

    expect(new Set([...ids, other]).size).toBe(ids.length + 1);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toBe('KSR1-7HQK2M9X-20261125T074402-00000001');
    expect(ids[5]).toBe('KSR1-7HQK2M9X-20261125T074402-00000006');
    expect(ids[10]).toBe('KSR1-7HQK2M9X-20261126T080000-00000011');
    expect(other).toBe('KSR2-7HQK2M9X-20261126T080000-00000001');
  });

  it('two tills on default settings at the same second never issue the same id', () => {
    // Same terminal prefix (the default KSR1), same clock, both on their first sale: before
    // install ids these two were the same order id, so Pakasir's v2 find-or-create gave both
    // tills one transaction.
    const at = new Date('2026-11-25T07:44:02.000Z');
    const a = openOrderStore({ file: join(tempDir(), 'orders.sqlite'), now: () => at, installId: newInstallId() });
    const b = openOrderStore({ file: join(tempDir(), 'orders.sqlite'), now: () => at, installId: newInstallId() });
    const fromA = Array.from({ length: 50 }, () => a.allocateOrderId('KSR1'));
    const fromB = Array.from({ length: 50 }, () => b.allocateOrderId('KSR1'));
    a.close();
    b.close();
    expect(new Set([...fromA, ...fromB]).size).toBe(100);
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
