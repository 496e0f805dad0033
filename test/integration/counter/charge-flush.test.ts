import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

function open(): { store: OrderStore; counter: CounterJournal } {
  dir = mkdtempSync(join(tmpdir(), 'pos-charge-flush-'));
  const file = join(dir, 'orders.sqlite');
  store = openOrderStore({ file });
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
