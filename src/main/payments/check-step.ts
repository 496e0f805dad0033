import type { OrderRecord } from '../orders/order-store';
import { GatewayError, type GatewayStatus, type PakasirGateway } from '../pakasir/gateway';
import type { Engine } from './engine';
import { askStatus } from './gateway-calls';
import { endLive, finishPaid, toReview } from './outcomes';
import { liveDelay, retryDelay } from './poll-schedule';
import { statusFacts } from './sale-facts';
import { judgeStatus, saleFacts } from './verify';

/** One check of a sale waiting for payment: ask Pakasir, judge the answer, act on it. */
export async function stepCheck(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
  manual: boolean,
): Promise<void> {
  const status = await askStatus(e, order, gateway);
  if (status instanceof GatewayError) {
    const n = (e.errors.get(order.orderId) ?? 0) + 1;
    e.errors.set(order.orderId, n);
    const delay = retryDelay(status.kind, n, e.paceFor(gateway), e.random, status.retryAfterMs);
    e.schedule(order.orderId, clampToExpiry(e, order, delay));
    return;
  }
  e.errors.delete(order.orderId);
  const checked = e.store.recordFacts(order.orderId, { lastCheckedAt: e.nowIso() });
  const verdict = judgeStatus(saleFacts(checked), status);
  switch (verdict.kind) {
    case 'paid':
      return finishPaid(e, checked, status);
    case 'review':
      return toReview(e, checked, verdict.reason, status);
    case 'canceled_at_gateway':
      // Pakasir is reported to call an unpaid QR whose time ran out `canceled`: past its
      // expired_at that is an expiry, so a later payment reads "paid after expiry".
      if (pastExpiry(e, checked, status)) return endLive(e, checked, 'expired', 'expired_at_gateway', status);
      return endLive(e, checked, 'canceled', 'canceled_at_gateway', status);
    case 'expired_at_gateway':
      return endLive(e, checked, 'expired', 'expired_at_gateway', status);
    case 'keep_checking':
      return keepChecking(e, checked, gateway, status, verdict.why, manual);
  }
}

function keepChecking(
  e: Engine,
  checked: OrderRecord,
  gateway: PakasirGateway,
  status: GatewayStatus,
  why: string,
  manual: boolean,
): void {
  if (why !== 'pending') {
    e.store.recordFacts(checked.orderId, {}, { reason: `keep_checking_${why}`, facts: statusFacts(status) });
  }
  const expiresAt = checked.expiresAt ? Date.parse(checked.expiresAt) : null;
  if (expiresAt !== null && e.expiry.now() >= expiresAt + e.tuning.expiryGraceMs) {
    // This was the one more check after expired_at, and it is still not paid.
    return endLive(e, checked, 'expired', 'expired', status);
  }
  if (manual) e.publish(checked);
  e.schedule(checked.orderId, clampToExpiry(e, checked, liveDelay(0, e.livePace(gateway), e.random)));
}

/**
 * Whether the QR's expired_at had passed when Pakasir answered: by the answer's own Date
 * header when it has one (whole seconds, so up to a second early), else by our expiry clock.
 */
function pastExpiry(e: Engine, order: OrderRecord, status: GatewayStatus): boolean {
  if (!order.expiresAt) return false;
  const expiresAt = Date.parse(order.expiresAt);
  const said = status.serverDate ? Date.parse(status.serverDate) : NaN;
  if (Number.isFinite(said)) return said + 1000 >= expiresAt;
  return e.expiry.now() >= expiresAt;
}

/** The next check never falls after the one more check that follows expired_at. */
function clampToExpiry(e: Engine, order: OrderRecord, delay: number): number {
  if (!order.expiresAt) return delay;
  const untilFinal = Date.parse(order.expiresAt) + e.tuning.expiryGraceMs - e.expiry.now();
  return untilFinal > 0 ? Math.min(delay, untilFinal) : delay;
}
