import { create } from 'zustand';
import { EMPTY_CART, type CartEntry, type CartView, type ItemView, type SaleLineView } from '@shared/items';
import { loadAndReload, offAll, type PosApi } from '../api/pos-api';
import { addItem, changeQty, keepKnown, removeLine } from '../lib/cart';
import { useKeypad } from './keypad-store';

/**
 * The quick items main holds, and the counter's cart. `entries` is what the cashier picked;
 * `view` is the cart as main priced it (what the customer display shows). Prices are never
 * decided here: the keypad shows main's total.
 */
export interface ItemsState {
  items: ItemView[];
  entries: CartEntry[];
  /** The line +/- and Delete act on: the one picked last unless the cashier moved. */
  selected: number;
  view: CartView;
  setItems(items: ItemView[]): void;
  setView(view: CartView): void;
  add(itemId: string): void;
  change(index: number, delta: number): void;
  remove(index: number): void;
  select(index: number): void;
  clear(): void;
  /** A sale's lines back into the cart (to charge it again another way); main prices it anew. */
  restore(lines: readonly SaleLineView[]): void;
}

let api: PosApi | null = null;

/** Main prices the cart and shows it on the customer display; the newest answer wins. */
let asked = 0;
function publish(entries: CartEntry[]): void {
  const ticket = ++asked;
  void api
    ?.showCart({ lines: entries })
    .then((view) => {
      if (ticket === asked) useItems.getState().setView(view);
    })
    .catch(() => undefined);
}

export const useItems = create<ItemsState>((set, get) => {
  const edit = (entries: CartEntry[], selected: number) => {
    set({ entries, selected: Math.max(0, Math.min(selected, entries.length - 1)) });
    publish(entries);
  };
  // While a charge of the cart is on its way its picks stay as they were charged: a tap or a
  // scan now would change the total on screen, and be cleared with the cart once main answers.
  const picking = () => !useKeypad.getState().charging;
  return {
    items: [],
    entries: [],
    selected: 0,
    view: EMPTY_CART,
    setItems: (items) => {
      set({ items });
      const known = new Set(items.map((i) => i.itemId));
      const kept = keepKnown(get().entries, known);
      // Main refuses a cart naming a removed item: drop it, and re-price what is left.
      if (kept.length !== get().entries.length || get().entries.length > 0) edit(kept, get().selected);
    },
    setView: (view) => set({ view }),
    add: (itemId) => {
      if (!picking()) return;
      const entries = addItem(get().entries, itemId);
      edit(
        entries,
        entries.findIndex((e) => e.itemId === itemId),
      );
    },
    change: (index, delta) => {
      if (picking()) edit(changeQty(get().entries, index, delta), index);
    },
    remove: (index) => {
      if (picking()) edit(removeLine(get().entries, index), index);
    },
    select: (index) => set((s) => ({ selected: Math.max(0, Math.min(index, s.entries.length - 1)) })),
    restore: (lines) => {
      if (!picking()) return;
      const entries = lines.flatMap((l) => (l.itemId ? [{ itemId: l.itemId, qty: l.qty }] : []));
      if (entries.length === 0) return;
      const known = new Set(get().items.map((i) => i.itemId));
      const kept = keepKnown(entries, known);
      edit(kept, kept.length - 1);
    },
    clear: () => {
      if (get().entries.length === 0 && get().view.lines.length === 0) return;
      set({ entries: [], selected: 0, view: EMPTY_CART });
      publish([]);
    },
  };
});

/** Cashier window: the items and their changes; the cart is this window's own. */
export function connectItemsStore(posApi: PosApi): () => void {
  api = posApi;
  return offAll([
    posApi.on('itemsChanged', (items) => useItems.getState().setItems(items)),
    loadAndReload(posApi, () => void posApi.listItems({}).then(useItems.getState().setItems, () => undefined)),
  ]);
}

/**
 * Customer display: the cart as main last showed it. A display that opens or reloads while
 * the cashier fills a cart asks main for it at once; an event that arrives before that answer
 * is newer, so the answer is then dropped.
 */
export function connectCartView(posApi: PosApi): () => void {
  let heard = false;
  const off = posApi.on('cartChanged', (view) => {
    heard = true;
    useItems.getState().setView(view);
  });
  const load = () => {
    heard = false;
    void posApi.getCart({}).then(
      (view) => {
        if (!heard) useItems.getState().setView(view);
      },
      () => undefined,
    );
  };
  return offAll([off, loadAndReload(posApi, load)]);
}
