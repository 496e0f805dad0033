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

/**
 * The item calls at run time, part of CALL_NAMES in ./api.ts: main forwards exactly these to
 * the item tools. The check below fails to compile when this list and ItemCalls differ.
 */
export const ITEM_CALL_NAMES = [
  'listItems',
  'saveItem',
  'removeItem',
  'showCart',
  'getCart',
] as const satisfies readonly (keyof ItemCalls)[];

const allItemCallsListed: Exclude<keyof ItemCalls, (typeof ITEM_CALL_NAMES)[number]> extends never ? true : never =
  true;
void allItemCallsListed;
