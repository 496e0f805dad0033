// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '@shared/domain';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { SaleScreen } from '@renderer/screens/SaleScreen';
import { useKeypad } from '@renderer/stores/keypad-store';
import { usePos } from '@renderer/stores/pos-store';
import { freshSaleStores, order } from '../fixtures';

/**
 * While a sale is on the screen the keypad stays in the window, hidden, so the QR does not wait
 * for the keypad to be taken apart. Hidden, it must be deaf: no key the cashier presses during
 * the payment may type or charge. After the sale the next customer gets a fresh keypad.
 */

let charges: unknown[] = [];

beforeEach(() => {
  useLanguage.getState().setLang('en');
  charges = [];
  setPosApi({
    charge: (input: unknown) => {
      charges.push(input);
      return new Promise<OrderView>(() => undefined);
    },
    prepareCharge: () => Promise.resolve(null),
    cancelSale: () => new Promise<OrderView>(() => undefined),
  } as unknown as PosApi);
  freshSaleStores();
});
afterEach(cleanup);

const keypad = () => screen.getByTestId('key-1').closest('.keypad-screen') as HTMLElement;
const press = (key: string) => fireEvent.keyDown(window, { key });

describe('the keypad during a payment', () => {
  it('is hidden and ignores the keyboard, then comes back cleared and listening', () => {
    render(<SaleScreen />);
    const before = keypad();
    press('7');
    expect(useKeypad.getState().digits).toBe('7');

    const awaiting = order({ orderId: 'POS1-1', amount: 7, price: 7, state: 'awaiting_payment', revision: 1 });
    act(() => usePos.getState().setActiveSale(awaiting));
    expect(screen.getByTestId('qr')).toBeTruthy();
    expect(keypad()).toBe(before);
    expect(keypad().style.display).toBe('none');

    // Digits and Enter while the QR shows: nothing typed, nothing charged.
    act(() => {
      useKeypad.getState().reset();
      press('5');
      press('Enter');
    });
    expect(useKeypad.getState().digits).toBe('');
    expect(charges).toEqual([]);

    // The sale is put away: a fresh keypad for the next customer shows and takes keys.
    act(() => usePos.getState().dismissSale('POS1-1'));
    expect(screen.queryByTestId('qr')).toBeNull();
    expect(keypad()).not.toBe(before);
    expect(keypad().style.display).not.toBe('none');
    expect(document.querySelectorAll('.keypad-screen')).toHaveLength(1);
    act(() => press('4'));
    expect(useKeypad.getState().digits).toBe('4');
  });

  it("gives the next customer a keypad without the last one's item search", () => {
    freshSaleStores('', [{ itemId: 'kopi', name: 'Kopi susu', price: 20_000, category: 'Minuman', barcode: null }]);
    render(<SaleScreen />);
    fireEvent.change(screen.getByTestId('item-search'), { target: { value: 'kop' } });
    expect((screen.getByTestId('item-search') as HTMLInputElement).value).toBe('kop');

    const awaiting = order({
      orderId: 'POS1-2',
      amount: 20_000,
      price: 20_000,
      state: 'awaiting_payment',
      revision: 1,
    });
    act(() => usePos.getState().setActiveSale(awaiting));
    // Under the QR the search is kept as it was: nothing is rebuilt while the customer pays.
    expect((screen.getByTestId('item-search') as HTMLInputElement).value).toBe('kop');

    act(() => usePos.getState().dismissSale('POS1-2'));
    expect(screen.queryByTestId('qr')).toBeNull();
    expect((screen.getByTestId('item-search') as HTMLInputElement).value).toBe('');
  });
});
