import type { ItemCalls } from '@shared/contract/item-calls';
import { PosError } from '@shared/errors';
import { EMPTY_CART, priceCart, type CartEntry, type CartView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import { Catalogue } from '../items/catalogue';

type ItemCallName = keyof ItemCalls;

export interface ItemTools {
  handlers: Pick<Handlers, ItemCallName>;
  /**
   * The lines of a charge, priced now from the catalogue. Refused when they do not add up
   * to the amount the cashier saw: a price changed after the cart was filled, and the
   * customer must be asked the new total, never charged it silently.
   */
  linesFor(entries: readonly CartEntry[], amount: number): CartView['lines'];
  /** The counter started a sale or the cart was emptied: the customer display clears it. */
  clearCart(): void;
  close(): void;
}

export function createItemTools(deps: {
  journalFile: string;
  nativeBinding?: string;
  bus: EventBus;
  clock: () => Date;
}): ItemTools {
  const catalogue = new Catalogue(
    deps.journalFile,
    deps.clock,
    (items) => deps.bus.emit('itemsChanged', items),
    deps.nativeBinding,
  );
  let shown: CartView = EMPTY_CART;

  const price = (entries: readonly CartEntry[]): CartView => {
    const priced = priceCart(catalogue.map(), entries);
    if (priced.ok) return priced.cart;
    if (priced.problem.code === 'unknown_item')
      throw new PosError('invalid_input', 'An item in the cart was removed from the list. Take it out of the cart.', [
        { path: 'cartUnknownItem', message: 'an item in the cart is no longer in the list' },
      ]);
    throw new PosError(
      'invalid_input',
      `The cart comes to ${formatRupiah(priced.problem.total)}, more than one sale can take.`,
      [{ path: 'cartTooMuch', message: 'the cart is more than one sale can take' }],
    );
  };

  const show = (cart: CartView): CartView => {
    shown = cart;
    deps.bus.emit('cartChanged', cart);
    return cart;
  };

  const handlers: Pick<Handlers, ItemCallName> = {
    listItems: () => catalogue.list(),
    saveItem: (input) => catalogue.save(input),
    removeItem: ({ itemId }) => catalogue.remove(itemId),
    showCart: ({ lines }) => show(lines.length === 0 ? EMPTY_CART : price(lines)),
    getCart: () => shown,
  };

  return {
    handlers,
    linesFor(entries, amount) {
      const cart = price(entries);
      if (cart.total !== amount) {
        show(cart);
        throw new PosError(
          'invalid_input',
          `A price changed: the cart now comes to ${formatRupiah(cart.total)}, not ${formatRupiah(amount)}. Check the total with the customer and charge again.`,
          [{ path: 'cartPriceChanged', message: `the cart now comes to ${cart.total}` }],
        );
      }
      return cart.lines;
    },
    clearCart() {
      if (shown.lines.length > 0) show(EMPTY_CART);
    },
    close() {
      catalogue.close();
    },
  };
}
