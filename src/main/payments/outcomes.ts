import type { OrderReason } from '@shared/domain';
import { LIVE_STATES } from '@shared/order-state';
import type { GatewayFacts, OrderRecord } from '../orders/order-store';
import type { GatewayStatus } from '../pakasir/gateway';
import type { Engine } from './engine';
import { startWatch, watchEnd } from './late-watch';
import { saidByGateway, shownAmount, statusFacts } from './sale-facts';

/** How a sale ends: paid, to a human's review, or canceled / expired into the late watch. */

export function finishPaid(e: Engine, order: OrderRecord, status: GatewayStatus): void {
  const paidAt = status.completedAt ?? e.nowIso();
  const paid = e.store.transition(
    order.orderId,
    'paid',
    'completed',
    { paidAt, reason: null, lastCheckedAt: e.nowIso() },
    statusFacts(status),
    LIVE_STATES,
  );
  e.settle(order);
  e.publish(paid);
}

export function toReview(e: Engine, order: OrderRecord, reason: OrderReason, status: GatewayStatus): void {
  const review = e.store.transition(
    order.orderId,
    'needs_review',
    reason,
    {
      reason,
      paidAt: status.completedAt,
      // For a mismatch, what Pakasir named (order, amount, txn) is what the reviewer needs.
      reasonDetail:
        reason === 'amount_mismatch' || reason === 'order_mismatch'
          ? saidByGateway(status)
          : `gateway status ${status.rawStatus}`,
      watchUntil: null,
    },
    statusFacts(status),
  );
  e.settle(order);
  e.publish(review);
  e.notify(
    'alarm',
    reason === 'paid_after_cancel' || reason === 'paid_after_expiry' ? 'notice.latePayment' : 'notice.needsReview',
    { orderId: order.orderId, amount: shownAmount(order), reason },
    order.orderId,
  );
}

export function endLive(
  e: Engine,
  order: OrderRecord,
  to: 'canceled' | 'expired',
  reason: string,
  status: GatewayStatus | null,
): void {
  // The watch starts in the same write as the state change: no crash can end a sale unwatched.
  const facts: GatewayFacts = {
    reason: to === 'expired' ? (reason === 'expired_at_gateway' ? 'expired_at_gateway' : null) : 'canceled_at_gateway',
    watchUntil: watchEnd(e),
  };
  const ended = e.store.transition(order.orderId, to, reason, facts, status ? statusFacts(status) : undefined, [
    'awaiting_payment',
  ]);
  startWatch(e, ended);
}
