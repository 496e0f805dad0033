import type { CartEntry, CartView, ItemInput, ItemView } from '../items';

/** The quick items and the cart, part of Calls in ./api.ts. */
export interface ItemCalls {
  /** The shop's quick items (none: the counter is the amount keypad alone). */
  listItems(input: Record<string, never>): ItemView[];
  /** Owner only: adds an item (no itemId) or changes one; a sale already made keeps its own lines. */
  saveItem(input: ItemInput): ItemView[];
  /** Owner only. */
  removeItem(input: { itemId: string }): ItemView[];
  /** The cart as the cashier fills it: main prices it and shows it on the customer display. */
  showCart(input: { lines: CartEntry[] }): CartView;
  /** The cart main shows now: a customer display that opens (or reloads) mid-cart shows it at once. */
  getCart(input: Record<string, never>): CartView;
}
