import type { OrderReason } from '@shared/domain';
import type { OrderState } from '@shared/order-state';
import type { GatewayStatus } from '../pakasir/gateway';

/**
 * What one status answer means for one sale. Pure, so every money rule is unit-tested:
 * only `completed` with the same order_id and amount (and project in v1, and not a sandbox
 * transaction when the shop is in production) is a payment. Anything unknown keeps checking.
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
  state: OrderState;
  project: string;
  apiVersion: 'v1' | 'v2';
  /** true when the shop runs against a sandbox project (or demo). */
  sandbox: boolean;
}

export function judgeStatus(sale: SaleFacts, status: GatewayStatus): Verdict {
  const sameOrder = status.orderId === sale.orderId;
  const sameAmount = status.amount === sale.amount;
  // v1 answers carry the project and it must be ours; v2 answers are scoped to the slug in
  // the path.
  const sameProject = sale.apiVersion === 'v2' || status.project === sale.project;

  if (status.status === 'completed') {
    if (!sameOrder || !sameProject) return { kind: 'review', reason: 'order_mismatch' };
    if (!sameAmount) return { kind: 'review', reason: 'amount_mismatch' };
    // A sandbox payment is not money: in production, v2 must say is_sandbox=false outright
    // (a missing flag is not proof). v1 answers carry no such flag.
    if (!sale.sandbox && (status.isSandbox === true || (sale.apiVersion === 'v2' && status.isSandbox !== false))) {
      return { kind: 'review', reason: 'sandbox_in_production' };
    }
    if (sale.state === 'canceled') return { kind: 'review', reason: 'paid_after_cancel' };
    if (sale.state === 'expired') return { kind: 'review', reason: 'paid_after_expiry' };
    return { kind: 'paid' };
  }
  if (!sameOrder || !sameAmount || !sameProject) return { kind: 'keep_checking', why: 'mismatch_pending' };
  if (status.status === 'canceled') return { kind: 'canceled_at_gateway' };
  if (status.status === 'expired') return { kind: 'expired_at_gateway' };
  if (status.status === 'pending') return { kind: 'keep_checking', why: 'pending' };
  // 'failed' and anything unrecognised: not money, not final. Keep watching until expiry.
  return { kind: 'keep_checking', why: 'unknown_status' };
}
