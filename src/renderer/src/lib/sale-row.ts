import type { OrderFilter } from '@shared/domain';
import { customerTotal, saleMoney, type FeePayer } from '@shared/fees';
import type { SaleMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import type { OrderState } from '@shared/order-state';

/** One sale as a history list shows it: a till's own sale, or one the shop server holds. */
export interface SaleRowInput {
  orderId: string;
  createdAt: string;
  method: SaleMethod;
  state: OrderState;
  /** Null on a shop-server row from before round prices: the amount was the price then. */
  price: number | null;
  amount: number;
  fee: number | null;
  totalPayment: number | null;
  /** Null on a shop-server row from before the fee choice: the shop bore the fee then. */
  feePayer: FeePayer | null;
}

/** The money columns of a history row, as text. */
export interface SaleRowMoney {
  price: string;
  /** What the customer was asked (≤ for a link whose fee the shop bears), or — before Pakasir answered. */
  customerPays: string;
  /** What reached the shop, for a paid sale only; — otherwise. */
  shopReceives: string;
}

export function saleRowMoney(o: SaleRowInput): SaleRowMoney {
  const sale = { ...o, price: o.price ?? o.amount, feePayer: o.feePayer ?? ('shop' as const) };
  const asked = customerTotal(sale);
  const received = o.state === 'paid' ? saleMoney(sale).shopReceives : null;
  return {
    price: formatRupiah(sale.price),
    customerPays: asked.amount === null ? '—' : `${asked.atMost ? '≤ ' : ''}${formatRupiah(asked.amount)}`,
    shopReceives: received === null ? '—' : formatRupiah(received),
  };
}

/** What the till's history form holds: every field as typed, '' for "all". */
export interface HistoryFilterForm {
  from: string;
  to: string;
  state: OrderState | '';
  method: SaleMethod | '';
  search: string;
}

/** The filter main is asked for (the list, its count and the export use the same one); empty fields are left out. */
export function historyFilter(form: HistoryFilterForm): OrderFilter {
  const f: OrderFilter = {};
  if (form.from) f.from = form.from;
  if (form.to) f.to = form.to;
  if (form.state) f.states = [form.state];
  if (form.method) f.methods = [form.method];
  if (form.search.trim()) f.search = form.search.trim();
  return f;
}
