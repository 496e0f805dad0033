import { isFinal } from '@shared/order-state';
import type { OrderRecord } from '../orders/order-store';
import type { Engine } from './engine';
import { firstWatchCheck } from './late-watch';

/**
 * At start: every sale that was open resumes where it stopped, and sales in their
 * late-payment watch are watched again. Returns how many were resumed.
 */
export function recover(e: Engine, onProgress?: (done: number, total: number) => void): number {
  const live = e.store.listLive();
  const watched = e.store.listWatched(e.nowIso());
  const total = live.length + watched.length;
  let done = 0;
  const progressed = (): void => {
    done += 1;
    if (onProgress && (done % 100 === 0 || done === total)) onProgress(done, total);
  };
  // The newest open sale is the one on the counter; both windows show it again.
  const newest = live.reduce<OrderRecord | null>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), null);
  if (newest) e.setActive(newest);
  // The status gate holds every first call until one full interval after start, since a
  // previous run may have asked about these transactions just before it stopped.
  for (const order of live) {
    // Spread the first checks so a large recovery does not burst the gateway.
    e.schedule(order.orderId, Math.min(done * 50, 30_000));
    progressed();
  }
  for (const order of watched) {
    firstWatchCheck(e, order.orderId);
    progressed();
  }
  if (total > 0) e.log.info('recovered open sales', { live: live.length, watched: watched.length });
  return total;
}

/**
 * After a settings change: every open or watched sale whose gateway the app can no
 * longer reach (its project's key is gone) is sent to review, named in one alarm. Returns
 * their order ids.
 */
export function checkReachable(e: Engine): string[] {
  const ctx = e.context();
  const lost = [...e.store.listLive(), ...e.store.listWatched(e.nowIso())].filter((o) => !e.gatewayFor(o, ctx));
  return outOfReach(e, lost);
}

/**
 * Sales Pakasir can no longer be asked about. A production sale (open, canceled or
 * expired) may still be paid from its QR: it goes to review, and one alarm names them all.
 * A sandbox or demo sale is not money: its watch just ends, journaled.
 */
export function outOfReach(e: Engine, orders: OrderRecord[]): string[] {
  const named: OrderRecord[] = [];
  for (const order of orders) {
    e.settle(order);
    if (order.sandbox && isFinal(order.state)) {
      e.store.recordFacts(order.orderId, { watchUntil: null }, { reason: 'watch_ended_out_of_reach' });
      continue;
    }
    toReviewOutOfReach(e, order);
    named.push(order);
  }
  if (named.length > 0) {
    e.log.warn('sales out of reach after a project change sent to review', { count: named.length });
    e.notify('alarm', 'notice.watchOrphaned', {
      count: named.length,
      orderIds: named.map((o) => o.orderId).join(', '),
    });
  }
  return named.map((o) => o.orderId);
}

function toReviewOutOfReach(e: Engine, order: OrderRecord): void {
  const detail = `its project ${order.project} (API ${order.apiVersion}) is no longer the one set, so Pakasir cannot be asked about it`;
  if (order.state === 'needs_review') {
    e.store.recordFacts(order.orderId, { watchUntil: null }, { reason: 'watch_ended_out_of_reach', facts: { detail } });
    return;
  }
  const review = e.store.transition(
    order.orderId,
    'needs_review',
    'project_changed',
    { reason: 'project_changed', reasonDetail: detail, watchUntil: null },
    { project: order.project, apiVersion: order.apiVersion, baseUrl: order.baseUrl },
  );
  e.publish(review);
}
