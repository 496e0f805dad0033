import type { SaleMethod } from '@shared/methods';
import type { OrderState } from '@shared/order-state';
import type { RefundTotals } from '@shared/refunds';
import type { MessageKey } from '../i18n';

/**
 * What a report's figures show, worked out once for every report that has them: the till's
 * daily report, the owner's daily report over the tills, and the owner's Z report of a day or
 * a shift. One builder, so the same figure reads the same (and appears once) everywhere.
 */

/** A few words under a figure: an amount with its label, or a count inside a sentence. */
export type FigureNote = { amount: number; key: MessageKey } | { count: number; key: MessageKey };

export interface Figure {
  label: MessageKey;
  /** A count of sales, or money; `out` money is taken away (shown with a minus before it). */
  value: { count: number } | { amount: number; out?: boolean };
  testId: string;
  notes?: FigureNote[];
  /** The figure the report is read for: what the shop keeps. */
  main?: boolean;
}

export interface FiguresView {
  /** Rows of figures: money in, then (when refunds are shown) money given back. */
  rows: Figure[][];
  byMethod: { method: SaleMethod; count: number; totalPaid: number; fee: number; shopReceives: number }[];
  /** Sales by state, the states with any sale only; empty where a report has none (a Z report). */
  byState: { state: OrderState; count: number; amount: number }[];
  byChannel: RefundTotals['byChannel'];
}

/** The totals a report may carry: each report type maps its own names onto these. */
export interface FiguresInput {
  /** Every sale of the period, paid or not; a Z report counts paid sales only. */
  salesCount?: number;
  paidCount: number;
  gross: number;
  fees: number;
  /** Who bore the fees: the daily reports know it, a Z report does not. */
  feeSplit?: { shop: number; customer: number };
  netReceived: number;
  /** Money given back and what is kept after it; omitted, the report ends at what the shop receives. */
  refunds?: { totals: RefundTotals; netAfter: number };
  byMethod: FiguresView['byMethod'];
  byState?: FiguresView['byState'];
}

export function reportFigures(r: FiguresInput): FiguresView {
  const moneyIn: Figure[] = [];
  if (r.salesCount !== undefined)
    moneyIn.push({ label: 'report.sales', value: { count: r.salesCount }, testId: 'report-sales-count' });
  moneyIn.push(
    { label: 'report.paid', value: { count: r.paidCount }, testId: 'report-paid-count' },
    { label: 'report.gross', value: { amount: r.gross }, testId: 'report-gross' },
    { label: 'report.fees', value: { amount: r.fees, out: true }, testId: 'report-fees', notes: feeNotes(r.feeSplit) },
    // What the shop receives is shown once: the refunds row below starts from it, not again.
    { label: 'report.net', value: { amount: r.netReceived }, testId: 'report-net', main: !r.refunds },
  );
  const rows = [moneyIn];
  if (r.refunds) rows.push(refundFigures(r.refunds.totals, r.refunds.netAfter));
  return {
    rows,
    byMethod: r.byMethod,
    byState: (r.byState ?? []).filter((s) => s.count > 0),
    byChannel: r.refunds?.totals.byChannel ?? [],
  };
}

function feeNotes(split: FiguresInput['feeSplit']): FigureNote[] | undefined {
  if (!split) return undefined;
  const notes: FigureNote[] = [{ amount: split.shop, key: 'report.feesShop' }];
  if (split.customer > 0) notes.push({ amount: split.customer, key: 'report.feesCustomer' });
  return notes;
}

function refundFigures(refunds: RefundTotals, netAfter: number): Figure[] {
  const notes: FigureNote[] = [{ count: refunds.count, key: 'owner.refunds.count' }];
  if (refunds.cash > 0) notes.push({ amount: refunds.cash, key: 'owner.refunds.fromDrawer' });
  return [
    { label: 'owner.refunds.total', value: { amount: refunds.amount, out: true }, testId: 'report-refunds', notes },
    { label: 'owner.refunds.netAfter', value: { amount: netAfter }, testId: 'report-net-after-refunds', main: true },
  ];
}

/** A daily report's figures (the till's or the shop's), with its refunds when asked. */
export function dailyFigures(
  r: {
    salesCount: number;
    paidCount: number;
    grossAmount: number;
    fees: number;
    feesShop: number;
    feesCustomer: number;
    netReceived: number;
    refunds: RefundTotals;
    netAfterRefunds: number;
    byMethod: FiguresView['byMethod'];
    byState: FiguresView['byState'];
  },
  opts: { refunds: boolean },
): FiguresView {
  return reportFigures({
    salesCount: r.salesCount,
    paidCount: r.paidCount,
    gross: r.grossAmount,
    fees: r.fees,
    feeSplit: { shop: r.feesShop, customer: r.feesCustomer },
    netReceived: r.netReceived,
    refunds: opts.refunds ? { totals: r.refunds, netAfter: r.netAfterRefunds } : undefined,
    byMethod: r.byMethod,
    byState: r.byState,
  });
}

/** A Z report's figures (a day's or a shift's): paid sales, money by method, refunds. */
export function zFigures(z: {
  paidCount: number;
  gross: number;
  fees: number;
  netReceived: number;
  refunds: RefundTotals;
  netAfterRefunds: number;
  byMethod: FiguresView['byMethod'];
}): FiguresView {
  return reportFigures({
    paidCount: z.paidCount,
    gross: z.gross,
    fees: z.fees,
    netReceived: z.netReceived,
    refunds: { totals: z.refunds, netAfter: z.netAfterRefunds },
    byMethod: z.byMethod,
  });
}
