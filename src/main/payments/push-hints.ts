import { isFinal } from '@shared/order-state';
import type { Engine } from './engine';
import { stillWatched } from './late-watch';
import type { SaleWorker } from './sale-worker';

/**
 * Pakasir's webhook, relayed by the shop server, says this sale's transaction completed.
 * It is never taken as payment: the sale is checked with the status API through the same
 * gate as every other call (so the rate limit holds), as soon as the limit allows, and only
 * that answer can make it paid. Returns false when the sale is not one to check.
 */
export function paymentHint(e: Engine, worker: SaleWorker, orderId: string): boolean {
  const order = e.store.get(orderId);
  if (!order || e.stopped) return false;
  const watched = isFinal(order.state) && stillWatched(e, order);
  if (order.state !== 'awaiting_payment' && !watched) return false;
  if (e.hinted.has(orderId)) return true;
  e.hinted.add(orderId);
  void worker.work(orderId).finally(() => e.hinted.delete(orderId));
  return true;
}

/** The shop server's push channel opened or dropped (see PaymentTuning.pushPollIntervalMs). */
export function setPushChannel(e: Engine, up: boolean): void {
  if (e.pushUp === up) return;
  e.pushUp = up;
  if (up || e.stopped) return;
  // Back to the normal pace at once: schedule() only ever moves a check earlier.
  const ctx = e.context();
  for (const order of e.store.listLive()) {
    if (order.state === 'awaiting_payment') e.schedule(order.orderId, e.paceFor(ctx.gateway).baseIntervalMs);
  }
}
