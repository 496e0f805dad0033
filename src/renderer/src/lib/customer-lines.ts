import type { OrderView } from '@shared/domain';
import { METHOD_RULES, VA_METHODS } from '@shared/methods';

/**
 * The amounts the customer sees after paying, one line each. Today a sale has one line, the
 * total paid. A cash sale adds two ("Tunai Rp 50.000", "Kembalian Rp 25.000"): the customer
 * display already lays out any number of lines, so cash only has to pass `cash`.
 */
export interface AmountLine {
  kind: 'total' | 'cash' | 'change';
  amount: number;
}

export function paidLines(order: OrderView, cash?: { tendered: number }): AmountLine[] {
  const total = order.totalPayment ?? order.price;
  const lines: AmountLine[] = [{ kind: 'total', amount: total }];
  if (cash && cash.tendered >= total) {
    lines.push({ kind: 'cash', amount: cash.tendered }, { kind: 'change', amount: cash.tendered - total });
  }
  return lines;
}

/** Banks whose virtual accounts the counter offers, by name, for the welcome screen. */
export function acceptedBanks(): string[] {
  return [...new Set(VA_METHODS.map((m) => METHOD_RULES[m].bank ?? ''))].filter(Boolean);
}
