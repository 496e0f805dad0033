import type { OrderView } from '@shared/domain';
import type { SaleState } from '@shared/counter';

export interface SaleFigures {
  price: number;
  parts: Pick<OrderView, 'state' | 'price' | 'amount' | 'totalPayment' | 'fee'>[];
  refunded: number;
}

export interface SaleMoney {
  paid: number;
  customerPaid: number;
  remaining: number;
  refundable: number;
  live: boolean;
  review: boolean;
  state: SaleState;
}

/**
 * What a sale's parts and refunds add up to. A sale is paid when its paid parts cover the
 * price; open while a part is still with Pakasir (or with a person, for review); voided when
 * money taken for a sale that never completed was given back; canceled when nothing was
 * ever paid; otherwise part was paid and the rest is still due.
 */
export function saleMoney(sale: SaleFigures): SaleMoney {
  let paid = 0;
  let customerPaid = 0;
  let live = false;
  let review = false;
  for (const p of sale.parts) {
    if (p.state === 'paid') {
      paid += p.price;
      customerPaid += p.totalPayment ?? p.amount + (p.fee ?? 0);
    }
    if (p.state === 'creating' || p.state === 'awaiting_payment') live = true;
    if (p.state === 'needs_review') review = true;
  }
  const remaining = Math.max(0, sale.price - paid);
  const state: SaleState =
    remaining === 0
      ? 'paid'
      : live || review
        ? 'open'
        : paid === 0
          ? 'canceled'
          : sale.refunded >= customerPaid
            ? 'voided'
            : 'unpaid';
  return {
    paid,
    customerPaid,
    remaining,
    refundable: Math.max(0, customerPaid - sale.refunded),
    live,
    review,
    state,
  };
}
