import type { OrderRecord } from '../orders/order-store';
import { GatewayError, type GatewayStatus, type PakasirGateway, type TransactionRef } from '../pakasir/gateway';
import type { Engine } from './engine';
import { keyOf, refOf } from './sale-facts';

/**
 * One status call for a sale, through the gate (so every caller keeps Pakasir's pace),
 * with connectivity updated from how it went. A gateway failure is returned, not thrown:
 * every caller has its own way to carry on.
 */
export async function askStatus(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
): Promise<GatewayStatus | GatewayError> {
  const ref = refOf(order);
  try {
    const status = await e.gate.run(keyOf(ref), e.paceFor(gateway), () => gateway.status(ref));
    e.expiry.noteServerDate(status.serverDate);
    e.margin.clean();
    if (e.connectivity.ok().cameBack) e.resumeAll();
    return status;
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    e.connectivity.failed(err);
    if (err.kind === 'rate_limited')
      e.log.warn('Pakasir said too many status calls; widening the pace margin', {
        marginMs: e.margin.rateLimited(),
      });
    return err;
  }
}

/** True when Pakasir accepted the cancel. */
export async function bestEffortCancel(
  e: Engine,
  gateway: PakasirGateway,
  ref: TransactionRef,
  orderId: string,
): Promise<boolean> {
  try {
    await gateway.cancel(ref);
    e.store.recordFacts(orderId, {}, { reason: 'gateway_cancel_sent' });
    return true;
  } catch (err) {
    // v2 may have no cancel; the sale is still watched for a late payment.
    e.store.recordFacts(
      orderId,
      {},
      { reason: 'gateway_cancel_failed', facts: { error: err instanceof GatewayError ? err.kind : 'unknown' } },
    );
    return false;
  }
}

/** A status check through the shared gate, for reconciliation, with the sale's own gateway. */
export async function checkStatusGated(e: Engine, ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus> {
  const ctx = e.context();
  const order = e.store.get(ref.orderId);
  const gateway = order ? e.gatewayFor(order, ctx) : ctx.gateway;
  if (!gateway)
    throw new GatewayError('auth', 'Pakasir status: the project of this sale is no longer set, so it cannot be asked');
  return e.gate.run(keyOf(ref), e.paceFor(gateway), () => gateway.status(ref, signal), signal);
}
