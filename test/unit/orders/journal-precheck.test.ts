import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openOrderStore } from '../../../src/main/orders/journal';
import { precheckJournal } from '../../../src/main/orders/journal-precheck';
import { leafPages, scribblePages, sha } from '../../support/journal-files';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from './temp-dir';

/**
 * The cheap checks before the journal is opened for writing: each costs a few pages at any
 * journal size, and none writes to the journal or its -wal.
 */
const tempDir = useTempDir();

function journal(sales: number): string {
  const file = join(tempDir(), 'orders.sqlite');
  const store = openOrderStore({ file });
  if (sales > 0) seedOrders(store, sales, { end: new Date('2026-11-25T00:00:00Z'), days: 10, live: 0 });
  store.close();
  return file;
}

describe('precheckJournal', () => {
  it('passes a healthy journal and lets a first start create one', () => {
    expect(precheckJournal(journal(50), true)).toEqual({ ok: true, fresh: false });
    expect(precheckJournal(join(tempDir(), 'orders.sqlite'), false)).toEqual({ ok: true, fresh: true });
  });

  it('refuses a missing or empty journal where the folder had sales, and keeps the empty file', () => {
    const missing = join(tempDir(), 'orders.sqlite');
    expect(precheckJournal(missing, true)).toMatchObject({ ok: false, problem: 'missing', keepCopy: false });
    writeFileSync(missing, '');
    expect(precheckJournal(missing, true)).toMatchObject({ ok: false, problem: 'empty', keepCopy: true });
    expect(precheckJournal(missing, false)).toEqual({ ok: true, fresh: true });
  });

  it('calls a file that is not SQLite damaged, and an SQLite file of something else not a journal', () => {
    const dir = tempDir();
    const text = join(dir, 'orders.sqlite');
    writeFileSync(text, 'this is a shopping list, not a database\n'.repeat(200));
    expect(precheckJournal(text, true)).toMatchObject({ ok: false, problem: 'damaged', keepCopy: true });
    const other = join(tempDir(), 'orders.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE shopping (item TEXT)');
    db.close();
    expect(precheckJournal(other, true)).toMatchObject({ ok: false, problem: 'not_a_journal' });
  });

  it('finds a destroyed schema page without writing anything', () => {
    const file = journal(400);
    scribblePages(
      file,
      4096,
      [1].map(() => 1),
    ); // page 1: header and schema
    const before = sha(file);
    expect(precheckJournal(file, true)).toMatchObject({ ok: false, keepCopy: true });
    expect(sha(file)).toBe(before);
  });

  it("lets damage deep inside the journal through: that is the background check's work", () => {
    const file = journal(400);
    const { pageSize, pages } = leafPages(file, 'order_events');
    scribblePages(file, pageSize, pages.slice(2, 4));
    expect(precheckJournal(file, true)).toEqual({ ok: true, fresh: false });
  });
});
