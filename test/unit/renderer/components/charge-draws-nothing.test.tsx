// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '@shared/domain';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { SaleScreen } from '@renderer/screens/SaleScreen';
import { usePos } from '@renderer/stores/pos-store';
import { freshSaleStores, order } from '../fixtures';

/**
 * Between the press on "charge" and the QR, the cashier's window changes nothing on screen
 * (unless main takes long enough for the button to say "charging"). Any change there makes
 * the window draw a frame (style, layout, paint) for nothing while main is making the sale.
 */

let answer: (o: OrderView) => void = () => undefined;
let asked: unknown[] = [];

beforeEach(() => {
  useLanguage.getState().setLang('en');
  asked = [];
  setPosApi({
    charge: (input: unknown) => {
      asked.push(input);
      return new Promise<OrderView>((res) => (answer = res));
    },
    prepareCharge: () => Promise.resolve(null),
  } as unknown as PosApi);
  freshSaleStores('25000');
});
afterEach(cleanup);

let observer: MutationObserver | null = null;
afterEach(() => observer?.disconnect());

/** Every change made to the window's DOM from now on. */
function watch(root: HTMLElement): MutationRecord[] {
  const seen: MutationRecord[] = [];
  observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return seen;
}

/** Mutation records are delivered at a microtask checkpoint. */
const flushed = () => act(async () => await Promise.resolve());

describe('pressing charge', () => {
  it('changes nothing on screen until main has the QR, then shows the payment screen', async () => {
    const { container } = render(<SaleScreen />);
    const changes = watch(container);

    fireEvent.click(screen.getByTestId('charge'));
    await flushed();
    expect(asked).toEqual([{ amount: 25_000, method: 'qris' }]);
    expect(changes).toEqual([]);

    // Main journals the sale and tells every window: the keypad stays as it is.
    const creating = order({ orderId: 'POS1-1', amount: 25_000, price: 25_000, state: 'creating', revision: 0 });
    act(() => usePos.getState().setActiveSale(creating));
    await flushed();
    expect(changes).toEqual([]);

    // The QR: the payment screen takes the keypad's place (the keypad is hidden, not removed).
    const awaiting = { ...creating, state: 'awaiting_payment' as const, revision: 1 };
    await act(async () => {
      usePos.getState().orderUpdated(awaiting);
      answer(awaiting);
      await Promise.resolve();
    });
    expect(changes.length).toBeGreaterThan(0);
    expect(screen.getByTestId('qr')).toBeTruthy();
    expect((screen.getByTestId('charge').closest('.keypad-screen') as HTMLElement).style.display).toBe('none');
  });
});
