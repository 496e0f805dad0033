import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/main/orders/order-store';
import type { GatewayStatus } from '../../../src/main/pakasir/gateway';
import { classify } from '../../../src/main/reconcile/classify';

const order = {
  orderId: 'KSR1-20261125T010000-00000001',
  amount: 50_000,
  state: 'needs_review',
  sandbox: false,
  apiVersion: 'v2',
  project: 'toko',
  txnId: 't1',
  totalPayment: 50_664,
} as OrderRecord;
const status = (over: Partial<GatewayStatus>): GatewayStatus => ({
  txnId: 't1',
  orderId: order.orderId,
  amount: order.amount,
  project: null,
  status: 'completed',
  rawStatus: 'completed',
  completedAt: '2026-11-25T01:01:00.000Z',
  isSandbox: false,
  paymentMethod: 'qris',
  serverDate: null,
  ...over,
});

describe('reconciliation verdicts', () => {
  it('reports a real payment the counter did not record as paid at Pakasir only', () => {
    expect(classify(order, { ok: true, status: status({}) })).toMatchObject({
      kind: 'difference',
      difference: { kind: 'paid_at_gateway_only' },
    });
  });

  it('never offers a sandbox payment for a production sale as paid: it is its own kind', () => {
    expect(classify(order, { ok: true, status: status({ isSandbox: true }) })).toMatchObject({
      kind: 'difference',
      difference: { kind: 'sandbox_payment' },
    });
  });

  it('counts an answer whose amount is the total paid as this sale, and any other amount as a difference', () => {
    expect(classify({ ...order, state: 'paid' }, { ok: true, status: status({ amount: order.totalPayment }) })).toEqual(
      { kind: 'same' },
    );
    expect(classify(order, { ok: true, status: status({ amount: 49_000 }) })).toMatchObject({
      kind: 'difference',
      difference: { kind: 'amount_mismatch' },
    });
  });

  it('treats a sandbox payment in a sandbox shop as the payment it is', () => {
    expect(
      classify({ ...order, sandbox: true, state: 'paid' }, { ok: true, status: status({ isSandbox: true }) }),
    ).toEqual({ kind: 'same' });
  });
});
