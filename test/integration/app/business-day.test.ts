import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BusinessDayView } from '../../../src/shared/domain';
import { createAppServices } from '../../../src/main/app/create-services';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';

/**
 * Main decides which business day it is and what a day filter means: at night, before the
 * 04:00 cutoff, "today" is still the evening's business day, and the history list, today's
 * totals and the daily report all count the same sales. The shop is in Asia/Jakarta, the
 * process in another zone (see vitest.config.mts), the clock pinned.
 */
async function shopAt(localJakarta: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-day-'));
  const startedAt = Date.now();
  const pinned = Date.parse(`${localJakarta}+07:00`);
  const app = await createAppServices({
    dataDir,
    shell: 'browser',
    safeStorage: memorySafeStorage(),
    version: 'test',
    quiet: true,
    timeZone: 'Asia/Jakarta',
    clock: () => new Date(pinned + (Date.now() - startedAt)),
    listDisplays: () => [],
    exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
  });
  return {
    app,
    async close() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['2026-11-26T02:30:00', '2026-11-25'],
  ['2026-11-25T23:30:00', '2026-11-25'],
])('at %s in Jakarta', (local, businessDay) => {
  it(`today is ${businessDay}, and history, totals and the report agree on its sales`, async () => {
    const { app, close } = await shopAt(local);
    try {
      const today = await app.handlers.getBusinessDay({});
      expect(today).toEqual({
        day: businessDay,
        startsAt: '2026-11-24T21:00:00.000Z',
        endsAt: '2026-11-25T21:00:00.000Z',
        cutoffHour: 4,
        timeZone: 'Asia/Jakarta',
      });
      const sale = await app.handlers.charge({ amount: 27_500, method: 'qris' });
      await app.handlers.simulatePayment({ orderId: sale.orderId });
      const list = await app.handlers.listOrders({ filter: { from: today.day, to: today.day }, limit: 50 });
      expect(list.items.map((o) => o.orderId)).toEqual([sale.orderId]);
      const report = await app.handlers.getDailyReport({ day: today.day });
      expect(report).toMatchObject({ salesCount: 1, paidCount: 1 });
      expect(report.netReceived).toBe(app.store.get(sale.orderId)!.amount);
      expect(report.startsAt).toBe(today.startsAt);
      // The sale is not on the calendar date's neighbour either side.
      const otherDay = today.day === '2026-11-25' ? '2026-11-26' : '2026-11-24';
      expect((await app.handlers.listOrders({ filter: { from: otherDay, to: otherDay }, limit: 50 })).total).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('when the cutoff moves', () => {
  it('main says which day it is now, and tells the windows', async () => {
    const { app, close } = await shopAt('2026-11-26T02:30:00');
    try {
      const seen: BusinessDayView[] = [];
      app.bus.on('businessDayChanged', (d) => seen.push(d));
      await app.handlers.updateSettings({ businessDayCutoffHour: 0 });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ day: '2026-11-26', cutoffHour: 0, startsAt: '2026-11-25T17:00:00.000Z' });
      expect((await app.handlers.getBusinessDay({})).day).toBe('2026-11-26');
      expect(await app.handlers.getBusinessDay({ day: '2026-11-20' })).toMatchObject({
        startsAt: '2026-11-19T17:00:00.000Z',
        endsAt: '2026-11-20T17:00:00.000Z',
      });
    } finally {
      await close();
    }
  });
});
