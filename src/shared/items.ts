import { MAX_AMOUNT } from './methods';

/**
 * Quick items: the owner's short list of things the shop sells (name, price, optional
 * category and barcode), and the cart the cashier fills from it. Prices are whole rupiah;
 * a cart's total is the sale's price. Main prices every cart from its own catalogue, so a
 * window never decides what something costs; these pure functions are shared so both
 * windows show at once what main will answer.
 */
export interface ItemView {
  itemId: string;
  name: string;
  price: number;
  /** '' when the owner gave none. */
  category: string;
  /** null when the item has no barcode. */
  barcode: string | null;
}

export interface ItemInput {
  /** Absent: a new item. */
  itemId?: string;
  name: string;
  price: number;
  category?: string;
  barcode?: string | null;
}

/** What the cashier picked: the item and how many. */
export interface CartEntry {
  itemId: string;
  qty: number;
}

/** One line of a cart or of a sale: the name and price as they were when it was sold. */
export interface SaleLineView {
  itemId: string | null;
  name: string;
  qty: number;
  unitPrice: number;
  total: number;
}

export interface CartView {
  lines: SaleLineView[];
  total: number;
}

export const EMPTY_CART: CartView = { lines: [], total: 0 };

export const MAX_ITEMS = 2000;
export const MAX_CART_LINES = 200;
export const MAX_QTY = 999;
export const ITEM_NAME_MAX = 60;
export const CATEGORY_MAX = 30;
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** EAN-8/13, UPC, Code 128 and the shop's own codes: printable letters, digits and dashes. */
export const BARCODE_PATTERN = /^[A-Za-z0-9-]{4,32}$/;

export type CartProblem = { code: 'unknown_item'; itemId: string } | { code: 'too_much'; total: number };

/**
 * Prices a cart against a catalogue: one line per item (an item picked twice adds up), in
 * the order first picked. Answers a problem instead when an item is gone or the total is
 * beyond the largest sale.
 */
export function priceCart(
  catalogue: ReadonlyMap<string, ItemView>,
  entries: readonly CartEntry[],
): { ok: true; cart: CartView } | { ok: false; problem: CartProblem } {
  const qty = new Map<string, number>();
  for (const e of entries) qty.set(e.itemId, Math.min(MAX_QTY, (qty.get(e.itemId) ?? 0) + e.qty));
  const lines: SaleLineView[] = [];
  let total = 0;
  for (const [itemId, n] of qty) {
    const item = catalogue.get(itemId);
    if (!item) return { ok: false, problem: { code: 'unknown_item', itemId } };
    const line = { itemId, name: item.name, qty: n, unitPrice: item.price, total: item.price * n };
    lines.push(line);
    total += line.total;
  }
  if (total > MAX_AMOUNT) return { ok: false, problem: { code: 'too_much', total } };
  return { ok: true, cart: { lines, total } };
}

/** Items grouped by category for the tiles, categories and items in name order ('' last). */
export function itemsByCategory(items: readonly ItemView[]): { category: string; items: ItemView[] }[] {
  const groups = new Map<string, ItemView[]>();
  for (const item of items) {
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'id', { sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : byName(a, b)))
    .map(([category, list]) => ({ category, items: list.sort((a, b) => byName(a.name, b.name)) }));
}

/** Items whose name, category or barcode holds every word typed, best (name starts with it) first. */
export function searchItems(items: readonly ItemView[], query: string, limit = 12): ItemView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = items.filter((item) => {
    const hay = `${item.name} ${item.category} ${item.barcode ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const first = words[0]!;
  return hits
    .sort((a, b) => {
      const sa = a.name.toLowerCase().startsWith(first) ? 0 : 1;
      const sb = b.name.toLowerCase().startsWith(first) ? 0 : 1;
      return sa - sb || a.name.localeCompare(b.name, 'id', { sensitivity: 'base' });
    })
    .slice(0, limit);
}
