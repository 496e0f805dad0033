import { describe, expect, it } from 'vitest';
import type { RefundTotals } from '@shared/refunds';
import { dailyFigures, zFigures, type Figure } from '../../../src/renderer/src/lib/report-figures';

/**
 * One builder for every report's figures: the till's daily report, the owner's daily report
 * and the owner's Z report show the same figure under the same label, each exactly once.
 */
const refunds: RefundTotals = {
  count: 2,
  amount: 7_000,
  cash: 5_000,
  byChannel: [
    { channel: 'cash', count: 1, amount: 5_000 },
    { channel: 'bank_transfer', count: 1, amount: 2_000 },
  ],
};
const qris = { method: 'qris' as const, count: 3, totalPaid: 100_700, fee: 700, shopReceives: 100_000 };
const daily = {
  salesCount: 4,
  paidCount: 3,
  grossAmount: 100_700,
  fees: 700,
  feesShop: 200,
  feesCustomer: 500,
  netReceived: 100_000,
  refunds,
  netAfterRefunds: 93_000,
  byMethod: [qris],
  byState: [
    { state: 'paid' as const, count: 3, amount: 100_000 },
    { state: 'canceled' as const, count: 1, amount: 12_000 },
    { state: 'expired' as const, count: 0, amount: 0 },
  ],
};
const z = {
  paidCount: 3,
  gross: 100_700,
  fees: 700,
  netReceived: 100_000,
  refunds,
  netAfterRefunds: 93_000,
  byMethod: [qris],
};

const labels = (rows: Figure[][]) => rows.flat().map((f) => f.label);
const byLabel = (rows: Figure[][], label: string) => rows.flat().find((f) => f.label === label);

describe('report figures', () => {
  it("shows what the shop receives once on the owner's daily report, then what refunds leave", () => {
    const view = dailyFigures(daily, { refunds: true });
    expect(labels(view.rows).filter((l) => l === 'report.net')).toHaveLength(1);
    expect(new Set(labels(view.rows)).size).toBe(labels(view.rows).length);
    expect(view.rows.map((r) => r.map((f) => f.label))).toEqual([
      ['report.sales', 'report.paid', 'report.gross', 'report.fees', 'report.net'],
      ['owner.refunds.total', 'owner.refunds.netAfter'],
    ]);
    // What the shop keeps after refunds is the figure the report is read for; one only.
    expect(
      view.rows
        .flat()
        .filter((f) => f.main)
        .map((f) => f.label),
    ).toEqual(['owner.refunds.netAfter']);
    expect(byLabel(view.rows, 'owner.refunds.netAfter')?.value).toEqual({ amount: 93_000 });
    expect(byLabel(view.rows, 'owner.refunds.total')).toMatchObject({
      value: { amount: 7_000, out: true },
      notes: [
        { count: 2, key: 'owner.refunds.count' },
        { amount: 5_000, key: 'owner.refunds.fromDrawer' },
      ],
    });
    expect(view.byChannel).toEqual(refunds.byChannel);
  });

  it("ends at what the shop receives on the till's daily report, with who bore the fees", () => {
    const view = dailyFigures(daily, { refunds: false });
    expect(view.rows).toHaveLength(1);
    expect(byLabel(view.rows, 'report.net')).toMatchObject({ value: { amount: 100_000 }, main: true });
    expect(byLabel(view.rows, 'report.fees')).toMatchObject({
      value: { amount: 700, out: true },
      notes: [
        { amount: 200, key: 'report.feesShop' },
        { amount: 500, key: 'report.feesCustomer' },
      ],
    });
    expect(view.byChannel).toEqual([]);
  });

  it('names the customer share of the fees only when customers paid some', () => {
    const view = dailyFigures({ ...daily, feesShop: 700, feesCustomer: 0 }, { refunds: false });
    expect(byLabel(view.rows, 'report.fees')?.notes).toEqual([{ amount: 700, key: 'report.feesShop' }]);
  });

  it('lists only the states that have sales', () => {
    expect(dailyFigures(daily, { refunds: false }).byState.map((s) => s.state)).toEqual(['paid', 'canceled']);
  });

  it('gives a Z report the daily figures, labels and order, less what a Z report does not count', () => {
    const zView = zFigures(z);
    const dView = dailyFigures(daily, { refunds: true });
    // Every Z figure is a daily one with the same value; only the sales count and the fee split are absent.
    for (const f of zView.rows.flat()) {
      const d = byLabel(dView.rows, f.label);
      expect({ value: f.value, testId: f.testId, main: f.main }).toEqual({
        value: d?.value,
        testId: d?.testId,
        main: d?.main,
      });
    }
    expect(labels(zView.rows)).toEqual(labels(dView.rows).filter((l) => l !== 'report.sales'));
    expect(byLabel(zView.rows, 'report.fees')?.notes).toBeUndefined();
    expect(zView.byMethod).toEqual([qris]);
    expect(zView.byState).toEqual([]);
  });

  it('gives a refund without cash from the drawer no drawer note', () => {
    const view = zFigures({ ...z, refunds: { ...refunds, cash: 0, byChannel: [] } });
    expect(byLabel(view.rows, 'owner.refunds.total')?.notes).toEqual([{ count: 2, key: 'owner.refunds.count' }]);
  });
});
