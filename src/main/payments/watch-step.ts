import type { OrderRecord } from '../orders/order-store';
import { GatewayError, type GatewayStatus, type PakasirGateway } from '../pakasir/gateway';
import type { Engine } from './engine';
import { askStatus } from './gateway-calls';
import { scheduleWatch, stillWatched } from './late-watch';
import { toReview } from './outcomes';
import { shownAmount, statusFacts } from './sale-facts';
import { judgeStatus, saleFacts } from './verify';

/**
 * One check of a sale in its late watch (canceled, expired, or proof shown offline): a
 * payment found now goes to a human, never straight to paid.
 */
export async function stepWatch(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
  manual: boolean,
): Promise<void> {
  if (!stillWatched(e, order)) {
    e.settle(order);
    return;
  }
  // A sale canceled before its create was answered has no known transaction (v2).
  if (order.apiVersion === 'v2' && !order.txnId) return;
  const status = await askStatus(e, order, gateway);
  if (status instanceof GatewayError) {
    scheduleWatch(e, order.orderId);
    return;
  }
  const verdict = judgeStatus(saleFacts(order), status);
  if (verdict.kind === 'review' || verdict.kind === 'paid') {
    if (order.state === 'needs_review') return confirmReview(e, order, status);
    const reason =
      verdict.kind === 'review'
        ? verdict.reason
        : order.state === 'canceled'
          ? 'paid_after_cancel'
          : 'paid_after_expiry';
    return toReview(e, order, reason, status);
  }
  if (manual) e.publish(order);
  scheduleWatch(e, order.orderId);
}

/** Proof was shown offline; Pakasir now says it was paid. The human still decides. */
function confirmReview(e: Engine, order: OrderRecord, status: GatewayStatus): void {
  e.store.recordFacts(
    order.orderId,
    { paidAt: status.completedAt, watchUntil: null },
    { reason: 'gateway_confirms_completed', facts: statusFacts(status) },
  );
  e.settle(order);
  e.publish(e.mustGet(order.orderId));
  e.notify('warning', 'notice.reviewConfirmed', { orderId: order.orderId, amount: shownAmount(order) }, order.orderId);
}
