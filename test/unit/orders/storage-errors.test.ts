import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StorageHealth } from '../../../src/shared/domain';
import { PosError } from '../../../src/shared/errors';
import { openOrderStore } from '../../../src/main/orders/journal';
import { storageProblemOf, toStorageError } from '../../../src/main/orders/storage-errors';
import { fillDisk } from '../../support/full-disk';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const sale = {
  amount: 22_000,
  method: 'qris' as const,
  note: '',
  terminal: 'KSR1',
  apiVersion: 'v2' as const,
  sandbox: false,
  project: 'toko',
};

describe('storage errors at the journal boundary', () => {
  it("maps SQLite's codes to what the shop can act on, and leaves anything else alone", () => {
    const sqlite = (code: string) => Object.assign(new Error(code), { code });
    expect(storageProblemOf(sqlite('SQLITE_FULL'))).toBe('disk_full');
    expect(storageProblemOf(sqlite('SQLITE_READONLY'))).toBe('read_only');
    expect(storageProblemOf(sqlite('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(storageProblemOf(sqlite('SQLITE_IOERR_WRITE'))).toBe('storage_io');
    expect(storageProblemOf(sqlite('SQLITE_IOERR_FSYNC'))).toBe('storage_io');
    expect(storageProblemOf(sqlite('SQLITE_CORRUPT'))).toBe('storage_corrupt');
    expect(storageProblemOf(sqlite('SQLITE_NOTADB'))).toBe('storage_corrupt');
    expect(storageProblemOf(sqlite('SQLITE_CONSTRAINT_CHECK'))).toBeNull();
    const other = new PosError('illegal_state', 'no');
    expect(toStorageError(other)).toBe(other);
    expect(toStorageError(sqlite('SQLITE_FULL'))).toMatchObject({ code: 'disk_full' });
  });

  it('a real full disk and a read-only journal arrive typed, and the health follows them', () => {
    let db: Database.Database | null = null;
    const health: StorageHealth[] = [];
    const store = openOrderStore({
      file: join(tempDir(), 'orders.sqlite'),
      inspectConnection: (d) => (db = d),
      onStorageHealth: (h) => health.push(h),
    });
    try {
      const order = store.openSale(sale);
      const disk = fillDisk(db!, order.orderId);
      expect(() => store.transition(order.orderId, 'awaiting_payment', 'created')).toThrow(
        expect.objectContaining({ code: 'disk_full' }),
      );
      // Nothing was half-written: the sale is as it was.
      expect(store.get(order.orderId)!.state).toBe('creating');
      expect(health.map((h) => h.problem)).toEqual(['disk_full']);
      disk.free();
      store.transition(order.orderId, 'awaiting_payment', 'created');
      expect(health.map((h) => h.problem)).toEqual(['disk_full', null]);

      db!.pragma('query_only = 1');
      expect(() => store.openSale(sale)).toThrow(expect.objectContaining({ code: 'read_only' }));
      // Reads still work: history stays available while nothing can be written.
      expect(store.get(order.orderId)!.state).toBe('awaiting_payment');
      expect(health.at(-1)!.problem).toBe('read_only');
    } finally {
      store.close();
    }
  });
});
