import { MAX_CART_LINES, MAX_QTY, type CartEntry } from '@shared/items';

/**
 * The cart as the cashier edits it: item ids and quantities, one entry per item, in the
 * order first picked. Pure, so the rules (never above the largest quantity, a line at zero
 * goes away) are unit-tested without a browser; main prices it.
 */
export function addItem(cart: readonly CartEntry[], itemId: string): CartEntry[] {
  const i = cart.findIndex((e) => e.itemId === itemId);
  if (i >= 0) return changeQty(cart, i, +1);
  if (cart.length >= MAX_CART_LINES) return [...cart];
  return [...cart, { itemId, qty: 1 }];
}

/** +1 / -1 on one line; a line brought to zero is removed. */
export function changeQty(cart: readonly CartEntry[], index: number, delta: number): CartEntry[] {
  const entry = cart[index];
  if (!entry) return [...cart];
  const qty = Math.min(MAX_QTY, entry.qty + delta);
  if (qty <= 0) return removeLine(cart, index);
  return cart.map((e, i) => (i === index ? { ...e, qty } : e));
}

export function removeLine(cart: readonly CartEntry[], index: number): CartEntry[] {
  return cart.filter((_, i) => i !== index);
}

/** Entries whose item the owner removed meanwhile are dropped, so the cart never holds a ghost. */
export function keepKnown(cart: readonly CartEntry[], known: ReadonlySet<string>): CartEntry[] {
  return cart.filter((e) => known.has(e.itemId));
}
