import { saleMoney } from '@shared/fees';
import type { SaleLineView } from '@shared/items';
import { METHOD_RULES } from '@shared/methods';
import type { OrderRecord } from '../orders/order-store';
import type { RefundSnapshot, SaleSnapshot, ZReportSnapshot } from './snapshot';

/** What the printing service fills in itself: identity, shop, language, zone, verification. */
type Filled = 'version' | 'kind' | 'receiptNo' | 'shop' | 'language' | 'timeZone';

/** A sale as the counter hands it over when it is paid. `ref` is the sale's id (its order id). */
export type SaleReceiptInput = Omit<SaleSnapshot, Filled | 'verification'> & { ref: string };
export type RefundSlipInput = Omit<RefundSnapshot, Filled>;
export type ZReportInput = Omit<ZReportSnapshot, Filled>;

/** The QR at the foot of a receipt: enough to find the sale in the journal and check the sum. */
export function verificationText(receiptNo: string, ref: string, totalPaid: number, paidAt: string): string {
  return `RCPT:${receiptNo};ORDER:${ref};TOTAL:${totalPaid};PAID:${paidAt}`;
}

/**
 * A paid QRIS / VA / link sale as the journal holds it. The money comes from saleMoney(),
 * the one place that says what the customer paid and which part of Pakasir's fee the
 * customer bore (paid above the price) and which the shop bore, so the receipt says what
 * the history and the reports say. The lines are the sale's own, journaled when it was made.
 */
export function saleInputFromOrder(order: OrderRecord, lines: readonly SaleLineView[] = []): SaleReceiptInput {
  const money = saleMoney(order);
  return {
    ref: order.orderId,
    terminal: order.terminal,
    notRealMoney: order.sandbox,
    paidAt: order.paidAt ?? order.updatedAt,
    cashier: null,
    items:
      lines.length > 0
        ? lines.map((l) => ({ name: l.name, qty: l.qty, unitPrice: l.unitPrice, total: l.total }))
        : null,
    amount: order.price,
    method: order.method,
    fee: money.fee,
    feeOnCustomer: money.feeOnCustomer,
    totalPaid: money.customerPays ?? order.price,
    pakasir: {
      orderId: order.orderId,
      txnId: order.txnId,
      // Optional chaining: a method this build does not know (cash, from a newer journal) has no rule.
      vaNumber: METHOD_RULES[order.method]?.kind === 'va' ? order.paymentNumber : null,
    },
    cash: null,
    note: order.note,
  };
}
