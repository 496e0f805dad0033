import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/sync/backoff';
import { normalizeShopServerUrl } from '../../../src/main/sync/server-url';
import { makeOrderId } from '../../../src/main/orders/order-id';
import { orderIdOwnerKey } from '../../../src/shared/sync/order-owner';
import { newerSync, syncBanner } from '../../../src/renderer/src/lib/sync-view';
import type { SyncStatusView } from '../../../src/shared/domain';

describe('the shop server address', () => {
  it('takes https anywhere, and plain http only on this computer or the shop network', () => {
    expect(normalizeShopServerUrl(' https://toko.example.com/ ')).toBe('https://toko.example.com');
    expect(normalizeShopServerUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normalizeShopServerUrl('http://192.168.1.20:8080/pos/')).toBe('http://192.168.1.20:8080/pos');
    expect(normalizeShopServerUrl('http://10.0.0.5')).toBe('http://10.0.0.5');
    for (const bad of [
      'http://toko.example.com',
      'http://8.8.8.8',
      'http://172.32.0.1',
      'ftp://192.168.1.2',
      'https://user:pw@toko.example.com',
      'https://toko.example.com/?next=x',
      'not a url',
    ])
      expect(() => normalizeShopServerUrl(bad), bad).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('order id owner key', () => {
  it('is the part before the time stamp and sequence', () => {
    expect(orderIdOwnerKey('KSR1-20261125T074402-00000123')).toBe('KSR1');
    expect(orderIdOwnerKey('AB12CD-KSR1-20261125T074402-00000123')).toBe('AB12CD-KSR1');
    expect(orderIdOwnerKey('SOMETHING-ELSE')).toBeNull();
  });

  it("is the prefix and the install id for today's ids, so tills sharing a prefix differ", () => {
    expect(orderIdOwnerKey('KSR1-7HQK2M9X-20261125T074402-00000123')).toBe('KSR1-7HQK2M9X');
    const at = new Date('2026-11-25T07:44:02Z');
    const a = makeOrderId('KSR1', '7HQK2M9X', 123, at);
    const b = makeOrderId('KSR1', 'Q0RS5T6V', 123, at);
    expect(a).toBe('KSR1-7HQK2M9X-20261125T074402-00000123');
    expect(orderIdOwnerKey(a)).not.toBe(orderIdOwnerKey(b));
    expect(orderIdOwnerKey(makeOrderId('KASIR123', '7HQK2M9X', 1, at))).toBe('KASIR123-7HQK2M9X');
    // The largest sequence keeps the same key.
    expect(orderIdOwnerKey(makeOrderId('KSR1', '7HQK2M9X', 99_999_999_999, at))).toBe('KSR1-7HQK2M9X');
  });
});

describe('sync backoff', () => {
  it('doubles from the first delay up to the cap, within ±20%', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 1000, 60_000, mid))).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(800);
    expect(backoffDelay(1, 1000, 60_000, () => 0.9999)).toBeLessThanOrEqual(1200);
  });
});

describe('the cashier banner for the shop server', () => {
  const base: SyncStatusView = {
    seq: 1,
    state: 'up_to_date',
    serverUrl: 'https://toko.example.com',
    tillName: 'Kasir 1',
    tillId: 't1',
    pending: 0,
    lastSyncedAt: null,
    pushChannel: 'up',
    rejected: [],
    detail: null,
  };
  it('speaks only when a person must act: revoked, diverged, or refused entries', () => {
    expect(syncBanner(null)).toBeNull();
    expect(syncBanner(base)).toBeNull();
    // A server that is merely away is no news at the counter.
    expect(syncBanner({ ...base, state: 'offline', pending: 300, pushChannel: 'down' })).toBeNull();
    expect(syncBanner({ ...base, state: 'revoked' })).toBe('revoked');
    expect(syncBanner({ ...base, state: 'diverged' })).toBe('diverged');
    expect(syncBanner({ ...base, state: 'unpaired_copy', tillId: null, pushChannel: 'off' })).toBe('copied');
    const rejected = [{ seq: 4, kind: 'shift.opened', entityId: 's1', code: 'unknown_kind', reason: 'r', at: 'x' }];
    expect(syncBanner({ ...base, rejected })).toBe('rejected');
  });

  it('keeps the newer status when an older answer arrives after a pushed event', () => {
    const pushed = { ...base, seq: 7, state: 'up_to_date' as const };
    const lateAnswer = { ...base, seq: 5, state: 'sending' as const };
    expect(newerSync(pushed, lateAnswer)).toBe(pushed);
    expect(newerSync(lateAnswer, pushed)).toBe(pushed);
    expect(newerSync(null, lateAnswer)).toBe(lateAnswer);
  });
});
