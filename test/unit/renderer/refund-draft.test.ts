import { describe, expect, it } from 'vitest';
import type { SaleView, ShiftView } from '@shared/counter';
import { PosError } from '@shared/errors';
import {
  canVoid,
  gatewayPartsPaid,
  refundInput,
  refundProblemFromError,
  refundProblems,
  startRefund,
  type RefundDraft,
} from '../../../src/renderer/src/lib/refund-draft';
import { order } from './fixtures';

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    saleId: 'S1',
    terminal: 'POS1',
    price: 23_500,
    note: '',
    createdAt: '2026-11-25T07:00:00.000Z',
    cashier: { staffId: 'c1', name: 'Budi' },
    shiftId: 'SH1',
    parts: [order({ orderId: 'S1-1', method: 'cash', state: 'paid', price: 23_500, amount: 23_500, saleId: 'S1' })],
    refunds: [],
    paid: 23_500,
    customerPaid: 23_500,
    remaining: 0,
    refunded: 0,
    refundable: 23_500,
    state: 'paid',
    receiptNo: null,
    ...over,
  };
}

function shift(expected = 200_000): ShiftView {
  return {
    shiftId: 'SH1',
    terminal: 'POS1',
    businessDay: '2026-11-25',
    state: 'open',
    openedAt: '2026-11-25T07:00:00.000Z',
    openedBy: { staffId: 'c1', name: 'Budi' },
    cashier: { staffId: 'c1', name: 'Budi' },
    openingCash: 100_000,
    drawer: { opening: 100_000, cashSales: 0, cashRefunds: 0, cashIn: 0, cashOut: 0, expected },
    movements: [],
    openSales: 0,
    check: null,
    closedAt: null,
    closedBy: null,
    countedCash: null,
    difference: null,
  };
}

const draft = (over: Partial<RefundDraft> = {}): RefundDraft => ({
  amount: '',
  channel: 'cash',
  note: 'salah',
  ...over,
});

describe('the refund form', () => {
  it('starts with cash from the drawer when a shift is open, and with no way chosen otherwise', () => {
    expect(startRefund(shift())).toEqual({ amount: '', channel: 'cash', note: '' });
    expect(startRefund(null)).toEqual({ amount: '', channel: null, note: '' });
  });

  it('gives back all that is left when no amount is typed, and sends the amount explicitly', () => {
    expect(refundProblems(draft(), sale(), shift())).toEqual([]);
    expect(refundInput(draft({ note: '  salah  ' }), sale())).toEqual({
      saleId: 'S1',
      amount: 23_500,
      channel: 'cash',
      note: 'salah',
    });
    expect(refundInput(draft({ amount: '3500' }), sale({ refundable: 20_000 }))?.amount).toBe(3_500);
    expect(refundInput(draft({ channel: null }), sale())).toBeNull();
  });

  it('refuses more than is left, zero, no way, no note; cash needs an open shift and a drawer that holds it', () => {
    expect(refundProblems(draft({ amount: '23501' }), sale(), shift())).toEqual(['above_refundable']);
    expect(refundProblems(draft({ amount: '0' }), sale(), shift())).toEqual(['amount_zero']);
    expect(refundProblems(draft({ channel: null, note: ' ' }), sale(), shift())).toEqual([
      'channel_missing',
      'note_missing',
    ]);
    expect(refundProblems(draft(), sale(), null)).toEqual(['cash_no_shift']);
    expect(refundProblems(draft(), sale(), shift(10_000))).toEqual(['above_drawer']);
    // A transfer does not come out of the drawer.
    expect(refundProblems(draft({ channel: 'bank_transfer' }), sale(), shift(10_000))).toEqual([]);
  });

  it('gives nothing back while a QR still waits, or once everything went back', () => {
    const waiting = sale({ parts: [order({ state: 'awaiting_payment', saleId: 'S1' })] });
    expect(refundProblems(draft(), waiting, shift())).toEqual(['part_open']);
    expect(refundProblems(draft(), sale({ refundable: 0, refunded: 23_500 }), shift())).toEqual(['nothing_left']);
  });

  it('says a QRIS or VA payment cannot go back through Pakasir only when one was paid', () => {
    expect(gatewayPartsPaid(sale())).toBe(false);
    expect(gatewayPartsPaid(sale({ parts: [order({ state: 'paid', method: 'qris' })] }))).toBe(true);
    expect(gatewayPartsPaid(sale({ parts: [order({ state: 'expired', method: 'bni_va' })] }))).toBe(false);
  });

  it('offers a void only for a sale of the open shift with nothing given back yet', () => {
    expect(canVoid(sale(), shift())).toBe(true);
    expect(canVoid(sale({ shiftId: 'SH0' }), shift())).toBe(false);
    expect(canVoid(sale(), null)).toBe(false);
    expect(canVoid(sale({ refunds: [{ refundId: 'R1' } as SaleView['refunds'][number]] }), shift())).toBe(false);
    // A split whose QR expired: the cash part can still go back in full.
    const unpaid = sale({ state: 'unpaid', paid: 40_000, refundable: 40_000, remaining: 60_000, price: 100_000 });
    expect(canVoid(unpaid, shift())).toBe(true);
  });

  it("reads main's own refusal in the form's words", () => {
    const issue = (message: string) => new PosError('invalid_input', 'x', [{ path: 'amount', message }]);
    expect(refundProblemFromError(issue('above_paid'))).toBe('above_refundable');
    expect(refundProblemFromError(issue('above_drawer'))).toBe('above_drawer');
    expect(refundProblemFromError(issue('nothing_refundable'))).toBe('nothing_left');
    expect(refundProblemFromError(new PosError('no_shift', 'x'))).toBe('cash_no_shift');
    expect(refundProblemFromError(new PosError('owner_required', 'x'))).toBeNull();
    expect(refundProblemFromError(issue('something_new'))).toBeNull();
  });
});
