import { describe, expect, it } from 'vitest';
import { ORDER_STATES } from '@shared/order-state';
import { creatingSaleId, newerOrder, outcomeKind, saleScreen } from '@renderer/lib/sale-view';
import { paymentVisual } from '@renderer/components/PaymentVisual';
import { customerState } from '@renderer/customer/CustomerApp';
import { order, qrisPayload } from './fixtures';

describe('sale screen', () => {
  it('shows the keypad with no sale, the payment while live, the outcome once final', () => {
    expect(saleScreen(null, null)).toBe('keypad');
    expect(saleScreen(order({ state: 'creating' }), null)).toBe('payment');
    expect(saleScreen(order({ state: 'awaiting_payment' }), null)).toBe('payment');
    expect(saleScreen(order({ state: 'paid' }), null)).toBe('outcome');
  });

  it('holds the keypad for a sale Pakasir is still making only when asked to, never for a live or final one', () => {
    expect(saleScreen(order({ state: 'creating' }), null, true)).toBe('keypad');
    expect(saleScreen(order({ state: 'awaiting_payment' }), null, true)).toBe('payment');
    expect(saleScreen(order({ state: 'paid' }), null, true)).toBe('outcome');
    expect(customerState(order({ state: 'creating' }), undefined, null, true)).toBe('idle');
    expect(customerState(order({ state: 'creating' }), undefined, null, false)).toBe('preparing');
    expect(customerState(order({ state: 'awaiting_payment' }), undefined, null, true)).toBe('awaiting');
  });

  it('names the sale being made only while it is creating and not dismissed', () => {
    const creating = order({ state: 'creating' });
    expect(creatingSaleId(creating, null)).toBe(creating.orderId);
    expect(creatingSaleId(creating, creating.orderId)).toBeNull();
    expect(creatingSaleId(order({ state: 'awaiting_payment' }), null)).toBeNull();
    expect(creatingSaleId(null, null)).toBeNull();
  });

  it('goes back to the keypad once the cashier dismissed that sale, not for a new one', () => {
    const o = order({ state: 'paid' });
    expect(saleScreen(o, o.orderId)).toBe('keypad');
    expect(saleScreen(order({ orderId: 'POS1-20260101-0002' }), o.orderId)).toBe('payment');
  });

  it('never shows needs_review (or anything but paid) as paid', () => {
    expect(outcomeKind('needs_review')).toBe('review');
    const paidLike = ORDER_STATES.filter((s) => outcomeKind(s) === 'paid');
    expect(paidLike).toEqual(['paid']);
    expect(customerState(order({ state: 'needs_review' }))).toBe('review');
    expect(ORDER_STATES.filter((s) => customerState(order({ state: s })) === 'paid')).toEqual(['paid']);
  });

  it('keeps the newer view when events arrive out of order', () => {
    const older = order({ state: 'awaiting_payment', updatedAt: '2026-01-01T10:00:05.000Z', revision: 3 });
    const newer = order({ state: 'paid', updatedAt: '2026-01-01T10:00:06.000Z', revision: 4 });
    expect(newerOrder(newer, older).state).toBe('paid');
    expect(newerOrder(older, newer).state).toBe('paid');
  });

  it('keeps the very view it has for the same revision, so nothing is redrawn for a repeat', () => {
    const shown = order({ state: 'awaiting_payment', revision: 3 });
    expect(newerOrder(shown, { ...shown })).toBe(shown);
    // Only main's decision about simulating can differ at one revision: that one is taken.
    const simulable = { ...shown, canSimulate: !shown.canSimulate };
    expect(newerOrder(shown, simulable)).toBe(simulable);
  });

  it('orders views by the journal revision, not the clock: a clock stepped back never drops "paid"', () => {
    const waiting = order({ state: 'awaiting_payment', updatedAt: '2026-01-01T10:00:05.000Z', revision: 3 });
    const paidAfterClockStep = order({ state: 'paid', updatedAt: '2026-01-01T09:59:00.000Z', revision: 4 });
    expect(newerOrder(waiting, paidAfterClockStep).state).toBe('paid');
    expect(newerOrder(paidAfterClockStep, waiting).state).toBe('paid');
  });
});

describe('payment visual', () => {
  it('draws a QRIS payload whose amount equals the total', () => {
    expect(paymentVisual(order())).toEqual({ kind: 'qr', text: order().paymentNumber, link: false });
  });

  it('refuses to draw a QRIS payload for another amount', () => {
    expect(paymentVisual(order({ paymentNumber: qrisPayload(22_000) })).kind).toBe('invalid');
  });

  it('refuses a payload with a broken CRC', () => {
    const p = qrisPayload(22_155);
    const broken = p.slice(0, -4) + (p.endsWith('0000') ? '1111' : '0000');
    expect(paymentVisual(order({ paymentNumber: broken })).kind).toBe('invalid');
  });

  it('shows the VA number with its bank, and the link as a QR', () => {
    expect(paymentVisual(order({ method: 'bri_va', paymentNumber: '8888123412341234' }))).toEqual({
      kind: 'va',
      number: '8888123412341234',
      bank: 'BRI',
    });
    expect(
      paymentVisual(
        order({ method: 'payment_link', paymentNumber: null, paymentUrl: 'https://app.pakasir.com/pay/x' }),
      ),
    ).toEqual({
      kind: 'qr',
      text: 'https://app.pakasir.com/pay/x',
      link: true,
    });
  });

  it('waits while the payment data has not arrived', () => {
    expect(paymentVisual(order({ state: 'creating', paymentNumber: null, totalPayment: null })).kind).toBe('pending');
  });
});

describe('customer display', () => {
  const paid = order({ state: 'paid', updatedAt: '2026-01-01T10:00:00.000Z' });
  const t0 = Date.parse(paid.updatedAt);
  it('shows a finished sale for a while, then the welcome screen', () => {
    expect(customerState(paid, t0 + 5_000)).toBe('paid');
    expect(customerState(paid, t0 + 60_000)).toBe('idle');
  });
  it('keeps showing a live sale however long it waits', () => {
    expect(customerState(order({ updatedAt: paid.updatedAt }), t0 + 3_600_000)).toBe('awaiting');
  });
  it('starts at the welcome screen when the sale found at load had already finished', () => {
    expect(customerState(paid, t0 + 1_000, paid.orderId)).toBe('idle');
  });
});
