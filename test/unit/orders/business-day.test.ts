import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/main/orders/business-day';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { useTempDir } from './temp-dir';

/**
 * One meaning of "day": the business day (cutoff 04:00 in the shop's zone, Asia/Jakarta,
 * UTC+7) whatever zone the machine itself is in. These run with the process in another
 * zone too (vitest.config.mts sets TZ), so nothing here can lean on the machine's zone.
 */
const tempDir = useTempDir();
const ZONE = 'Asia/Jakarta';

/** Local Jakarta wall time as a UTC instant. */
const jkt = (local: string) => new Date(`${local}+07:00`);

function storeWith(sales: [id: string, at: Date][], cutoff: number): OrderStore {
  let now = new Date(0);
  const store = openOrderStore({
    file: join(tempDir(), 'orders.sqlite'),
    now: () => now,
    timeZone: ZONE,
    cutoffHour: () => cutoff,
  });
  for (const [orderId, at] of sales) {
    now = at;
    store.create({
      orderId,
      amount: 10_000,
      method: 'qris',
      note: '',
      terminal: 'KSR1',
      apiVersion: 'v2',
      sandbox: false,
      project: 'toko',
    });
  }
  return store;
}

describe('the business calendar', () => {
  it("runs where the machine is not in the shop's zone", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe(ZONE);
    expect(new Date('2026-11-25T12:00:00Z').getTimezoneOffset()).not.toBe(-420);
  });

  it('at 02:30 and at 23:30 local, today is the business day that began at the last 04:00', () => {
    let clock = jkt('2026-11-26T02:30:00');
    const calendar = createBusinessCalendar({ timeZone: ZONE, cutoffHour: () => 4, clock: () => clock });
    expect(calendar.today()).toEqual({
      day: '2026-11-25',
      startsAt: '2026-11-24T21:00:00.000Z', // 04:00 on the 25th in Jakarta
      endsAt: '2026-11-25T21:00:00.000Z',
      cutoffHour: 4,
      timeZone: ZONE,
    });
    clock = jkt('2026-11-25T23:30:00');
    expect(calendar.today().day).toBe('2026-11-25');
    clock = jkt('2026-11-26T04:00:00');
    expect(calendar.today().day).toBe('2026-11-26');
    clock = jkt('2026-11-26T03:59:59');
    expect(calendar.today().day).toBe('2026-11-25');
  });

  it('follows a changed cutoff hour and refuses a date that does not exist', () => {
    let cutoff = 4;
    const calendar = createBusinessCalendar({
      timeZone: ZONE,
      cutoffHour: () => cutoff,
      clock: () => jkt('2026-11-26T02:30:00'),
    });
    expect(calendar.today().day).toBe('2026-11-25');
    cutoff = 0;
    expect(calendar.today()).toMatchObject({ day: '2026-11-26', startsAt: '2026-11-25T17:00:00.000Z' });
    expect(() => calendar.day('2026-02-30')).toThrow(/calendar date/);
  });
});

describe('history, today totals and the report count the same day', () => {
  const night = (): OrderStore =>
    storeWith(
      [
        ['KSR1-A-0355', jkt('2026-11-25T03:55:00')], // the 24th's night
        ['KSR1-B-0400', jkt('2026-11-25T04:00:00')], // first second of the 25th
        ['KSR1-C-2330', jkt('2026-11-25T23:30:00')],
        ['KSR1-D-0230', jkt('2026-11-26T02:30:00')], // still the 25th's business day
        ['KSR1-E-0401', jkt('2026-11-26T04:01:00')], // the 26th
      ],
      4,
    );

  it('a history filter for one day holds exactly the sales its daily report counts', () => {
    const store = night();
    const ids = (from: string, to = from) =>
      store
        .list({ from, to }, 50)
        .items.map((o) => o.orderId)
        .sort();
    expect(ids('2026-11-25')).toEqual(['KSR1-B-0400', 'KSR1-C-2330', 'KSR1-D-0230']);
    expect(store.count({ from: '2026-11-25', to: '2026-11-25' })).toBe(
      store.dailyReport('2026-11-25', 4, ZONE).salesCount,
    );
    expect(ids('2026-11-24')).toEqual(['KSR1-A-0355']);
    expect(ids('2026-11-26')).toEqual(['KSR1-E-0401']);
    expect(ids('2026-11-24', '2026-11-26')).toHaveLength(5);
    // Exports read the same filter.
    expect([...store.iterate({ from: '2026-11-25', to: '2026-11-25' })].map((o) => o.orderId).sort()).toEqual(
      ids('2026-11-25'),
    );
    store.close();
  });
});
