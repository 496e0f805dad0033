import type { RefundView, SaleView, ZReport } from '@shared/counter';
import { saleMoney as partMoney } from '@shared/fees';
import type { SaleLineView } from '@shared/items';
import { METHOD_RULES } from '@shared/methods';
import type { RefundSlipInput, SaleReceiptInput, ZReportInput } from '../printing/sale-input';

/**
 * What the printer is handed for the counter's documents, from the journal's own views: the
 * receipt of a paid counter sale (all its parts, the cashier, the cash handed over and the
 * change), a refund slip, and a Z report.
 */
export function saleReceiptInput(sale: SaleView, lines: readonly SaleLineView[] = []): SaleReceiptInput {
  const paid = sale.parts.filter((p) => p.state === 'paid');
  const cash = paid.filter((p) => p.method === 'cash');
  const gateway = paid.find((p) => p.method !== 'cash') ?? null;
  let fee: number | null = null;
  let feeOnCustomer: number | null = null;
  for (const p of paid) {
    if (p.method === 'cash') continue;
    const m = partMoney(p);
    fee = (fee ?? 0) + (m.fee ?? 0);
    feeOnCustomer = (feeOnCustomer ?? 0) + (m.feeOnCustomer ?? 0);
  }
  const paidAt =
    paid
      .map((p) => p.paidAt ?? p.updatedAt)
      .sort()
      .at(-1) ?? sale.createdAt;
  return {
    ref: sale.saleId,
    terminal: sale.terminal,
    notRealMoney: sale.parts.some((p) => p.sandbox),
    paidAt,
    cashier: sale.cashier?.name ?? null,
    items:
      lines.length > 0
        ? lines.map((l) => ({ name: l.name, qty: l.qty, unitPrice: l.unitPrice, total: l.total }))
        : null,
    amount: sale.price,
    // The drawer opens with the receipt of any sale that took cash.
    method: cash.length > 0 ? 'cash' : (gateway?.method ?? 'cash'),
    fee,
    feeOnCustomer,
    totalPaid: sale.customerPaid,
    pakasir: gateway
      ? {
          orderId: gateway.orderId,
          txnId: gateway.txnId,
          vaNumber: METHOD_RULES[gateway.method].kind === 'va' ? gateway.paymentNumber : null,
        }
      : null,
    cash:
      cash.length > 0
        ? {
            tendered: cash.reduce((s, p) => s + (p.cash?.tendered ?? p.price), 0),
            change: cash.reduce((s, p) => s + (p.cash?.change ?? 0), 0),
          }
        : null,
    ...(paid.length > 1 ? { parts: paid.map((p) => ({ method: p.method, amount: p.totalPayment ?? p.price })) } : {}),
    note: sale.note,
  };
}

export function refundSlipInput(refund: RefundView, sale: SaleView): RefundSlipInput {
  return {
    refundId: refund.refundId,
    terminal: sale.terminal,
    notRealMoney: sale.parts.some((p) => p.sandbox),
    at: refund.at,
    originalReceiptNo: sale.receiptNo,
    originalOrderId: sale.parts.find((p) => p.method !== 'cash')?.orderId ?? sale.parts[0]?.orderId ?? null,
    amount: refund.amount,
    channel: refund.channel,
    note: refund.note,
    by: refund.by,
  };
}

export function zReportInput(
  z: ZReport,
  opts: { reportId: string; terminal: string; closedAt: string; closedBy: string; notRealMoney: boolean },
): ZReportInput {
  return {
    reportId: opts.reportId,
    terminal: opts.terminal,
    notRealMoney: opts.notRealMoney,
    businessDay: z.businessDay,
    openedAt: z.from,
    closedAt: opts.closedAt,
    openedBy: z.openedBy,
    closedBy: opts.closedBy,
    methods: z.byMethod.map((m) => ({ method: m.method, count: m.count, amount: m.totalPaid })),
    fees: { paidByCustomers: z.feesCustomer, paidByShop: z.feesShop },
    refunds: { count: z.refunds.count, amount: z.refunds.amount, cash: z.refunds.cash },
    cashMovements: z.movements
      .slice(0, 200)
      .map((m) => ({ kind: m.kind, amount: m.amount, note: m.reason.slice(0, 80), at: m.at })),
    cash: {
      opening: z.drawer.opening,
      sales: z.drawer.cashSales,
      refunds: z.drawer.cashRefunds,
      movementsIn: z.drawer.cashIn,
      movementsOut: z.drawer.cashOut,
      expected: z.drawer.expected,
      counted: z.drawer.counted,
      difference: z.drawer.difference,
    },
    needsReview: z.needsReview,
  };
}
