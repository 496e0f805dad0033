/**
 * The guide's URL integration: a hosted pay page for an amount and order id. The key is
 * never part of it, so these URLs are safe to show, print or open in a browser.
 */
export interface PayPageOptions {
  baseUrl: string;
  slug: string;
  amount: number;
  orderId: string;
  redirectUrl?: string | null;
  qrisOnly?: boolean;
  /** The PayPal page (`/paypal/` instead of `/pay/`). */
  paypal?: boolean;
}

export function payPageUrl(o: PayPageOptions): string {
  const base = o.baseUrl.replace(/\/+$/, '');
  const page = o.paypal ? 'paypal' : 'pay';
  const url = new URL(`${base}/${page}/${encodeURIComponent(o.slug)}/${o.amount}`);
  url.searchParams.set('order_id', o.orderId);
  if (o.redirectUrl) url.searchParams.set('redirect', o.redirectUrl);
  if (o.qrisOnly && !o.paypal) url.searchParams.set('qris_only', '1');
  return url.toString();
}

/** Adds the pay-page options to a link the gateway returned (v2 payment_link). */
export function withLinkOptions(
  link: string,
  opts: { qrisOnly: boolean; redirectUrl: string | null } | undefined,
): string {
  if (!opts) return link;
  const url = new URL(link);
  if (opts.qrisOnly) url.searchParams.set('qris_only', '1');
  if (opts.redirectUrl) url.searchParams.set('redirect', opts.redirectUrl);
  return url.toString();
}
