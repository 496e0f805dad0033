import type { OrderSnapshot } from '../../src/shared/sync/order-snapshot';
import type { OutboxEvent } from '../../src/shared/sync/protocol';

/** A valid order.snapshot as a till's trigger writes it. */
export function snapshot(orderId: string, over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    orderId,
    state: 'paid',
    method: 'qris',
    amount: 25_000,
    price: 25_000,
    feePayer: 'customer',
    fee: 485,
    totalPayment: 25_485,
    note: '',
    terminal: 'KSR1',
    apiVersion: 'v2',
    sandbox: true,
    project: 'toko',
    txnId: `txn-${orderId}`,
    expiresAt: '2026-11-25T08:00:00.000Z',
    createdAt: '2026-11-25T07:44:02.000Z',
    updatedAt: '2026-11-25T07:45:02.000Z',
    paidAt: '2026-11-25T07:45:02.000Z',
    revision: 4,
    reason: null,
    reasonDetail: null,
    replacesOrderId: null,
    ...over,
  };
}

export function event(seq: number, payload: OrderSnapshot, over: Partial<OutboxEvent> = {}): OutboxEvent {
  return {
    seq,
    kind: 'order.snapshot',
    entityId: payload.orderId,
    schema: 1,
    occurredAt: payload.updatedAt,
    payload,
    ...over,
  };
}

export function orderId(prefix: string, n: number): string {
  return `${prefix}-20261125T074402-${String(n).padStart(8, '0')}`;
}
