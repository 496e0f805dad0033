import { describe, expect, it } from 'vitest';
import type { MethodTotals } from '@shared/domain';
import { addDrawers, moneyOf } from '@shared/report-sums';

/**
 * The money lines and the drawer every report adds up, on the till and on the shop server
 * alike: one definition, so the owner's page and the till's Z report agree to the rupiah.
 */
const qris: MethodTotals = {
  method: 'qris',
  count: 2,
  amount: 60_725,
  price: 60_000,
  fee: 725,
  feeOnCustomer: 300,
  totalPaid: 60_725,
  shopReceives: 60_000,
};
const cash: MethodTotals = {
  method: 'cash',
  count: 1,
  amount: 23_500,
  price: 23_500,
  fee: 0,
  feeOnCustomer: 0,
  totalPaid: 23_500,
  shopReceives: 23_500,
};
const refunds = {
  count: 1,
  amount: 5_000,
  cash: 5_000,
  byChannel: [{ channel: 'cash' as const, count: 1, amount: 5_000 }],
};

describe('moneyOf', () => {
  it('adds the methods and takes the refunds off what the shop receives', () => {
    expect(moneyOf([qris, cash], refunds)).toEqual({
      paidCount: 3,
      gross: 84_225,
      fees: 725,
      feesShop: 425,
      feesCustomer: 300,
      netReceived: 83_500,
      refunds,
      netAfterRefunds: 78_500,
    });
  });

  it('is all zero for a day without sales', () => {
    const none = { count: 0, amount: 0, cash: 0, byChannel: [] };
    expect(moneyOf([], none)).toMatchObject({ paidCount: 0, gross: 0, fees: 0, netReceived: 0, netAfterRefunds: 0 });
  });
});

describe('addDrawers', () => {
  const drawer = (opening: number, cashSales: number, counted: number | null) => ({
    opening,
    cashSales,
    cashRefunds: 0,
    cashIn: 0,
    cashOut: 1_000,
    expected: opening + cashSales - 1_000,
    counted,
  });

  it('counts the cash and the difference once every shift is closed', () => {
    expect(addDrawers([drawer(100_000, 20_000, 119_000), drawer(50_000, 5_000, 52_000)])).toEqual({
      opening: 150_000,
      cashSales: 25_000,
      cashRefunds: 0,
      cashIn: 0,
      cashOut: 2_000,
      expected: 173_000,
      counted: 171_000,
      difference: -2_000,
    });
  });

  it('has no counted cash and no difference while a shift is open, nor for a day without shifts', () => {
    expect(addDrawers([drawer(100_000, 20_000, 119_000), drawer(50_000, 0, null)])).toMatchObject({
      expected: 168_000,
      counted: null,
      difference: null,
    });
    expect(addDrawers([])).toMatchObject({ expected: 0, counted: null, difference: null });
  });
});
