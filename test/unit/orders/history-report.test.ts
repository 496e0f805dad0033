import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from '../../../src/shared/methods';
import type { OrderState } from '../../../src/shared/order-state';
import { openOrderStore } from '../../../src/main/orders/journal';
import { searchedAmount } from '../../../src/main/orders/order-query';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { seedOrders } from '../../../testkit/orders';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();
const TZ = 'Asia/Jakarta'; // UTC+7, no daylight saving

interface SaleSpec {
  id: string;
  at: string; // UTC instant
  amount: number;
  method?: PaymentMethod;
  state?: OrderState;
  fee?: number;
  note?: string;
}

function openWithSales(sales: SaleSpec[]): OrderStore {
  let clock = new Date(0);
  const store = openOrderStore({ file: join(tempDir(), 'orders.db'), now: () => clock, timeZone: TZ });
  for (const s of sales) {
    clock = new Date(s.at);
    store.create({
      orderId: s.id,
      amount: s.amount,
      method: s.method ?? 'qris',
      note: s.note ?? '',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
    const fee = s.fee ?? 0;
    const state = s.state ?? 'paid';
    if (state === 'creating') continue;
    store.transition(s.id, 'awaiting_payment', 'created', { fee, totalPayment: s.amount + fee, txnId: `txn-${s.id}` });
    if (state === 'needs_review') {
      store.transition(s.id, 'expired', 'expired');
      store.transition(s.id, 'needs_review', 'paid_after_expiry');
    } else if (state !== 'awaiting_payment') {
      store.transition(s.id, state, 'done', state === 'paid' ? { paidAt: s.at } : {});
    }
  }
  return store;
}

describe('daily report', () => {
  it('counts a 01:30 sale for the previous business day when days end at 04:00', () => {
    const store = openWithSales([
      // 2026-11-24 local
      { id: 'KSR1-D-01', at: '2026-11-23T21:00:00.000Z', amount: 9_000 }, // 04:00 on the 24th local: first second of the day
      { id: 'KSR1-D-02', at: '2026-11-24T03:00:00.000Z', amount: 20_000, fee: 450 }, // 10:00
      { id: 'KSR1-D-03', at: '2026-11-24T13:00:00.000Z', amount: 15_000, method: 'bni_va', fee: 3_500 }, // 20:00
      { id: 'KSR1-D-04', at: '2026-11-24T14:00:00.000Z', amount: 7_000, state: 'expired' },
      { id: 'KSR1-D-05', at: '2026-11-24T15:00:00.000Z', amount: 8_000, state: 'needs_review' },
      { id: 'KSR1-D-06', at: '2026-11-24T18:30:00.000Z', amount: 30_000, fee: 520 }, // 01:30 on the 25th local
      { id: 'KSR1-D-07', at: '2026-11-24T20:59:59.000Z', amount: 1_000 }, // 03:59:59 on the 25th local
      // 2026-11-25 business day
      { id: 'KSR1-D-08', at: '2026-11-24T21:00:00.000Z', amount: 50_000 }, // 04:00 on the 25th local
      { id: 'KSR1-D-09', at: '2026-11-23T20:59:00.000Z', amount: 2_000 }, // 03:59 on the 24th: day 23
    ]);
    const report = store.dailyReport('2026-11-24', 4, TZ);
    expect(report.startsAt).toBe('2026-11-23T21:00:00.000Z');
    expect(report.endsAt).toBe('2026-11-24T21:00:00.000Z');
    expect(report.salesCount).toBe(7);
    expect(report.paidCount).toBe(5);
    expect(report.netReceived).toBe(9_000 + 20_000 + 15_000 + 30_000 + 1_000);
    expect(report.fees).toBe(450 + 3_500 + 520);
    expect(report.grossAmount).toBe(report.netReceived + report.fees);
    expect(report.byMethod).toEqual([
      // Sales from before the fee choice: the customer paid the fee on top of the price.
      {
        method: 'bni_va',
        count: 1,
        amount: 15_000,
        price: 15_000,
        fee: 3_500,
        feeOnCustomer: 3_500,
        totalPaid: 18_500,
        shopReceives: 15_000,
      },
      {
        method: 'qris',
        count: 4,
        amount: 60_000,
        price: 60_000,
        fee: 970,
        feeOnCustomer: 970,
        totalPaid: 60_970,
        shopReceives: 60_000,
      },
    ]);
    expect(report.byState.filter((s) => s.count > 0)).toEqual([
      { state: 'paid', count: 5, amount: 75_000 },
      { state: 'expired', count: 1, amount: 7_000 },
      { state: 'needs_review', count: 1, amount: 8_000 },
    ]);
    expect(report.needsReview.map((o) => o.orderId)).toEqual(['KSR1-D-05']);

    const midnight = store.dailyReport('2026-11-24', 0, TZ);
    expect(midnight.salesCount).toBe(6); // D-01..D-05 and D-09 (03:59 on the 24th); not D-06/D-07
    store.close();
  });

  it('refuses a malformed day', () => {
    const store = openWithSales([]);
    expect(() => store.dailyReport('2026-02-30', 4, TZ)).toThrow(/not a calendar date/);
    store.close();
  });
});

describe('history list', () => {
  const sales: SaleSpec[] = Array.from({ length: 25 }, (_, i) => ({
    id: `KSR1-H-${String(i).padStart(2, '0')}`,
    // Two sales share each second, so the cursor must break ties on order_id.
    at: new Date(Date.UTC(2026, 10, 24, 1, 0, Math.floor(i / 2))).toISOString(),
    amount: 1_000 + i,
    method: i % 3 === 0 ? ('bri_va' as const) : ('qris' as const),
    state: i % 5 === 0 ? ('canceled' as const) : ('paid' as const),
    note: i === 7 ? 'Kopi, susu 100%' : i === 8 ? 'es_teh' : `meja ${i}`,
  }));

  it('pages newest first with a cursor, without gaps or repeats', () => {
    const store = openWithSales(sales);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = store.list({}, 10, cursor);
      expect(page.total).toBe(25);
      seen.push(...page.items.map((o) => o.orderId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(sales.map((s) => s.id).reverse());
    expect(() => store.list({}, 10, 'garbage')).toThrow(/cursor is not valid/);
    store.close();
  });

  it('filters by state, method, local dates and search, with count agreeing', () => {
    const store = openWithSales([
      ...sales,
      { id: 'KSR1-X-LATE', at: '2026-11-24T17:30:00.000Z', amount: 5_000 }, // 00:30 on the 25th local
    ]);
    const canceled = store.list({ states: ['canceled'] }, 100);
    expect(canceled.items.map((o) => o.orderId).sort()).toEqual([
      'KSR1-H-00',
      'KSR1-H-05',
      'KSR1-H-10',
      'KSR1-H-15',
      'KSR1-H-20',
    ]);
    // Canceled (every 5th) and bri_va (every 3rd): sales 0 and 15.
    expect(store.count({ states: ['canceled'], methods: ['bri_va'] })).toBe(2);
    expect(store.list({ methods: ['bri_va'], states: ['canceled'] }, 100).items.map((o) => o.orderId)).toEqual([
      'KSR1-H-15',
      'KSR1-H-00',
    ]);
    expect(store.count({ from: '2026-11-24', to: '2026-11-24' })).toBe(25);
    expect(store.list({ from: '2026-11-25', to: '2026-11-25' }, 10).items.map((o) => o.orderId)).toEqual([
      'KSR1-X-LATE',
    ]);
    // LIKE wildcards in the search are literal: "%" and "_" only match themselves.
    expect(store.list({ search: 'susu 100%' }, 10).items.map((o) => o.orderId)).toEqual(['KSR1-H-07']);
    expect(store.list({ search: 'es_teh' }, 10).items.map((o) => o.orderId)).toEqual(['KSR1-H-08']);
    expect(store.count({ search: 'X-LATE' })).toBe(1);
    store.close();
  });

  it('finds a sale by its amount, typed the way a cashier writes it', () => {
    const store = openWithSales([
      ...sales,
      { id: 'KSR1-A-01', at: '2026-11-24T05:00:00.000Z', amount: 25_000 },
      { id: 'KSR1-A-02', at: '2026-11-24T05:01:00.000Z', amount: 125_000 },
    ]);
    for (const typed of ['25000', '25.000', 'Rp 25.000', 'rp25.000', '25,000'])
      expect(
        store.list({ search: typed }, 10).items.map((o) => o.orderId),
        typed,
      ).toEqual(['KSR1-A-01']);
    // A part of an amount is not that amount.
    expect(store.count({ search: '5.000' })).toBe(0);
    expect(store.list({ search: '1.024' }, 10).items.map((o) => o.orderId)).toEqual(['KSR1-H-24']);
    store.close();
  });

  it('reads an amount only when it is one', () => {
    expect(searchedAmount('25000')).toBe(25_000);
    expect(searchedAmount('1.250.500')).toBe(1_250_500);
    expect(searchedAmount('Rp 10.000.000')).toBe(10_000_000);
    expect(searchedAmount('25.00')).toBeNull();
    expect(searchedAmount('2.5000')).toBeNull();
    expect(searchedAmount('25.000,50')).toBeNull();
    expect(searchedAmount('KSR1')).toBeNull();
    expect(searchedAmount('0')).toBeNull();
  });

  it('streams every row in created order for export', () => {
    const store = openWithSales(sales);
    const ids = [...store.iterate({ states: ['paid'] })].map((o) => o.orderId);
    expect(ids).toEqual(sales.filter((s) => s.state === 'paid').map((s) => s.id));
    // The main connection stays usable while an export iterates.
    const it = store.iterate({});
    it.next();
    store.recordFacts('KSR1-H-01', { lastCheckedAt: '2026-11-24T02:00:00.000Z' });
    expect([...it].length).toBe(24);
    store.close();
  });
});

describe('seedOrders', () => {
  it('fills a journal the store can read, with ids the store will not reuse', () => {
    const file = join(tempDir(), 'orders.db');
    const store = openOrderStore({ file, timeZone: TZ, installId: 'TXAB0001' });
    const seeded = seedOrders(store, 2_000, {
      terminal: 'KSR1',
      installId: 'TXAB0001',
      end: new Date('2026-11-25T00:00:00.000Z'),
      days: 10,
      live: 3,
    });
    expect(store.count({})).toBe(2_000);
    expect(store.listLive()).toHaveLength(3);
    const next = store.allocateOrderId('KSR1');
    expect(store.get(next)).toBeNull();
    expect(next > store.list({}, 1).items[0]!.orderId).toBe(true);
    expect(seeded.lastCreatedAt <= '2026-11-25T00:00:00.000Z').toBe(true);
    store.close();
  });
});
