import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { isFinal, LIVE_STATES } from '@shared/order-state';
import type { GatewayFacts, OrderRecord } from '../orders/order-store';
import type { Engine } from './engine';
import { FAILURE_RETRY_MS } from './engine-tuning';
import { firstWatchCheck, watchEnd } from './late-watch';

/** The cashier's and the owner's decisions on a sale that only a human can make. */

/** The customer showed proof of a payment Pakasir has not confirmed: a human decides later. */
export function markProofShown(e: Engine, orderId: string, note: string): OrderView {
  const order = e.mustGet(orderId);
  if (order.state !== 'awaiting_payment' && order.state !== 'creating') {
    throw new PosError(
      'illegal_state',
      `Sale ${orderId} is ${order.state}; only an open sale can be marked for review.`,
    );
  }
  let next: OrderRecord;
  try {
    // Keep asking Pakasir: the review is easier when the gateway has confirmed (or not).
    next = e.store.transition(
      orderId,
      'needs_review',
      'proof_shown_offline',
      { reason: 'proof_shown_offline', reasonDetail: note, watchUntil: watchEnd(e) },
      { note },
      LIVE_STATES,
    );
  } catch (err) {
    // Still open: its checks go on as they were.
    e.schedule(orderId, FAILURE_RETRY_MS);
    throw err;
  }
  e.clearTimer(orderId);
  e.publish(next);
  firstWatchCheck(e, orderId);
  return e.view(e.mustGet(orderId));
}

export function resolveReview(e: Engine, orderId: string, resolution: 'paid' | 'not_paid', note: string): OrderView {
  const order = e.mustGet(orderId);
  if (order.state !== 'needs_review') throw new PosError('illegal_state', `Sale ${orderId} is not waiting for review.`);
  const facts: GatewayFacts =
    resolution === 'paid'
      ? { reason: 'resolved_paid', reasonDetail: note, paidAt: order.paidAt ?? e.nowIso(), watchUntil: null }
      : { reason: 'resolved_not_paid', reasonDetail: note, watchUntil: null };
  const next = e.store.transition(
    orderId,
    resolution === 'paid' ? 'paid' : 'canceled',
    `review_${resolution}`,
    facts,
    { note },
    ['needs_review'],
  );
  e.settle(order);
  e.publish(next);
  return e.view(e.mustGet(orderId));
}

/** The cashier is done with a finished sale: the counter is free for the next. */
export function dismissSale(e: Engine, orderId: string): null {
  const order = e.mustGet(orderId);
  if (!isFinal(order.state)) throw new PosError('illegal_state', `Sale ${orderId} is still open; cancel it first.`);
  if (e.activeOrderId === orderId) {
    e.activeOrderId = null;
    e.bus.emit('activeSaleChanged', null);
  }
  return null;
}
