import { PosError } from '@shared/errors';
import { isGatewayMethod, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import type { OrderRecord } from '../orders/order-store';
import type { GatewayStatus, GatewayTransaction, TransactionRef } from '../pakasir/gateway';

/** Small pure helpers of the payment engine: refs, journal facts, what Pakasir said. */

/** A sale's amount in a notice: what the customer pays (the price until Pakasir answered). */
export function shownAmount(order: OrderRecord): string {
  return formatRupiah(order.totalPayment ?? order.price);
}

export function refOf(order: OrderRecord): TransactionRef {
  return { orderId: order.orderId, amount: order.amount, txnId: order.txnId, method: gatewayMethodOf(order) };
}

/** Only gateway payments have a transaction at Pakasir; a cash part never gets this far. */
export function gatewayMethodOf(order: OrderRecord): PaymentMethod {
  if (!isGatewayMethod(order.method))
    throw new PosError('illegal_state', `Sale ${order.orderId} was paid in cash; Pakasir has no transaction for it.`);
  return order.method;
}

/** The gate's key: the transaction the gateway's limit counts for. */
export function keyOf(ref: TransactionRef): string {
  return ref.txnId ?? `${ref.orderId}:${ref.amount}`;
}

export function statusFacts(status: GatewayStatus): Record<string, unknown> {
  return {
    status: status.rawStatus,
    orderId: status.orderId,
    amount: status.amount,
    completedAt: status.completedAt,
    isSandbox: status.isSandbox,
    txnId: status.txnId,
    serverDate: status.serverDate,
  };
}

/** What Pakasir said, for the human who reviews the sale (never a secret: answers carry none). */
export function saidByGateway(status: GatewayStatus): string {
  const parts = [`gateway status ${status.rawStatus}`];
  if (status.orderId !== null) parts.push(`order_id ${status.orderId}`);
  parts.push(`amount ${status.amount ?? 'unreadable'}`);
  if (status.txnId !== null) parts.push(`txn_id ${status.txnId}`);
  return parts.join(', ');
}

export function createFacts(tx: GatewayTransaction): Record<string, unknown> {
  return {
    txnId: tx.txnId,
    amount: tx.amount,
    fee: tx.fee,
    totalPayment: tx.totalPayment,
    expiresAt: tx.expiresAt,
    isSandbox: tx.isSandbox,
    status: tx.status,
    serverDate: tx.serverDate,
  };
}
