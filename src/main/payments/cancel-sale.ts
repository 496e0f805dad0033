import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { isFinal, LIVE_STATES } from '@shared/order-state';
import type { GatewayFacts, OrderRecord } from '../orders/order-store';
import { GatewayError, type GatewayStatus, type PakasirGateway } from '../pakasir/gateway';
import type { Engine } from './engine';
import { FAILURE_RETRY_MS } from './engine-tuning';
import { askStatus, bestEffortCancel } from './gateway-calls';
import { startWatch, watchEnd } from './late-watch';
import { finishPaid, toReview } from './outcomes';
import { refOf, shownAmount, statusFacts } from './sale-facts';
import type { SaleWorker } from './sale-worker';
import { judgeStatus, saleFacts } from './verify';

export type CancelReason = 'canceled_by_cashier' | 'amount_changed';

/** Cancel with the race resolved: a sale paid meanwhile ends paid, and the cashier is told. */
export async function cancelLive(e: Engine, orderId: string, reason: CancelReason): Promise<OrderRecord> {
  const order = e.mustGet(orderId);
  if (isFinal(order.state)) return order;
  const gateway = e.gatewayFor(order);
  const knownAtGateway = order.createAttempts > 0 && (order.apiVersion === 'v1' || order.txnId !== null);
  let status: GatewayStatus | null = null;
  if (gateway && knownAtGateway && order.method !== 'paypal') {
    const settled = await settleAtGateway(e, order, gateway);
    if (settled.ended) return e.mustGet(orderId);
    status = settled.status;
  }
  // Its project is not the one set now: we can neither ask Pakasir nor cancel there, and
  // the QR may still be paid. A human checks it; it is never simply called canceled.
  if (!gateway && knownAtGateway) return reviewUnverifiedCancel(e, order);
  let canceled: OrderRecord;
  try {
    const facts: GatewayFacts = knownAtGateway ? { reason, watchUntil: watchEnd(e) } : { reason };
    canceled = e.store.transition(
      orderId,
      'canceled',
      reason,
      facts,
      status ? statusFacts(status) : { status: 'unchecked' },
      LIVE_STATES,
    );
  } catch (err) {
    // The poller finished this sale while we were canceling: its state stands.
    if (err instanceof PosError && err.code === 'illegal_state') return e.mustGet(orderId);
    throw err;
  }
  if (knownAtGateway) startWatch(e, canceled);
  else e.publish(canceled);
  return e.mustGet(orderId);
}

/**
 * Asks Pakasir before canceling there: a sale paid (or mismatched) meanwhile ends so
 * (`ended`). Otherwise the cancel is sent; when Pakasir refuses it, one more look.
 */
async function settleAtGateway(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
): Promise<{ ended: true } | { ended: false; status: GatewayStatus | null }> {
  const orderId = order.orderId;
  let status: GatewayStatus | null = null;
  const answer = await askStatus(e, order, gateway);
  if (!(answer instanceof GatewayError)) {
    status = answer;
    const verdict = judgeStatus(saleFacts(order), status);
    if (verdict.kind === 'paid') return paidDuringCancel(e, order, status);
    if (verdict.kind === 'review') {
      toReview(e, order, verdict.reason, status);
      return { ended: true };
    }
  }
  const accepted = await bestEffortCancel(e, gateway, refOf(order), orderId);
  if (!accepted && status) {
    // Pakasir did not take the cancel, so the QR may still be paid: look once more
    // before the counter moves on (the gate keeps this within the rate limit).
    const again = await askStatus(e, order, gateway);
    if (!(again instanceof GatewayError) && judgeStatus(saleFacts(order), again).kind === 'paid')
      return paidDuringCancel(e, order, again);
  }
  return { ended: false, status };
}

function paidDuringCancel(e: Engine, order: OrderRecord, status: GatewayStatus): { ended: true } {
  finishPaid(e, order, status);
  e.notify('warning', 'notice.paidDuringCancel', { orderId: order.orderId, amount: shownAmount(order) }, order.orderId);
  return { ended: true };
}

function reviewUnverifiedCancel(e: Engine, order: OrderRecord): OrderRecord {
  const orderId = order.orderId;
  const review = e.store.transition(
    orderId,
    'needs_review',
    'cancel_unverified',
    {
      reason: 'order_mismatch',
      reasonDetail: 'canceled while its project was not the one set; not canceled at Pakasir',
    },
    undefined,
    LIVE_STATES,
  );
  e.settle(review);
  e.publish(review);
  e.notify('alarm', 'notice.needsReview', { orderId, amount: shownAmount(order), reason: 'order_mismatch' }, orderId);
  return review;
}

/** The cashier's cancel: queued behind any check in progress, so its answer is journaled first. */
export async function cancelSale(
  e: Engine,
  worker: SaleWorker,
  orderId: string,
  reason: CancelReason = 'canceled_by_cashier',
): Promise<OrderView> {
  const order = e.mustGet(orderId);
  if (order.state === 'paid')
    throw new PosError('illegal_state', `Sale ${orderId} is already paid and cannot be canceled.`);
  if (isFinal(order.state)) return e.view(order);
  e.clearTimer(orderId);
  try {
    const result = await worker.enqueue(orderId, () => cancelLive(e, orderId, reason));
    return e.view(result);
  } catch (err) {
    // Not canceled (the journal could not be written, say): the QR is still payable, so
    // the sale keeps being checked, and the cashier hears why.
    e.schedule(orderId, FAILURE_RETRY_MS);
    throw err;
  }
}
