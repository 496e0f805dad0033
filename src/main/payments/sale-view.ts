import type { OrderView } from '@shared/domain';
import type { OrderRecord } from '../orders/order-store';

/** The view both windows and the history get. `canSimulate` is main's decision, per sale. */
export function toView(order: OrderRecord, canSimulate = false): OrderView {
  return {
    orderId: order.orderId,
    state: order.state,
    method: order.method,
    amount: order.amount,
    price: order.price,
    feePayer: order.feePayer,
    fee: order.fee,
    totalPayment: order.totalPayment,
    note: order.note,
    terminal: order.terminal,
    apiVersion: order.apiVersion,
    sandbox: order.sandbox,
    txnId: order.txnId,
    paymentNumber: order.paymentNumber,
    paymentUrl: order.paymentUrl,
    expiresAt: order.expiresAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    revision: order.revision,
    paidAt: order.paidAt,
    reason: order.reason,
    reasonDetail: order.reasonDetail,
    lastCheckedAt: order.lastCheckedAt,
    canSimulate,
    saleId: order.saleId,
    cash: order.cash,
  };
}
