import type { OrderView } from '@shared/domain';
import type { OrderState } from '@shared/order-state';

export type SaleScreen = 'keypad' | 'payment' | 'outcome';
export type OutcomeKind = 'paid' | 'canceled' | 'expired' | 'failed' | 'review';

/** Which part of the sale flow the counter shows for the active sale. */
export function saleScreen(active: OrderView | null, dismissedOrderId: string | null): SaleScreen {
  if (!active || active.orderId === dismissedOrderId) return 'keypad';
  return active.state === 'creating' || active.state === 'awaiting_payment' ? 'payment' : 'outcome';
}

/**
 * The outcome screen for a final state. needs_review has its own warning screen: a sale
 * that a human must check is never presented as paid.
 */
export function outcomeKind(state: OrderState): OutcomeKind | null {
  switch (state) {
    case 'paid':
      return 'paid';
    case 'canceled':
      return 'canceled';
    case 'expired':
      return 'expired';
    case 'failed':
      return 'failed';
    case 'needs_review':
      return 'review';
    default:
      return null;
  }
}

/**
 * Events can arrive out of order (a poll answer racing a cancel): a stale view never
 * replaces a newer one of the same order.
 */
export function newerOrder(current: OrderView | null, incoming: OrderView): OrderView {
  if (!current || current.orderId !== incoming.orderId) return incoming;
  // The journal's revision, not the wall clock: a clock stepped back must not drop "paid".
  return incoming.revision >= current.revision ? incoming : current;
}
