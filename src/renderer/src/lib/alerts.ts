import type { Notice, OrderView } from '@shared/domain';
import type { HistoryTab, Tab } from '../stores/nav-store';

/** The counter's notices as banners: the payment seen off the sale screen, alarms, the rest. */
export type AlertKind = 'paid' | 'late_payment' | 'needs_review' | 'warning' | 'info';

export function alertKind(n: Notice): AlertKind {
  if (n.key === 'notice.paid') return 'paid';
  if (n.key === 'notice.latePayment') return 'late_payment';
  if (n.level === 'alarm') return 'needs_review';
  return n.level === 'warning' ? 'warning' : 'info';
}

/** A verified payment becomes a banner too, for a cashier who is not on the sale screen. */
export function paidNotice(order: OrderView, at: string): Notice {
  return {
    id: `paid-${order.orderId}`,
    level: 'info',
    key: 'notice.paid',
    params: { method: order.method, amount: order.totalPayment ?? order.price },
    orderId: order.orderId,
    at,
  };
}

export interface Where {
  tab: Tab;
  /** The sale the sale screen shows (not dismissed), or null at the keypad. */
  saleOnScreen: string | null;
}

/**
 * A payment banner about the sale already on the sale screen says nothing new. Alarms
 * always show: they need someone to act, wherever the cashier is.
 */
export function alreadySeen(n: Notice, where: Where): boolean {
  return alertKind(n) === 'paid' && where.tab === 'sale' && n.orderId === where.saleOnScreen;
}

/** Alarms stay until someone acts; a payment stays until seen; the rest fade after a while. */
export function autoDismissMs(n: Notice): number | null {
  const kind = alertKind(n);
  if (kind === 'info' || kind === 'warning') return 8000;
  return null;
}

export interface Destination {
  tab: Tab;
  historyTab?: HistoryTab;
  focusOrderId: string | null;
}

/** Where "View" goes: the sale screen if the sale is still there, else the sale in History. */
export function destination(n: Notice, where: Where): Destination | null {
  if (!n.orderId) return null;
  if (n.orderId === where.saleOnScreen) return { tab: 'sale', focusOrderId: null };
  const kind = alertKind(n);
  if (kind === 'late_payment' || kind === 'needs_review')
    return { tab: 'history', historyTab: 'review', focusOrderId: n.orderId };
  return { tab: 'history', historyTab: 'sales', focusOrderId: n.orderId };
}

/** Newest first, alarms above everything else; at most `max` shown, the rest counted. */
export function bannerOrder(notices: readonly Notice[], max: number): { shown: Notice[]; hidden: number } {
  const rank = (n: Notice) => (n.level === 'alarm' ? 0 : alertKind(n) === 'paid' ? 1 : 2);
  const sorted = [...notices].sort((a, b) => rank(a) - rank(b) || b.at.localeCompare(a.at));
  return { shown: sorted.slice(0, max), hidden: Math.max(0, sorted.length - max) };
}
