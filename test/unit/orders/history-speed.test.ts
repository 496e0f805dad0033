import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OrderFilter } from '../../../src/shared/domain';
import { LIVE_STATES, WATCHED_STATES, type OrderState } from '../../../src/shared/order-state';
import { openOrderStore } from '../../../src/main/orders/journal';
import { applyMigrations } from '../../../src/main/orders/migrate';
import { MIGRATIONS } from '../../../src/main/orders/migrations';
import { andWhere, filterParts, partsToSql } from '../../../src/main/orders/order-query';
import { amountPageQuery, SEARCH_COUNT_CAP } from '../../../src/main/orders/order-search';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { seededRandom } from '../../../testkit/random';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const END = new Date('2026-10-31T12:00:00Z');

/** The rows a filter means, read the slow way: every row tested, the text search with LIKE. */
function slowIds(file: string, filter: OrderFilter, timeZone: string, cutoffHour: number): string[] {
  const sql = partsToSql(filterParts(filter, timeZone, cutoffHour), 'scan');
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(`SELECT order_id FROM orders NOT INDEXED ${sql.where} ORDER BY created_at DESC, order_id DESC`)
      .pluck()
      .all(...sql.params) as string[];
  } finally {
    db.close();
  }
}

/** SQLite's plan for a statement, its steps joined by " | ". */
function queryPlan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

/** Every page of the history for a filter, as the screen walks it. */
function allPages(store: OrderStore, filter: OrderFilter, size: number): { ids: string[]; totals: number[] } {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const page = store.list(filter, size, cursor);
    ids.push(...page.items.map((o) => o.orderId));
    // A total past the cap reads "more than": kept as a negative number for the comparison below.
    totals.push(page.totalCapped ? -page.total : page.total);
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, totals };
}

function seeded(count: number, timeZone: string, cutoffHour = 0): { store: OrderStore; file: string } {
  const file = join(tempDir(), 'orders.db');
  openOrderStore({ file, timeZone }).close();
  seedOrders(file, count, { end: END, days: 60, seed: 7, terminal: 'KSR1' });
  return { store: openOrderStore({ file, timeZone, cutoffHour: () => cutoffHour }), file };
}

describe('start-up reads only the sales it resumes', () => {
  it('listLive and listWatched read their partial indices, and the watch covers every watched state', () => {
    const { store, file } = seeded(300, 'Asia/Jakarta');
    const later = new Date(END.getTime() + 86_400_000).toISOString();
    const db = new Database(file);
    // One sale per watched state still inside its watch, and one whose watch is over.
    const ids = db.prepare("SELECT order_id FROM orders WHERE state = 'paid' LIMIT 4").pluck().all() as string[];
    const watched = WATCHED_STATES.map((state, i) => {
      db.prepare('UPDATE orders SET state = ?, watch_until = ? WHERE order_id = ?').run(state, later, ids[i]);
      return ids[i]!;
    });
    db.prepare("UPDATE orders SET state = 'expired', watch_until = ? WHERE order_id = ?").run(
      END.toISOString(),
      ids[3],
    );
    // SQLite refuses INDEXED BY a partial index whose condition the query does not imply: the
    // store's statements prepare only while the state lists match the indices.
    const inList = (states: readonly OrderState[]) => states.map((s) => `'${s}'`).join(',');
    const watchedSql = (states: readonly OrderState[]) =>
      `SELECT * FROM orders INDEXED BY orders_watched WHERE watch_until IS NOT NULL AND state IN (${inList(states)}) AND watch_until > ?`;
    expect(() => db.prepare(watchedSql(WATCHED_STATES))).not.toThrow();
    expect(() => db.prepare(watchedSql([...WATCHED_STATES, 'paid']))).toThrow(/no query solution/);
    const liveSql = (states: readonly OrderState[]) =>
      `SELECT * FROM orders INDEXED BY orders_live WHERE state IN (${inList(states)}) ORDER BY created_at`;
    expect(() => db.prepare(liveSql(LIVE_STATES))).not.toThrow();
    expect(() => db.prepare(liveSql([...LIVE_STATES, 'paid']))).toThrow(/no query solution/);
    db.close();
    expect(
      store
        .listWatched(END.toISOString())
        .map((o) => o.orderId)
        .sort(),
    ).toEqual([...watched].sort());
    expect(store.listLive().every((o) => LIVE_STATES.includes(o.state))).toBe(true);
    store.close();
  });
});

describe('history totals from the kept counts', () => {
  it.each([
    ['Asia/Jakarta', 0],
    ['Asia/Jakarta', 4],
    ['America/New_York', 3],
    ['Asia/Kathmandu', 5],
  ] as const)('equal a count of every row, for any filter (%s, days end at %i:00)', (timeZone, cutoff) => {
    const { store, file } = seeded(3000, timeZone, cutoff);
    const random = seededRandom(11);
    const pick = <T>(xs: readonly T[]): T[] => xs.filter(() => random() < 0.4);
    const day = (offset: number) => new Date(END.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    // Sales change state after the seed: the triggers must move them between counts.
    const awaiting = store.listLive();
    store.transition(awaiting[0]!.orderId, 'paid', 'completed', { paidAt: END.toISOString() });
    store.transition(awaiting[1]!.orderId, 'expired', 'expired');
    store.transition(awaiting[2]!.orderId, 'needs_review', 'late');
    for (let i = 0; i < 40; i += 1) {
      const from = Math.floor(random() * 70);
      const filter: OrderFilter = {
        ...(random() < 0.8 ? { from: day(from) } : {}),
        ...(random() < 0.8 ? { to: day(Math.max(0, from - Math.floor(random() * 20))) } : {}),
        states: pick(['paid', 'expired', 'canceled', 'awaiting_payment', 'needs_review', 'failed'] as const),
        methods: pick(['qris', 'bni_va', 'bri_va', 'payment_link'] as const),
      };
      expect(store.list(filter, 10).total, JSON.stringify(filter)).toBe(slowIds(file, filter, timeZone, cutoff).length);
    }
    store.close();
  });
});

describe('a history filtered by state and method', () => {
  it('reads its page in order from one index, with no sort, and pages through every sale', () => {
    const { store, file } = seeded(3000, 'Asia/Jakarta');
    const filter: OrderFilter = { from: '2026-09-20', to: '2026-10-20', states: ['paid'], methods: ['qris'] };
    const sql = partsToSql(filterParts(filter, 'Asia/Jakarta'));
    const db = new Database(file, { readonly: true });
    const plan = queryPlan(
      db,
      `SELECT * FROM orders ${sql.where} ORDER BY created_at DESC, order_id DESC LIMIT 51`,
      ...sql.params,
    );
    db.close();
    // A temporary b-tree would read every QRIS sale of the month before the first row came back.
    expect(plan).toMatch(/USING (COVERING )?INDEX orders_state_method_created/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    const expected = slowIds(file, filter, 'Asia/Jakarta', 0);
    expect(expected.length).toBeGreaterThan(50);
    const got = allPages(store, filter, 50);
    expect(got.ids).toEqual(expected);
    expect(new Set(got.totals)).toEqual(new Set([expected.length]));
    store.close();
  });
});

/**
 * What a search may say for `matches` sales: the exact number, or, only when more than the
 * cap match, "more than" the cap (negative here, see allPages).
 */
function shownTotal(matches: number, got: number): number {
  return got < 0 && matches > SEARCH_COUNT_CAP ? -SEARCH_COUNT_CAP : matches;
}

describe('history search through the trigram index', () => {
  const searches = [
    'Nasi goreng',
    'nasi GORENG',
    'kopi',
    'Es teh, 3',
    '咖啡',
    'Bakso + es',
    '00000042',
    'KSR1-SEED',
    '25.000',
    'Rp 110.000',
    '50%',
    'a_b',
    '"',
    'zz',
    'tidak ada',
  ];

  it('a search matching more sales than the cap says "more than", and still pages through every one', () => {
    const { store, file } = seeded(SEARCH_COUNT_CAP * 12, 'Asia/Jakarta');
    const expected = slowIds(file, { search: 'SEED' }, 'Asia/Jakarta', 0);
    expect(expected.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    const first = store.list({ search: 'SEED' }, 50);
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(allPages(store, { search: 'SEED' }, 500).ids).toEqual(expected);
    const few = store.list({ search: 'Meja 4' }, 50);
    expect(few.totalCapped).toBeUndefined();
    expect(few.total).toBe(slowIds(file, { search: 'Meja 4' }, 'Asia/Jakarta', 0).length);
    store.close();
  });

  it.each(searches)('finds the same sales, in the same order and total, as reading every row: %j', (search) => {
    const { store, file } = seeded(2500, 'Asia/Jakarta');
    const expected = slowIds(file, { search }, 'Asia/Jakarta', 0);
    const got = allPages(store, { search }, 37);
    expect(got.ids).toEqual(expected);
    expect(new Set(got.totals)).toEqual(new Set([shownTotal(expected.length, got.totals[0]!)]));
    const filtered: OrderFilter = { search, states: ['paid'], methods: ['qris'], from: '2026-09-15' };
    const expectedFiltered = slowIds(file, filtered, 'Asia/Jakarta', 0);
    const gotFiltered = allPages(store, filtered, 50);
    expect(gotFiltered.ids).toEqual(expectedFiltered);
    expect(gotFiltered.totals[0]).toBe(shownTotal(expectedFiltered.length, gotFiltered.totals[0]!));
    store.close();
  });

  it('finds an order id by its tail, and an amount, as reading every row does, trigrams every sale has included', () => {
    const { store, file } = seeded(2500, 'Asia/Jakarta');
    const db = new Database(file, { readonly: true });
    const ids = db.prepare('SELECT order_id FROM orders ORDER BY rowid').pluck().all() as string[];
    db.close();
    // Every id here holds "000" and "202": the search must not lean on them, nor lose a match.
    for (const id of [ids[1]!, ids[1250]!, ids[2499]!]) {
      for (const tail of [id.slice(-8), id.slice(-5), id.slice(-12)]) {
        const expected = slowIds(file, { search: tail }, 'Asia/Jakarta', 0);
        expect(expected).toContain(id);
        expect(allPages(store, { search: tail }, 50).ids, tail).toEqual(expected);
      }
    }
    for (const amount of ['110.000', '25000', 'Rp 23.500']) {
      expect(allPages(store, { search: amount }, 50).ids, amount).toEqual(
        slowIds(file, { search: amount }, 'Asia/Jakarta', 0),
      );
    }
    store.close();
  });

  it('pages an amount many sales share from indices in page order, the same as reading every row', () => {
    const { store, file } = seeded(2600, 'Asia/Jakarta');
    const db = new Database(file);
    // Asked for it, paid it (a customer-paid fee), both, or only named in a note: every way a
    // sale matches an amount, with more sales than a page and some found twice.
    db.prepare('UPDATE orders SET price = 110000 WHERE rowid % 3 = 0').run();
    db.prepare("UPDATE orders SET total_payment = 110000, state = 'paid' WHERE rowid % 5 = 0").run();
    db.prepare("UPDATE orders SET note = 'titip 110.000 kembalian' WHERE rowid IN (7, 701, 1999)").run();
    // The page the app reads, for a month and one page down: each way an amount matches is read
    // newest first from the index that holds it, and no sale outside them is walked.
    const since = andWhere(partsToSql(filterParts({ from: '2026-09-20' }, 'Asia/Jakarta')), 'order_id < ?', 'Z');
    const page = amountPageQuery(since, [7, 701], 110000, 50);
    const plan = queryPlan(
      db,
      `SELECT * FROM orders ${page.where} ORDER BY created_at DESC, order_id DESC LIMIT 51`,
      ...page.params,
    );
    db.close();
    expect(plan).toMatch(/SEARCH orders USING COVERING INDEX orders_price_created \(<expr>=\? AND created_at>\?\)/);
    expect(plan).toMatch(
      /SEARCH orders USING (COVERING )?INDEX orders_total_payment_created \(total_payment=\? AND created_at>\?\)/,
    );
    expect(plan).not.toMatch(/SCAN orders/);
    const filters: OrderFilter[] = [
      { search: 'Rp 110.000' },
      { search: '110000', states: ['paid'], from: '2026-09-20' },
      { search: '110.000', methods: ['qris', 'bni_va'], to: '2026-10-25' },
    ];
    for (const filter of filters) {
      const expected = slowIds(file, filter, 'Asia/Jakarta', 0);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(100);
      const got = allPages(store, filter, 37);
      expect(got.ids, JSON.stringify(filter)).toEqual(expected);
      expect(new Set(got.totals)).toEqual(new Set([shownTotal(expected.length, got.totals[0]!)]));
    }
    store.close();
  });

  it('finds every match when the newest sales are unlike the older ones', () => {
    const { store, file } = seeded(2600, 'Asia/Jakarta');
    const db = new Database(file);
    // The newest sales carry only the start of the text, every older one the whole text: read
    // from the newest, "abc" looks common and the rest rare, the opposite of the journal.
    db.prepare("UPDATE orders SET note = 'Paket abcdef' WHERE rowid <= 2400").run();
    db.prepare("UPDATE orders SET note = 'Paket abc' WHERE rowid > 2400").run();
    db.prepare("UPDATE orders SET note = 'Paket abcdefgh' WHERE rowid IN (7, 700, 1500)").run();
    db.close();
    for (const search of ['abcdef', 'abcdefgh', 'Paket abc']) {
      const expected = slowIds(file, { search }, 'Asia/Jakarta', 0);
      const got = allPages(store, { search }, 500);
      expect(got.ids, search).toEqual(expected);
      expect(got.totals[0], search).toBe(shownTotal(expected.length, got.totals[0]!));
    }
    store.close();
  });

  it('keeps up with new sales and with a journal written before the index existed', () => {
    const file = join(tempDir(), 'orders.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(
      db,
      file,
      // Only what came before the index: later migrations were never on such a journal either.
      MIGRATIONS.filter((m) => m.version < MIGRATIONS.find((x) => x.name === 'history-speed')!.version),
      () => new Date(),
    );
    db.close();
    seedOrders(file, 500, { end: END, days: 10, seed: 3, terminal: 'KSR1' });
    const store = openOrderStore({ file, timeZone: 'Asia/Jakarta', now: () => END });
    const before = slowIds(file, { search: 'meja 4' }, 'Asia/Jakarta', 0);
    expect(before.length).toBeGreaterThan(0);
    expect(store.list({ search: 'meja 4' }, 500).items.map((o) => o.orderId)).toEqual(before);
    // The amount indices were built by the migrations from the sales already there.
    const amount = slowIds(file, { search: '25.000' }, 'Asia/Jakarta', 0);
    expect(amount.length).toBeGreaterThan(0);
    expect(allPages(store, { search: '25.000' }, 7).ids).toEqual(amount);
    expect(store.list({}, 1).total).toBe(500);
    const sale = store.openSale({
      amount: 12_000,
      method: 'qris',
      note: 'Meja 4, pesanan kedua',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
    const page = store.list({ search: 'MEJA 4' }, 500);
    expect(page.items[0]!.orderId).toBe(sale.orderId);
    expect(page.total).toBe(before.length + 1);
    expect(store.list({ search: sale.orderId.slice(-12) }, 5).items.map((o) => o.orderId)).toEqual([sale.orderId]);
    expect(store.list({}, 1).total).toBe(501);
    store.close();
  });
});
