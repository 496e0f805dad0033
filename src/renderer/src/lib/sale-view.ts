import type { OrderView } from '@shared/domain';
import type { OrderState } from '@shared/order-state';

export type SaleScreen = 'keypad' | 'payment' | 'outcome';
export type OutcomeKind = 'paid' | 'canceled' | 'expired' | 'failed' | 'review';

/**
 * How long a new sale that Pakasir is still making keeps the screen it was started from (the
 * cashier's keypad, the customer's welcome or cart) before its "preparing" screen shows. Most
 * creates answer sooner: the QR then replaces that screen directly instead of a screen that is
 * gone a moment later, which is one whole screen less to draw on both windows at the moment
 * the counter's machine is busiest. A slow gateway still gets its "preparing" screen.
 */
export const PREPARING_AFTER_MS = 400;

/**
 * Which part of the sale flow the counter shows for the active sale. `holdKeypad`: the sale
 * is new, was started from the keypad and is within PREPARING_AFTER_MS (see useHeldScreen).
 */
export function saleScreen(active: OrderView | null, dismissedOrderId: string | null, holdKeypad = false): SaleScreen {
  if (!active || active.orderId === dismissedOrderId) return 'keypad';
  if (active.state === 'creating') return holdKeypad ? 'keypad' : 'payment';
  return active.state === 'awaiting_payment' ? 'payment' : 'outcome';
}

/** The sale Pakasir is still making, if that is the counter's sale on screen: what the hold waits on. */
export function creatingSaleId(active: OrderView | null, dismissedOrderId: string | null): string | null {
  return active && active.state === 'creating' && active.orderId !== dismissedOrderId ? active.orderId : null;
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
  if (incoming.revision !== current.revision) return incoming.revision > current.revision ? incoming : current;
  // The same revision is the same journal row (canSimulate alone is decided when the view is
  // made). Keeping the view the window has spares redrawing a screen for nothing: a charge's
  // answer comes just after main's event for the same sale, while its QR is being drawn.
  return incoming.canSimulate === current.canSimulate ? current : incoming;
}
