// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderFilter, OrderPage } from '@shared/domain';
import { PosError } from '@shared/errors';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { SalesPanel } from '@renderer/screens/history/SalesPanel';
import { usePos } from '@renderer/stores/pos-store';
import { order } from '../fixtures';

/**
 * The till's sales list: the filter the cashier applies is the one main is asked for, pages
 * are appended in order, a sale changing elsewhere reloads the first page, and a refused
 * read says why without losing the form.
 */
const sale = (n: number, over = {}) =>
  order({ orderId: `POS1-20260101-${String(n).padStart(4, '0')}`, state: 'paid', ...over });
const listOrders =
  vi.fn<(input: { filter: OrderFilter; limit: number; cursor: string | null }) => Promise<OrderPage>>();

beforeEach(() => {
  useLanguage.getState().setLang('en');
  listOrders.mockReset();
  setPosApi({
    listOrders,
    getDailyReport: vi.fn(() => new Promise(() => undefined)),
    getOrder: vi.fn(() => new Promise(() => undefined)),
  } as unknown as PosApi);
});
afterEach(cleanup);

describe('SalesPanel', () => {
  it('opens on the business day, then appends the next page where the first ended', async () => {
    listOrders
      .mockResolvedValueOnce({ items: [sale(3), sale(2)], nextCursor: 'c2', total: 3 })
      .mockResolvedValueOnce({ items: [sale(1)], nextCursor: null, total: 3 });
    render(<SalesPanel today="2026-01-01" />);
    expect(await screen.findAllByTestId('history-row')).toHaveLength(2);
    expect(listOrders).toHaveBeenLastCalledWith({
      filter: { from: '2026-01-01', to: '2026-01-01' },
      limit: 50,
      cursor: null,
    });
    expect(screen.getByTestId('history-count').textContent).toBe('2 of 3 sales');

    await act(async () => fireEvent.click(screen.getByTestId('load-more')));
    const rows = screen.getAllByTestId('history-row').map((r) => r.textContent);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('POS1-20260101-0001');
    expect(listOrders).toHaveBeenLastCalledWith({
      filter: { from: '2026-01-01', to: '2026-01-01' },
      limit: 50,
      cursor: 'c2',
    });
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('asks main for exactly the filter on the form, and shows what reached the shop only for paid sales', async () => {
    listOrders.mockResolvedValue({ items: [sale(1), sale(2, { state: 'canceled' })], nextCursor: null, total: 2 });
    render(<SalesPanel today="2026-01-01" />);
    await screen.findAllByTestId('history-row');
    fireEvent.change(screen.getByTestId('filter-state'), { target: { value: 'paid' } });
    fireEvent.change(screen.getByTestId('filter-method'), { target: { value: 'qris' } });
    fireEvent.change(screen.getByTestId('filter-search'), { target: { value: ' 0001 ' } });
    await act(async () => fireEvent.click(screen.getByTestId('filter-apply')));
    expect(listOrders).toHaveBeenLastCalledWith({
      filter: { from: '2026-01-01', to: '2026-01-01', states: ['paid'], methods: ['qris'], search: '0001' },
      limit: 50,
      cursor: null,
    });
    const received = screen.getAllByTestId('row-shop-receives').map((c) => c.textContent);
    expect(received).toEqual(['Rp 22.000', '—']);
  });

  it('reads the first page again when a sale changes state somewhere', async () => {
    listOrders.mockResolvedValue({ items: [sale(1, { state: 'awaiting_payment' })], nextCursor: null, total: 1 });
    render(<SalesPanel today="2026-01-01" />);
    await screen.findAllByTestId('history-row');
    listOrders.mockResolvedValue({ items: [sale(1)], nextCursor: null, total: 1 });
    await act(async () => usePos.getState().orderUpdated(sale(1)));
    expect(listOrders).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('row-shop-receives').textContent).toBe('Rp 22.000');
  });

  it('says why when main refuses the list, and shows no "no sales" in its place', async () => {
    listOrders.mockRejectedValue(new PosError('database', 'journal closed'));
    render(<SalesPanel today="2026-01-01" />);
    expect((await screen.findByTestId('error')).dataset.code).toBe('database');
    expect(screen.queryByText('No sales for this filter yet.')).toBeNull();
  });
});
