import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { call, CASHIER, counterShop, refusal } from '../../support/counter';

/**
 * A closed business day is closed: its Z report says so (the screen then offers no "close
 * day"), and main refuses a second close that would add nothing (a double click, another
 * window) without recording or printing a second one. A day with something new after its
 * close (a later shift's sales) can be closed again, each close with its own report.
 */
const folders = useAppFolders();
const at = (local: string) => Date.parse(`${local}+07:00`);
const DAY = '2026-11-25';

describe('closing a business day that is already closed', () => {
  it('is refused while nothing changed, and allowed again after a later sale', async () => {
    folders.clock.now = at('2026-11-25T10:00:00');
    const app = await folders.start(folders.folder());
    const { shiftId, cashierId } = await counterShop(app, { openingCash: 100_000 });
    await call(app, 'sellCash', { amount: 23_500, tendered: 50_000 });
    await call(app, 'closeShift', { shiftId: shiftId!, countedCash: 123_500 });

    const open = await call(app, 'getZReport', { day: DAY });
    expect(open).toMatchObject({ closes: [], closedAndUnchanged: false });

    folders.clock.now = at('2026-11-25T18:00:00');
    const closed = await call(app, 'closeBusinessDay', { day: DAY });
    expect(closed).toMatchObject({ gross: 23_500, closedAndUnchanged: true });
    expect(closed.closes).toHaveLength(1);
    expect(await call(app, 'getZReport', { day: DAY })).toMatchObject({ closedAndUnchanged: true });
    // A shift's report never reads as a closed day.
    expect(await call(app, 'getZReport', { shiftId: shiftId! })).toMatchObject({ closedAndUnchanged: false });

    const printed = app.printing.listJobs(20).length;
    const again = await refusal(app, 'closeBusinessDay', { day: DAY });
    expect(again.code).toBe('illegal_state');
    expect((await call(app, 'getZReport', { day: DAY })).closes).toHaveLength(1);
    expect(app.printing.listJobs(20)).toHaveLength(printed);

    // An evening shift of the same business day sells after the close: the day is open to a new close.
    folders.clock.now = at('2026-11-25T19:00:00');
    const evening = await call(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: 50_000 });
    await call(app, 'sellCash', { amount: 10_000, tendered: 10_000 });
    await call(app, 'closeShift', { shiftId: evening.shiftId, countedCash: 60_000 });
    expect(await call(app, 'getZReport', { day: DAY })).toMatchObject({ closedAndUnchanged: false, gross: 33_500 });
    const second = await call(app, 'closeBusinessDay', { day: DAY });
    expect(second).toMatchObject({ gross: 33_500, closedAndUnchanged: true });
    expect(second.closes).toHaveLength(2);
  });
});
