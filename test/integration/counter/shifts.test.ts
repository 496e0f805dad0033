import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { call, CASHIER, counterShop, refusal } from '../../support/counter';

/**
 * Shifts through the app's services on a real journal: opened with starting cash by a cashier
 * with a PIN, cash in and out with a reason, closed once with the counted cash against the
 * expected; a shift left open by a stop is still open after a restart, and runs past midnight.
 */
const folders = useAppFolders();

describe('a shift at the counter', () => {
  it('opens, takes sales, cash in and out, and closes with the difference against the expected', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    const { shiftId } = await counterShop(app, { openingCash: 200_000 });
    await call(app, 'sellCash', { amount: 23_500, tendered: 50_000 });
    await call(app, 'sellCash', { amount: 12_000, tendered: 12_000 });
    await call(app, 'moveCash', { kind: 'in', amount: 50_000, reason: 'uang receh dari bank' });
    const out = await call(app, 'moveCash', { kind: 'out', amount: 30_000, reason: 'beli es batu' });
    expect(out.movements.map((m) => [m.kind, m.amount, m.reason, m.by])).toEqual([
      ['in', 50_000, 'uang receh dari bank', 'Budi'],
      ['out', 30_000, 'beli es batu', 'Budi'],
    ]);
    // opening + cash taken - change + in - out
    const expected = 200_000 + 23_500 + 12_000 + 50_000 - 30_000;
    expect(out.drawer).toEqual({
      opening: 200_000,
      cashSales: 35_500,
      cashRefunds: 0,
      cashIn: 50_000,
      cashOut: 30_000,
      expected,
    });

    // Counted Rp 2.000 short.
    const z = await call(app, 'closeShift', { shiftId: shiftId!, countedCash: expected - 2_000, note: 'kurang' });
    expect(z).toMatchObject({
      scope: 'shift',
      id: shiftId,
      cashiers: ['Budi'],
      gross: 35_500,
      paidCount: 2,
      drawer: { expected, counted: expected - 2_000, difference: -2_000 },
    });
    expect(z.byMethod).toEqual([expect.objectContaining({ method: 'cash', count: 2, price: 35_500 })]);
    expect((await call(app, 'getCounter', {})).shift).toBeNull();
    // The Z report is frozen and printed at the close.
    await expect.poll(() => app.printing.receipt('z_report', shiftId!)).not.toBeNull();
    expect(await call(app, 'getZReport', { shiftId: shiftId! })).toEqual(z);

    // Closing it again (a double click, the other window) is refused and changes nothing.
    const again = await refusal(app, 'closeShift', { shiftId: shiftId!, countedCash: expected });
    expect(again.code).toBe('illegal_state');
    expect(await call(app, 'getZReport', { shiftId: shiftId! })).toEqual(z);
    // No cash without a shift.
    expect((await refusal(app, 'sellCash', { amount: 1_000, tendered: 1_000 })).code).toBe('no_shift');
  });

  it('refuses a wrong PIN, bad amounts, a second shift and a close while a QR waits, writing nothing', async () => {
    const dir = folders.folder();
    const app = await folders.start(dir);
    const { cashierId } = await counterShop(app, { shift: false });
    const wrong = await refusal(app, 'openShift', { staffId: cashierId, pin: '111222', openingCash: 100_000 });
    expect(wrong.code).toBe('pin_wrong');
    expect((await refusal(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: -1 })).code).toBe(
      'invalid_input',
    );
    expect(
      (await refusal(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: 500_000_000 })).code,
    ).toBe('invalid_input');
    expect((await call(app, 'getCounter', {})).shift).toBeNull();

    const shift = await call(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: 100_000 });
    expect((await refusal(app, 'openShift', { staffId: cashierId, pin: CASHIER.pin, openingCash: 1 })).code).toBe(
      'illegal_state',
    );
    expect((await refusal(app, 'moveCash', { kind: 'out', amount: 0, reason: 'x' })).code).toBe('invalid_input');
    expect((await refusal(app, 'moveCash', { kind: 'out', amount: 5_000, reason: '  ' })).code).toBe('invalid_input');
    await call(app, 'charge', { amount: 20_000, method: 'qris' });
    expect((await refusal(app, 'closeShift', { shiftId: shift.shiftId, countedCash: 100_000 })).code).toBe('busy');
    const now = (await call(app, 'getCounter', {})).shift!;
    expect(now).toMatchObject({ state: 'open', movements: [], openSales: 1, drawer: { expected: 100_000 } });
  });

  it('a shift left open is still open after a restart, past midnight, with its drawer', async () => {
    const dir = folders.folder();
    const first = await folders.start(dir);
    const { shiftId } = await counterShop(first, { openingCash: 150_000 });
    await call(first, 'sellCash', { amount: 40_000, tendered: 50_000 });
    await first.stop();

    // Four in the morning, the next calendar day: the same shift, still the business day it opened in.
    folders.clock.now += 18 * 3_600_000;
    const second = await folders.start(dir);
    const counter = await call(second, 'getCounter', {});
    expect(counter.shift).toMatchObject({
      shiftId,
      state: 'open',
      businessDay: '2026-11-25',
      drawer: { opening: 150_000, cashSales: 40_000, expected: 190_000 },
    });
    await call(second, 'sellCash', { amount: 10_000, tendered: 10_000 });
    const z = await call(second, 'closeShift', { shiftId: shiftId!, countedCash: 200_000 });
    expect(z.drawer).toMatchObject({ expected: 200_000, counted: 200_000, difference: 0 });
    // Closing the shift is not closing the business day: that is the owner's.
    const day = await call(second, 'getZReport', { day: '2026-11-25' });
    expect(day.closes).toEqual([]);
  });
});
