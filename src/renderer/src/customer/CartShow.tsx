import type { CartView } from '@shared/items';
import { formatRupiah } from '@shared/money';
import { useT } from '../i18n';
import { cartLayout } from '../lib/cart-layout';

/**
 * The cart as the cashier fills it, for the customer to follow: each line with its quantity
 * and price, the total largest. Sized from the window, so it fits from 800x480 to 4K and in
 * portrait; a long cart shows its newest lines and says how many more are above.
 */
export function CartShow({ cart, width, height }: { cart: CartView; width: number; height: number }) {
  const t = useT();
  const widest = Math.max(
    0,
    ...cart.lines.map((l) => l.name.length + formatRupiah(l.total).length + (l.qty > 1 ? String(l.qty).length + 3 : 0)),
  );
  const layout = cartLayout(width, height, cart.lines.length, formatRupiah(cart.total).length, widest);
  const shown = cart.lines.slice(cart.lines.length - layout.visible);
  const hidden = cart.lines.length - shown.length;
  return (
    <div
      className="cust-cart"
      data-testid="customer-cart"
      style={{ padding: layout.pad, gap: layout.gap, fontSize: layout.lineFont }}
    >
      <div className="cust-cart-title">{t('customer.cartTitle')}</div>
      <ol className="cust-cart-lines">
        {hidden > 0 && (
          <li className="cust-cart-more" data-testid="customer-cart-more">
            {t('customer.cartMore', { n: hidden })}
          </li>
        )}
        {shown.map((line, i) => (
          <li key={`${line.itemId ?? ''}-${i}`} className="cust-cart-line" data-testid="customer-cart-line">
            <span className="cust-cart-name">
              {line.qty > 1 ? `${line.qty} × ` : ''}
              {line.name}
            </span>
            <span className="cust-cart-amount">{formatRupiah(line.total)}</span>
          </li>
        ))}
      </ol>
      <div className="cust-cart-sum">
        <span className="cust-cart-label">{t('customer.cartTotal')}</span>
        <span className="cust-total" data-testid="customer-cart-total" style={{ fontSize: layout.totalFont }}>
          {formatRupiah(cart.total)}
        </span>
      </div>
    </div>
  );
}
