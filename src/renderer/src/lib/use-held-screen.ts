import { useEffect, useRef, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { creatingSaleId, PREPARING_AFTER_MS, saleScreen, type SaleScreen } from './sale-view';

/**
 * Whether `ms` have passed since `key` (a sale's order id) first appeared, on the window's own
 * timer: main's timestamps come from another clock that may step. False while key is null.
 */
function useGraceOver(key: string | null, ms: number): boolean {
  const [overFor, setOverFor] = useState<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    const id = setTimeout(() => setOverFor(key), ms);
    return () => clearTimeout(id);
  }, [key, ms]);
  return key !== null && overFor === key;
}

/**
 * The screen for the counter's sale, where a new sale that Pakasir is still making
 * (`creatingId`) keeps the window's start screen (`start`: the keypad, the welcome) for
 * PREPARING_AFTER_MS, if that is what showed when it began. `decide(hold)` is the window's
 * own choice of screen. The screen last committed is noted after each commit, so a render
 * that is thrown away changes nothing.
 */
export function useHeldScreen<T>(start: T, creatingId: string | null, decide: (hold: boolean) => T): T {
  const graceOver = useGraceOver(creatingId, PREPARING_AFTER_MS);
  const shown = useRef(start);
  const screen = decide(creatingId !== null && !graceOver && shown.current === start);
  useEffect(() => {
    shown.current = screen;
  });
  return screen;
}

/**
 * The cashier's part of the sale flow: a new sale started from the keypad keeps it (its charge
 * button says it is charging) until the QR is there, or until Pakasir is slow and the
 * "preparing" screen says why it waits.
 */
export function useSaleScreen(active: OrderView | null, dismissedOrderId: string | null): SaleScreen {
  return useHeldScreen<SaleScreen>('keypad', creatingSaleId(active, dismissedOrderId), (hold) =>
    saleScreen(active, dismissedOrderId, hold),
  );
}
