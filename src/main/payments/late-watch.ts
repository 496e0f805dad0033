import type { OrderRecord } from '../orders/order-store';
import type { Engine } from './engine';
import { watchDelay } from './poll-schedule';

/**
 * The late watch: a canceled or expired sale (and one a human reviews) is still asked about
 * for a few hours, since its QR may be paid late. These are its clock and its schedule.
 */

/** The watch ends by the earlier of our clock and Pakasir's, so a clock set ahead cannot end it early. */
export function stillWatched(e: Engine, order: OrderRecord): boolean {
  return order.watchUntil !== null && Date.parse(order.watchUntil) > e.expiry.now();
}

export function watchEnd(e: Engine): string {
  return new Date(e.now() + e.tuning.lateWatchHours * 3600_000).toISOString();
}

export function startWatch(e: Engine, order: OrderRecord): void {
  e.watchChecks.set(order.orderId, 0);
  e.publish(order);
  scheduleWatch(e, order.orderId);
}

export function scheduleWatch(e: Engine, orderId: string): void {
  const n = e.watchChecks.get(orderId) ?? 0;
  e.watchChecks.set(orderId, n + 1);
  e.schedule(orderId, watchDelay(n, e.random, e.tuning.watchFirstMs));
}

/** The first check of a sale that enters the watch outside the normal flow (recovery, proof shown). */
export function firstWatchCheck(e: Engine, orderId: string): void {
  e.schedule(orderId, watchDelay(0, e.random, e.tuning.watchFirstMs));
}
