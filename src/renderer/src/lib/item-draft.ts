import type { ItemInput, ItemView } from '@shared/items';

/** The item form: every field as typed, so half-typed prices are allowed until saved. */
export interface ItemDraft {
  itemId: string | null;
  name: string;
  price: string;
  category: string;
  barcode: string;
}

export const EMPTY_DRAFT: ItemDraft = { itemId: null, name: '', price: '', category: '', barcode: '' };

export function draftOfItem(item: ItemView): ItemDraft {
  return {
    itemId: item.itemId,
    name: item.name,
    price: String(item.price),
    category: item.category,
    barcode: item.barcode ?? '',
  };
}

/**
 * What is sent to main. "18.000" and "18000" are the same price; anything that is not whole
 * rupiah is sent as NaN so main's schema names the field (main decides, not this form).
 */
export function inputOfDraft(d: ItemDraft): ItemInput {
  const digits = d.price.trim().replace(/[.\s]/g, '');
  const price = /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
  return {
    ...(d.itemId ? { itemId: d.itemId } : {}),
    name: d.name,
    price,
    category: d.category,
    barcode: d.barcode.trim() || null,
  };
}
