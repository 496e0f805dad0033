import type { OrderReason } from '@shared/domain';
import type { OrderState } from '@shared/order-state';
import type { OrderRecord } from '../orders/order-store';
import type { GatewayStatus } from '../pakasir/gateway';

/**
 * What one status answer means for one sale. Pure, so every money rule is unit-tested:
 * only `completed` for this very transaction (see sameTransaction), and not a sandbox
 * transaction when the shop is in production, is a payment. A `completed` that is not
 * this transaction goes to a human; anything unknown keeps checking.
 */
export type Verdict =
  | { kind: 'keep_checking'; why: 'pending' | 'unknown_status' | 'mismatch_pending' }
  | { kind: 'paid' }
  | { kind: 'review'; reason: OrderReason }
  | { kind: 'canceled_at_gateway' }
  | { kind: 'expired_at_gateway' };

export interface SaleFacts {
  orderId: string;
  amount: number;
  /** What the QR asked the customer for (amount + fee), once create answered. */
  totalPayment: number | null;
  /** v2 transaction id, once create answered. */
  txnId: string | null;
  state: OrderState;
  project: string;
  apiVersion: 'v1' | 'v2';
  /** true when the shop runs against a sandbox project (or demo). */
  sandbox: boolean;
}

export function saleFacts(order: OrderRecord): SaleFacts {
  return {
    orderId: order.orderId,
    amount: order.amount,
    totalPayment: order.totalPayment,
    txnId: order.txnId,
    state: order.state,
    project: order.project,
    apiVersion: order.apiVersion,
    sandbox: order.sandbox,
  };
}

export type Identity = 'same' | 'other_order' | 'other_amount';

/**
 * Whether an answer is about this sale's transaction. The same when:
 * - the txn_id is ours (v2; an answer without one is scoped by the txn_id in the path),
 * - the order_id is ours,
 * - v1 only: the project is ours (v2 answers are scoped by the slug in the path), and
 * - `amount` is either the sale's amount or its total_payment. No published v2 status
 *   answer shows a sale with a fee, so `amount` may be either what the shop charged or what
 *   the customer paid (amount + fee, what our QR encoded). Both describe this transaction;
 *   any other number does not, and never counts as this sale's money.
 * An answer whose order_id or amount is missing or unreadable is not the same either.
 */
export function sameTransaction(sale: SaleFacts, status: GatewayStatus): Identity {
  if (sale.txnId !== null && status.txnId !== null && status.txnId !== sale.txnId) return 'other_order';
  if (status.orderId !== sale.orderId) return 'other_order';
  if (sale.apiVersion === 'v1' && status.project !== sale.project) return 'other_order';
  if (status.amount === null) return 'other_amount';
  if (status.amount === sale.amount) return 'same';
  if (sale.totalPayment !== null && status.amount === sale.totalPayment) return 'same';
  return 'other_amount';
}

export function judgeStatus(sale: SaleFacts, status: GatewayStatus): Verdict {
  const identity = sameTransaction(sale, status);

  if (status.status === 'completed') {
    if (identity === 'other_order') return { kind: 'review', reason: 'order_mismatch' };
    if (identity === 'other_amount') return { kind: 'review', reason: 'amount_mismatch' };
    // A sandbox payment is not money: in production, v2 must say is_sandbox=false outright
    // (a missing flag is not proof). v1 answers carry no such flag.
    if (!sale.sandbox && (status.isSandbox === true || (sale.apiVersion === 'v2' && status.isSandbox !== false))) {
      return { kind: 'review', reason: 'sandbox_in_production' };
    }
    if (sale.state === 'canceled') return { kind: 'review', reason: 'paid_after_cancel' };
    if (sale.state === 'expired') return { kind: 'review', reason: 'paid_after_expiry' };
    return { kind: 'paid' };
  }
  if (identity !== 'same') return { kind: 'keep_checking', why: 'mismatch_pending' };
  if (status.status === 'canceled') return { kind: 'canceled_at_gateway' };
  if (status.status === 'expired') return { kind: 'expired_at_gateway' };
  if (status.status === 'pending') return { kind: 'keep_checking', why: 'pending' };
  // 'failed' and anything unrecognised: not money, not final. Keep watching until expiry.
  return { kind: 'keep_checking', why: 'unknown_status' };
}
