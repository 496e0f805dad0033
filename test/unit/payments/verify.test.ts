import { describe, expect, it } from 'vitest';
import type { GatewayStatus } from '../../../src/main/pakasir/gateway';
import { judgeStatus, type SaleFacts } from '../../../src/main/payments/verify';

const sale: SaleFacts = {
  orderId: 'KSR1-000001',
  amount: 22000,
  state: 'awaiting_payment',
  project: 'toko',
  apiVersion: 'v1',
  sandbox: false,
  totalPayment: 22_464,
  txnId: null,
};
const status = (over: Partial<GatewayStatus>): GatewayStatus => ({
  txnId: null,
  orderId: 'KSR1-000001',
  amount: 22000,
  project: 'toko',
  status: 'completed',
  rawStatus: 'completed',
  completedAt: '2026-11-25T01:00:00.000Z',
  isSandbox: false,
  paymentMethod: 'qris',
  serverDate: null,
  ...over,
});

describe('judgeStatus: only a verified completed is a payment', () => {
  it('pays a completed answer for the same order, amount and project', () => {
    expect(judgeStatus(sale, status({}))).toEqual({ kind: 'paid' });
  });

  it('never pays a completed answer with another amount', () => {
    expect(judgeStatus(sale, status({ amount: 2200 }))).toEqual({ kind: 'review', reason: 'amount_mismatch' });
  });

  it('never pays a completed answer for another order or another project (v1)', () => {
    expect(judgeStatus(sale, status({ orderId: 'KSR1-000002' }))).toEqual({ kind: 'review', reason: 'order_mismatch' });
    expect(judgeStatus(sale, status({ project: 'other' }))).toEqual({ kind: 'review', reason: 'order_mismatch' });
  });

  it('pays a completed answer whose amount is the total the customer paid (amount + fee)', () => {
    expect(judgeStatus(sale, status({ amount: 22_464 }))).toEqual({ kind: 'paid' });
    expect(judgeStatus({ ...sale, apiVersion: 'v2' }, status({ amount: 22_464 }))).toEqual({ kind: 'paid' });
  });

  it('before create answered (no total known) only the amount itself is this sale', () => {
    expect(judgeStatus({ ...sale, totalPayment: null }, status({ amount: 22_464 }))).toEqual({
      kind: 'review',
      reason: 'amount_mismatch',
    });
  });

  it('sends a completed answer whose order_id or amount cannot be read to review', () => {
    expect(judgeStatus(sale, status({ amount: null }))).toEqual({ kind: 'review', reason: 'amount_mismatch' });
    expect(judgeStatus(sale, status({ orderId: null }))).toEqual({ kind: 'review', reason: 'order_mismatch' });
  });

  it('v2: a completed answer for another txn_id goes to review; one that names none is scoped by the path', () => {
    const v2 = { ...sale, apiVersion: 'v2' as const, txnId: 'TRX1' };
    expect(judgeStatus(v2, status({ txnId: 'TRX2' }))).toEqual({ kind: 'review', reason: 'order_mismatch' });
    expect(judgeStatus(v2, status({ txnId: null }))).toEqual({ kind: 'paid' });
    expect(judgeStatus(v2, status({ txnId: 'TRX1' }))).toEqual({ kind: 'paid' });
  });

  it('keeps checking on a pending answer with the total, and on one with another amount', () => {
    expect(judgeStatus(sale, status({ status: 'pending', amount: 22_464 }))).toEqual({
      kind: 'keep_checking',
      why: 'pending',
    });
    expect(judgeStatus(sale, status({ status: 'pending', amount: 1 }))).toEqual({
      kind: 'keep_checking',
      why: 'mismatch_pending',
    });
  });

  it('ignores the project field for v2, whose answers are scoped by the path', () => {
    expect(judgeStatus({ ...sale, apiVersion: 'v2' }, status({ project: 'other' }))).toEqual({ kind: 'paid' });
  });

  it('never counts a sandbox payment as money in production, but does in sandbox', () => {
    expect(judgeStatus(sale, status({ isSandbox: true }))).toEqual({ kind: 'review', reason: 'sandbox_in_production' });
    expect(judgeStatus({ ...sale, sandbox: true }, status({ isSandbox: true }))).toEqual({ kind: 'paid' });
  });

  it('sends a late payment after cancel or expiry to review, never to paid', () => {
    expect(judgeStatus({ ...sale, state: 'canceled' }, status({}))).toEqual({
      kind: 'review',
      reason: 'paid_after_cancel',
    });
    expect(judgeStatus({ ...sale, state: 'expired' }, status({}))).toEqual({
      kind: 'review',
      reason: 'paid_after_expiry',
    });
  });

  it('keeps checking on pending, failed and any unknown status', () => {
    expect(judgeStatus(sale, status({ status: 'pending', rawStatus: 'pending' }))).toEqual({
      kind: 'keep_checking',
      why: 'pending',
    });
    expect(judgeStatus(sale, status({ status: 'failed', rawStatus: 'failed' }))).toEqual({
      kind: 'keep_checking',
      why: 'unknown_status',
    });
    expect(judgeStatus(sale, status({ status: 'unknown', rawStatus: 'settled?' }))).toEqual({
      kind: 'keep_checking',
      why: 'unknown_status',
    });
  });

  it('does not end a sale on a cancel or expiry answer that is about another order', () => {
    expect(judgeStatus(sale, status({ status: 'canceled', orderId: 'X-1234' }))).toEqual({
      kind: 'keep_checking',
      why: 'mismatch_pending',
    });
    expect(judgeStatus(sale, status({ status: 'canceled' }))).toEqual({ kind: 'canceled_at_gateway' });
    expect(judgeStatus(sale, status({ status: 'expired' }))).toEqual({ kind: 'expired_at_gateway' });
  });

  it('in production on v2, pays only when Pakasir says is_sandbox=false outright', () => {
    const v2 = { ...sale, apiVersion: 'v2' as const };
    expect(judgeStatus(v2, status({ isSandbox: false }))).toEqual({ kind: 'paid' });
    expect(judgeStatus(v2, status({ isSandbox: null }))).toEqual({ kind: 'review', reason: 'sandbox_in_production' });
  });

  it('on v1, pays only when the answer names our project', () => {
    expect(judgeStatus(sale, status({ project: null }))).toEqual({ kind: 'review', reason: 'order_mismatch' });
  });
});
