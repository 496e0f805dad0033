import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, OWNER_EXPORT_COLUMNS, paidColumns } from '../../../src/shared/export-columns';

describe('the export columns both exports share', () => {
  it('leads the owner export with the till, keeps every other till column in order, then the counter part', () => {
    expect(OWNER_EXPORT_COLUMNS.slice(0, 2)).toEqual(['till_name', 'till_id']);
    expect(OWNER_EXPORT_COLUMNS.slice(2, -3)).toEqual(EXPORT_COLUMNS.filter((c) => c !== 'terminal' && c !== 'items'));
    expect(OWNER_EXPORT_COLUMNS.slice(-3)).toEqual(['sale_id', 'cash_tendered', 'cash_change']);
  });

  it('fills the paid columns for a paid sale only, so their sums are the report gross and net', () => {
    const sale = { paidAt: '2026-11-25T03:00:00.000Z', amount: 22_000, fee: 155, totalPayment: 22_155 };
    expect(paidColumns({ ...sale, state: 'paid' })).toEqual({
      completed: '2026-11-25T03:00:00.000Z',
      totalPaid: 22_155,
      shopReceives: 22_000,
    });
    for (const state of ['canceled', 'expired', 'needs_review', 'awaiting_payment'])
      expect(paidColumns({ ...sale, state })).toEqual({ completed: null, totalPaid: null, shopReceives: null });
  });

  it('counts amount + fee as paid for a sale from before Pakasir total was kept', () => {
    const old = { state: 'paid', paidAt: null, amount: 10_000, fee: 70, totalPayment: null };
    expect(paidColumns(old)).toEqual({ completed: null, totalPaid: 10_070, shopReceives: 10_000 });
    expect(paidColumns({ ...old, fee: null })).toEqual({ completed: null, totalPaid: 10_000, shopReceives: 10_000 });
  });
});
