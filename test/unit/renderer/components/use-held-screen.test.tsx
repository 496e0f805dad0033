// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '@shared/domain';
import { PREPARING_AFTER_MS, type SaleScreen } from '@renderer/lib/sale-view';
import { useSaleScreen } from '@renderer/lib/use-held-screen';
import { order } from '../fixtures';

/** The cashier's screen exactly as SaleScreen picks it. */
function useCashierScreen({ active }: { active: OrderView | null }): SaleScreen {
  return useSaleScreen(active, null);
}

const first = order({ orderId: 'KSR1-20261130-0001', state: 'creating' });
const second = order({ orderId: 'KSR1-20261130-0002', state: 'creating' });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useSaleScreen: no "preparing" flash when Pakasir answers quickly', () => {
  it('goes from the keypad straight to the QR when the answer comes within the grace', () => {
    const { result, rerender } = renderHook(useCashierScreen, { initialProps: { active: null as OrderView | null } });
    expect(result.current).toBe('keypad');
    rerender({ active: first });
    expect(result.current).toBe('keypad');
    act(() => vi.advanceTimersByTime(PREPARING_AFTER_MS - 1));
    expect(result.current).toBe('keypad');
    rerender({ active: { ...first, state: 'awaiting_payment' } });
    expect(result.current).toBe('payment');
  });

  it('shows the "preparing" screen once the grace is over, and keeps it', () => {
    const { result, rerender } = renderHook(useCashierScreen, { initialProps: { active: null as OrderView | null } });
    rerender({ active: first });
    act(() => vi.advanceTimersByTime(PREPARING_AFTER_MS));
    expect(result.current).toBe('payment');
    rerender({ active: { ...first, revision: first.revision + 1 } });
    expect(result.current).toBe('payment');
  });

  it('never holds a sale started from another screen (a new QR from an outcome)', () => {
    const paid = order({ orderId: 'KSR1-20261130-0000', state: 'expired' });
    const { result, rerender } = renderHook(useCashierScreen, { initialProps: { active: paid as OrderView | null } });
    expect(result.current).toBe('outcome');
    rerender({ active: first });
    expect(result.current).toBe('payment');
  });

  it('gives every new sale its own grace', () => {
    const { result, rerender } = renderHook(useCashierScreen, { initialProps: { active: null as OrderView | null } });
    rerender({ active: first });
    act(() => vi.advanceTimersByTime(PREPARING_AFTER_MS));
    expect(result.current).toBe('payment');
    rerender({ active: null });
    expect(result.current).toBe('keypad');
    rerender({ active: second });
    expect(result.current).toBe('keypad');
    act(() => vi.advanceTimersByTime(PREPARING_AFTER_MS));
    expect(result.current).toBe('payment');
  });
});
