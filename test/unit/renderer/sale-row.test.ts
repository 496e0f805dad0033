import { describe, expect, it } from 'vitest';
import { historyFilter, saleRowMoney } from '@renderer/lib/sale-row';
import { order } from './fixtures';

describe('saleRowMoney: the money columns of a history row', () => {
  it('shows what the customer pays for any sale Pakasir answered, and what reached the shop once paid', () => {
    expect(saleRowMoney(order())).toEqual({ price: 'Rp 22.000', customerPays: 'Rp 22.155', shopReceives: '—' });
    expect(saleRowMoney(order({ state: 'paid' }))).toEqual({
      price: 'Rp 22.000',
      customerPays: 'Rp 22.155',
      shopReceives: 'Rp 22.000',
    });
  });

  it('never shows money reaching the shop for a sale that was not paid', () => {
    for (const state of ['canceled', 'expired', 'needs_review', 'failed'] as const)
      expect(saleRowMoney(order({ state })).shopReceives).toBe('—');
  });

  it('shows a dash before Pakasir answered with a total', () => {
    expect(saleRowMoney(order({ state: 'creating', fee: null, totalPayment: null })).customerPays).toBe('—');
  });

  it('says "at most" for a payment link whose fee the shop bears (the customer picks the method)', () => {
    const link = order({ method: 'payment_link', feePayer: 'shop', totalPayment: null, fee: null });
    expect(saleRowMoney(link).customerPays).toBe('≤ Rp 22.000');
  });

  it('reads a shop-server row from before round prices and the fee choice as price = amount, shop bears the fee', () => {
    const old = {
      ...order({ state: 'paid', amount: 15_000, fee: 105, totalPayment: 15_105 }),
      price: null,
      feePayer: null,
    };
    expect(saleRowMoney(old)).toEqual({ price: 'Rp 15.000', customerPays: 'Rp 15.105', shopReceives: 'Rp 15.000' });
  });
});

describe('historyFilter: the filter the till history asks main for', () => {
  const empty = { from: '', to: '', state: '', method: '', search: '' } as const;

  it('leaves out every field left at "all" or empty', () => {
    expect(historyFilter(empty)).toEqual({});
  });

  it('carries the days, one state, one method and the trimmed search', () => {
    expect(
      historyFilter({ from: '2026-11-01', to: '2026-11-30', state: 'paid', method: 'qris', search: '  POS1-2026 ' }),
    ).toEqual({ from: '2026-11-01', to: '2026-11-30', states: ['paid'], methods: ['qris'], search: 'POS1-2026' });
  });

  it('ignores a search of spaces only', () => {
    expect(historyFilter({ ...empty, search: '   ' })).toEqual({});
  });
});
