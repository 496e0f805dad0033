import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SaleLineView } from '@shared/items';
import type { PrintJobView } from '@shared/printing';
import type { OrderRecord } from '../orders/order-store';
import type { PrintService } from './print-service';
import { saleReceiptDoc } from './layout-sale';
import { lineRows } from './receipt-doc';
import { saleInputFromOrder, type SaleReceiptInput } from './sale-input';

export interface OrderReceiptsDeps {
  printing: PrintService;
  orders: {
    get(orderId: string): OrderRecord | null;
    /** What was sold, as journaled with the sale (empty for an amount-only sale). */
    saleLines?(saleId: string): SaleLineView[];
  };
  /**
   * A counter sale's receipt (all its parts, its cashier), when the order is a part of one:
   * the counter records those itself when the sale is paid, and one receipt covers the sale.
   */
  counterSale?: (saleId: string) => SaleReceiptInput | null;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
  /** Defers work off the caller's turn (setImmediate); tests may run it at once. */
  defer?: (fn: () => void) => void;
}

/**
 * Receipts for the gateway sales the counter takes today (QRIS, VA, payment link). When a
 * sale turns paid, its snapshot is frozen in the journal and, with auto-print on, its
 * receipt queued. This runs on the next turn of the event loop, after the windows were told
 * the sale is paid: a receipt never delays "paid" on screen.
 */
export function orderReceipts(deps: OrderReceiptsDeps) {
  const defer = deps.defer ?? ((fn) => void setImmediate(fn));
  let stopped = false;

  const inputOf = (order: OrderRecord) => saleInputFromOrder(order, deps.orders.saleLines?.(order.orderId) ?? []);

  const mustBePaid = (order: OrderRecord): OrderRecord => {
    if (order.state !== 'paid')
      throw new PosError('illegal_state', `Sale ${order.orderId} is ${order.state}; only a paid sale has a receipt.`);
    return order;
  };

  /**
   * The receipt as frozen at payment; built now from the journal if the sale predates
   * printing. Answers the receipt's ref: the counter sale's id, or the order's own.
   */
  const frozen = (orderId: string): string => {
    const order = deps.orders.get(orderId);
    if (!order) throw new PosError('not_found', `No sale ${orderId} in the journal.`);
    if (order.saleId && deps.counterSale) {
      const ref = order.saleId;
      if (deps.printing.receipt('sale', ref)) return ref;
      const input = deps.counterSale(ref);
      if (!input) throw new PosError('illegal_state', `Sale ${ref} is not fully paid yet; it has no receipt.`);
      deps.printing.recordSale(input, 'never');
      return ref;
    }
    if (deps.printing.receipt('sale', orderId)) return orderId;
    deps.printing.recordSale(inputOf(mustBePaid(order)), 'never');
    return orderId;
  };

  return {
    onOrderUpdated(view: OrderView): void {
      // A part of a counter sale: the counter records the whole sale's receipt when it is paid.
      if (view.state !== 'paid' || (view.saleId && deps.counterSale)) return;
      defer(() => {
        if (stopped) return;
        try {
          if (deps.printing.receipt('sale', view.orderId)) return;
          const order = deps.orders.get(view.orderId);
          if (!order || order.state !== 'paid') return;
          // A sale an owner confirmed after review is not printed on its own: the customer has left.
          deps.printing.recordSale(inputOf(order), order.reason === 'resolved_paid' ? 'never' : 'auto');
        } catch (err) {
          deps.log?.warn('could not record the receipt of a paid sale', { orderId: view.orderId, error: err });
        }
      });
    },

    printOrder(orderId: string): PrintJobView {
      return deps.printing.print('sale', frozen(orderId));
    },

    reprintOrder(orderId: string): PrintJobView {
      return deps.printing.reprint('sale', frozen(orderId));
    },

    /**
     * The receipt as plain text, for a WhatsApp message the cashier sends: the same frozen
     * snapshot and the same rows the printer gets (at 58 mm width, which reads well on a
     * phone), without the QR image.
     */
    receiptText(orderId: string): string {
      const receipt = deps.printing.receipt('sale', frozen(orderId));
      if (!receipt || receipt.snapshot.kind !== 'sale')
        throw new PosError('not_found', `No receipt for sale ${orderId} in the journal.`);
      const rows = lineRows(saleReceiptDoc(receipt.snapshot, { reprint: 0, openDrawer: false }), 32);
      const lines = rows.flatMap((r) => (r.type === 'text' ? [r.text.trimEnd()] : []));
      return lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    },

    /** A sale paid during shutdown gets its snapshot when it is first printed instead. */
    stop(): void {
      stopped = true;
    },
  };
}
