import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { CounterJournal } from '../../../src/main/counter/counter-journal';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';

/**
 * The counter sale of a gateway charge is written without a flush of its own, because the
 * order committed right after it flushes the shared -wal: that shortcut must stay confined to
 * that one transaction. Every other counter write (a cash sale, a shift, a refund) is still
 * flushed by its own commit, even after the shortcut failed halfway.
 */
const FULL = 2;
const NORMAL = 1;
let dir = '';
let store: OrderStore | null = null;
let counter: CounterJournal | null = null;

function open(inspectConnection?: (db: Database.Database) => void): { store: OrderStore; counter: CounterJournal } {
  dir = mkdtempSync(join(tmpdir(), 'pos-charge-flush-'));
  const file = join(dir, 'orders.sqlite');
  store = openOrderStore({ file, ...(inspectConnection ? { inspectConnection } : {}) });
  counter = new CounterJournal(file, 'KASR0001', () => new Date('2026-03-02T03:00:00Z'));
  return { store, counter };
}

afterEach(() => {
  counter?.close();
  store?.close();
  counter = null;
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

const synchronous = (c: CounterJournal) => c.db.pragma('synchronous', { simple: true });
const saleCount = (c: CounterJournal) => c.db.prepare('SELECT count(*) FROM sales').pluck().get();

function insertSale(c: CounterJournal, id: string): void {
  c.db
    .prepare("INSERT INTO sales (sale_id, terminal, price, note, created_at) VALUES (?, 'KASR', 25000, '', ?)")
    .run(id, '2026-03-02T03:00:00.000Z');
}

describe('a counter sale carried by the next flush', () => {
  it('is committed without its own flush, and the connection is back to flushing every commit after it', () => {
    const { counter } = open();
    let during: unknown = null;
    counter.txFlushedByNext(() => {
      during = synchronous(counter);
      insertSale(counter, 'S-1');
    });
    expect(during).toBe(NORMAL);
    expect(saleCount(counter)).toBe(1);
    expect(synchronous(counter)).toBe(FULL);
    let cash: unknown = null;
    counter.tx(() => {
      cash = synchronous(counter);
      insertSale(counter, 'S-2');
    });
    expect(cash).toBe(FULL);
  });

  it('writes nothing when the write fails, and still leaves every later commit flushed', () => {
    const { counter } = open();
    expect(() =>
      counter.txFlushedByNext(() => {
        insertSale(counter, 'S-1');
        throw new Error('the sale could not be written');
      }),
    ).toThrow('the sale could not be written');
    expect(saleCount(counter)).toBe(0);
    expect(synchronous(counter)).toBe(FULL);
  });
});

/**
 * The order store's connection, watched: every change of its synchronous setting, and every
 * write to a sale's state as SQLite makes it (a temporary trigger calling back into the test),
 * in the order they happen.
 */
function watchedStore(): { store: OrderStore; seen: string[] } {
  const seen: string[] = [];
  const opened = open((db) => {
    db.function('seen_state', (state: unknown) => {
      seen.push(`write ${String(state)}`);
      return null;
    });
    db.exec('CREATE TEMP TRIGGER watch_state AFTER UPDATE OF state ON orders BEGIN SELECT seen_state(NEW.state); END');
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: Database.PragmaOptions) => {
      if (source.startsWith('synchronous =')) seen.push(source);
      return pragma(source, options);
    }) as typeof db.pragma;
  });
  return { store: opened.store, seen };
}

const sale = {
  amount: 25_000,
  method: 'qris' as const,
  note: '',
  terminal: 'KSR1',
  apiVersion: 'v2' as const,
  sandbox: true,
  project: 'toko',
};

describe('a sale waiting for payment, carried by the next flush', () => {
  it('writes awaiting_payment without a flush of its own; paid is flushed by its own commit', () => {
    const { store, seen } = watchedStore();
    const opened = store.openSale(sale);
    seen.length = 0;
    store.transition(opened.orderId, 'awaiting_payment', 'created', { txnId: 'T-1' }, undefined, ['creating']);
    expect(seen).toEqual(['synchronous = NORMAL', 'write awaiting_payment', 'synchronous = FULL']);
    expect(store.get(opened.orderId)?.state).toBe('awaiting_payment');

    seen.length = 0;
    store.transition(opened.orderId, 'paid', 'status_completed');
    expect(seen).toEqual(['write paid']);
  });

  it('flushes every other outcome by its own commit', () => {
    const { store, seen } = watchedStore();
    for (const to of ['canceled', 'failed', 'needs_review'] as const) {
      const opened = store.openSale(sale);
      store.transition(opened.orderId, 'awaiting_payment', 'created', {}, undefined, ['creating']);
      seen.length = 0;
      store.transition(opened.orderId, to, 'test_end');
      expect(seen).toEqual([`write ${to}`]);
    }
  });

  it('leaves the connection flushing every commit after a refused change', () => {
    const { store, seen } = watchedStore();
    const opened = store.openSale(sale);
    store.transition(opened.orderId, 'failed', 'test_end');
    seen.length = 0;
    expect(() => store.transition(opened.orderId, 'awaiting_payment', 'created', {}, undefined, ['creating'])).toThrow(
      /refused/,
    );
    expect(seen).toEqual(['synchronous = NORMAL', 'synchronous = FULL']);
    expect(store.get(opened.orderId)?.state).toBe('failed');
  });
});
