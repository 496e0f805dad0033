import type { DrawerView } from './counter';
import type { MethodTotals } from './domain';
import type { RefundTotals } from './refunds';

/**
 * The money lines every report derives from its paid parts by method and its refunds: the
 * till's daily report and Z reports, and the shop server's. One definition, so a report on the
 * till and the same report on the owner's page cannot add up differently.
 */
export function moneyOf(byMethod: readonly MethodTotals[], refunds: RefundTotals) {
  const sum = (pick: (m: MethodTotals) => number) => byMethod.reduce((s, m) => s + pick(m), 0);
  const fees = sum((m) => m.fee);
  const feesCustomer = sum((m) => m.feeOnCustomer);
  const netReceived = sum((m) => m.shopReceives);
  return {
    paidCount: sum((m) => m.count),
    gross: sum((m) => m.totalPaid),
    fees,
    feesShop: fees - feesCustomer,
    feesCustomer,
    netReceived,
    refunds,
    netAfterRefunds: netReceived - refunds.amount,
  };
}

/** One shift's drawer as a day adds it up: counted is null while the shift is open. */
export type ShiftDrawerSums = DrawerView & { counted: number | null };

/** Several shifts' drawers added up; counted (and the difference) only once every one is closed. */
export function addDrawers(drawers: readonly ShiftDrawerSums[]): ShiftDrawerSums & { difference: number | null } {
  const add = (pick: (d: ShiftDrawerSums) => number) => drawers.reduce((s, d) => s + pick(d), 0);
  const allClosed = drawers.length > 0 && drawers.every((d) => d.counted !== null);
  const expected = add((d) => d.expected);
  const counted = allClosed ? add((d) => d.counted ?? 0) : null;
  return {
    opening: add((d) => d.opening),
    cashSales: add((d) => d.cashSales),
    cashRefunds: add((d) => d.cashRefunds),
    cashIn: add((d) => d.cashIn),
    cashOut: add((d) => d.cashOut),
    expected,
    counted,
    difference: counted === null ? null : counted - expected,
  };
}
