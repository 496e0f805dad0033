import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { call, CASHIER, counterShop } from '../../support/counter';

/**
 * A late shop at the hours where day arithmetic breaks: a shift opened at 23:30 and closed at
 * 02:30 the next calendar morning belongs wholly to the evening's business day (cutoff 04:00,
 * Asia/Jakarta), whatever the process's own time zone (vitest.config.mts sets another one).
 * The Z reports of the shift and of the day, the daily report and today's totals all count
 * the same sales, and the day can be closed at 02:30 without waiting for the calendar.
 */
const folders = useAppFolders();
const at = (local: string) => Date.parse(`${local}+07:00`);

describe('a night shift across midnight', () => {
  it('counts 23:30 and 02:30 sales in one business day, in every report, and closes that day at 02:30', async () => {
    folders.clock.now = at('2026-11-25T23:30:00');
    const app = await folders.start(folders.folder());
    const { shiftId } = await counterShop(app, { openingCash: 100_000 });
    expect((await call(app, 'getCounter', {})).shift).toMatchObject({ businessDay: '2026-11-25' });
    await call(app, 'sellCash', { amount: 23_500, tendered: 50_000 });

    folders.clock.now = at('2026-11-26T02:30:00');
    expect(await call(app, 'getBusinessDay', {})).toMatchObject({ day: '2026-11-25' });
    await call(app, 'sellCash', { amount: 12_000, tendered: 20_000 });
    await call(app, 'moveCash', { kind: 'out', amount: 5_000, reason: 'beli plastik' });

    const expected = 100_000 + 23_500 + 12_000 - 5_000;
    const z = await call(app, 'closeShift', { shiftId: shiftId!, countedCash: expected });
    expect(z).toMatchObject({
      scope: 'shift',
      gross: 35_500,
      paidCount: 2,
      drawer: { expected, counted: expected, difference: 0 },
    });

    const daily = await call(app, 'getDailyReport', { day: '2026-11-25' });
    expect(daily).toMatchObject({ paidCount: 2 });
    const dayZ = await call(app, 'closeBusinessDay', { day: '2026-11-25' });
    expect(dayZ).toMatchObject({ scope: 'day', gross: 35_500, paidCount: 2, drawer: { difference: 0 } });
    expect(dayZ.byMethod).toEqual([expect.objectContaining({ method: 'cash', count: 2, price: 35_500 })]);

    // The next calendar day's business day holds none of it.
    const next = await call(app, 'getZReport', { day: '2026-11-26' });
    expect(next).toMatchObject({ gross: 0, paidCount: 0 });
    const list = await call(app, 'listOrders', { filter: { from: '2026-11-25', to: '2026-11-25' }, limit: 50 });
    expect(list.items).toHaveLength(2);
  });

  it('a shift opened at 02:30 belongs to the evening before; one opened at 04:30 to the new day', async () => {
    folders.clock.now = at('2026-11-26T02:30:00');
    const app = await folders.start(folders.folder());
    const { shiftId, cashierId } = await counterShop(app, { openingCash: 50_000 });
    expect((await call(app, 'getCounter', {})).shift).toMatchObject({ businessDay: '2026-11-25' });
    await call(app, 'sellCash', { amount: 7_000, tendered: 10_000 });
    await call(app, 'closeShift', { shiftId: shiftId!, countedCash: 57_000 });

    folders.clock.now = at('2026-11-26T04:30:00');
    expect((await call(app, 'getCounter', {})).shift).toBeNull();
    expect(await call(app, 'getBusinessDay', {})).toMatchObject({ day: '2026-11-26' });
    const second = await call(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: 50_000 });
    expect(second).toMatchObject({ businessDay: '2026-11-26' });
    await call(app, 'sellCash', { amount: 3_000, tendered: 3_000 });
    expect(await call(app, 'getZReport', { day: '2026-11-25' })).toMatchObject({ gross: 7_000 });
    expect(await call(app, 'getZReport', { day: '2026-11-26' })).toMatchObject({ gross: 3_000 });
  });
});
