import type { ReconcileDifference } from '@shared/domain';
import { GatewayError, type GatewayStatus } from '../pakasir/gateway';
import type { OrderRecord } from '../orders/order-store';
import { saleFacts, sameTransaction } from '../payments/verify';

/** What one status call gave: an answer, or the error it threw. */
export type CheckOutcome = { ok: true; status: GatewayStatus } | { ok: false; error: unknown };

export type Verdict =
  { kind: 'same' } | { kind: 'difference'; difference: ReconcileDifference } | { kind: 'unchecked'; offline: boolean };

function diff(order: OrderRecord, gatewayStatus: string, kind: ReconcileDifference['kind']): Verdict {
  return {
    kind: 'difference',
    difference: { orderId: order.orderId, localState: order.state, gatewayStatus, amount: order.amount, kind },
  };
}

/**
 * Compares one sale with what Pakasir says. Only a `completed` answer counts as paid at the
 * gateway; an unrecognised status or a transient error leaves the sale unchecked rather than
 * guessing, because a reconciliation that invents differences is worse than one that says
 * "could not check".
 */
export function classify(order: OrderRecord, outcome: CheckOutcome): Verdict {
  if (!outcome.ok) {
    const e = outcome.error;
    if (e instanceof GatewayError && e.kind === 'not_found') {
      // A sale whose create may never have reached Pakasir is expected to be unknown there.
      return order.state === 'creating' ? { kind: 'same' } : diff(order, 'not_found', 'unknown_at_gateway');
    }
    return { kind: 'unchecked', offline: e instanceof GatewayError && (e.kind === 'network' || e.kind === 'timeout') };
  }
  const s = outcome.status;
  // The engine's own rule for "the same transaction" (amount or total_payment counts).
  const identity = sameTransaction(saleFacts(order), s);
  if (identity === 'other_order') return { kind: 'unchecked', offline: false };
  if (identity === 'other_amount') return diff(order, s.rawStatus || s.status, 'amount_mismatch');
  if (s.status === 'unknown') return { kind: 'unchecked', offline: false };
  // A sandbox payment for a production sale is not money: never offer it as "paid there".
  if (s.status === 'completed' && !order.sandbox && s.isSandbox === true)
    return diff(order, s.rawStatus || s.status, 'sandbox_payment');
  const paidThere = s.status === 'completed';
  const paidHere = order.state === 'paid';
  if (paidThere && !paidHere) return diff(order, s.rawStatus || s.status, 'paid_at_gateway_only');
  if (paidHere && !paidThere) return diff(order, s.rawStatus || s.status, 'paid_locally_only');
  return { kind: 'same' };
}
