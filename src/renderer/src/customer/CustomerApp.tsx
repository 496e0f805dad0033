import { Activity, useRef } from 'react';
import type { OrderView } from '@shared/domain';
import { isFinal } from '@shared/order-state';
import { formatRupiah } from '@shared/money';
import { ModeBanner } from '../components/Banners';
import { useT } from '../i18n';
import { centeredLayout } from '../lib/customer-layout';
import { creatingSaleId, outcomeKind } from '../lib/sale-view';
import { useHeldScreen } from '../lib/use-held-screen';
import { useElementSize } from '../lib/use-element-size';
import { useNow } from '../lib/use-now';
import { usePos } from '../stores/pos-store';
import { useItems } from '../stores/items-store';
import { AwaitingView } from './AwaitingView';
import { CartShow } from './CartShow';
import { IdleView } from './IdleView';
import { ThankYouView } from './ThankYouView';
import './customer.css';

export type CustomerState = 'idle' | 'preparing' | 'awaiting' | 'paid' | 'canceled' | 'expired' | 'review' | 'failed';

/** How long a finished sale stays on the customer's screen before the welcome returns. */
export const OUTCOME_SHOWN_MS = 15_000;

/**
 * What the customer sees for the counter's active sale. A finished sale goes back to the
 * welcome screen after a while (main keeps it as the counter's sale until the next one).
 */
export function customerState(
  order: OrderView | null,
  now?: number,
  dismissedOrderId?: string | null,
  /** A new sale started while the welcome (or the cart) showed, within PREPARING_AFTER_MS. */
  holdIdle = false,
): CustomerState {
  if (!order || order.orderId === dismissedOrderId) return 'idle';
  if (now !== undefined && isFinal(order.state) && now - Date.parse(order.updatedAt) > OUTCOME_SHOWN_MS) return 'idle';
  if (order.state === 'creating') return holdIdle ? 'idle' : 'preparing';
  if (order.state === 'awaiting_payment') return 'awaiting';
  return outcomeKind(order.state) ?? 'failed';
}

export function CustomerApp() {
  const t = useT();
  const order = usePos((s) => s.activeSale);
  const shopName = usePos((s) => s.settings?.shopName ?? '');
  const media = usePos((s) => s.displayMedia);
  const dismissed = usePos((s) => s.dismissedOrderId);
  const now = useNow();
  const cart = useItems((s) => s.view);
  // As on the cashier's window: the welcome or the cart stays until the QR, unless Pakasir is slow.
  const state = useHeldScreen<CustomerState>('idle', creatingSaleId(order, dismissed), (hold) =>
    customerState(order, now, dismissed, hold),
  );
  // Between sales, the cart the cashier is filling (quick items) takes the welcome's place.
  const showCart = state === 'idle' && cart.lines.length > 0;
  const main = useRef<HTMLElement>(null);
  const { width, height } = useElementSize(main);
  const ready = width > 0 && height > 0;
  return (
    <div className={`app customer cust-state-${state}`}>
      <ModeBanner />
      <main
        ref={main}
        className="cust-main"
        data-testid="customer-state"
        data-state={showCart ? 'cart' : state}
        // The size the views below were laid out for: one render behind the window while it
        // is being resized, so a check of the layout can wait for the two to agree.
        data-size={ready ? `${width}x${height}` : undefined}
      >
        {ready && showCart && <CartShow cart={cart} width={width} height={height} />}
        {ready && (
          <Activity mode={state === 'idle' && !showCart ? 'visible' : 'hidden'}>
            <IdleView shopName={shopName} logo={media.logo} promos={media.promos} width={width} height={height} />
          </Activity>
        )}
        {ready && state === 'preparing' && order && (
          // Until Pakasir answers only the price is known; a fee on top, if any, comes with the QR.
          <PreparingView amount={order.price} width={width} height={height} />
        )}
        {ready && state === 'awaiting' && order && <AwaitingView order={order} width={width} height={height} />}
        {ready && state === 'paid' && order && (
          <ThankYouView order={order} shopName={shopName} width={width} height={height} />
        )}
        {ready && (state === 'canceled' || state === 'expired' || state === 'review' || state === 'failed') && (
          <MessageView text={t(`customer.${state}`)} width={width} height={height} />
        )}
      </main>
    </div>
  );
}

function PreparingView({ amount, width, height }: { amount: number; width: number; height: number }) {
  const t = useT();
  const total = formatRupiah(amount);
  const layout = centeredLayout(width, height, [
    { role: 'total', text: total },
    { role: 'text', text: t('customer.preparing') },
  ]);
  return (
    <div className="cust-center" style={{ padding: layout.pad, gap: layout.gap }}>
      <div className="cust-total" data-testid="customer-total" style={{ fontSize: layout.fonts.total }}>
        {total}
      </div>
      <div className="cust-message" style={{ fontSize: layout.fonts.text }}>
        {t('customer.preparing')}
      </div>
    </div>
  );
}

function MessageView({ text, width, height }: { text: string; width: number; height: number }) {
  const layout = centeredLayout(width, height, [{ role: 'text', text }]);
  // No total on these screens: the message may be as large as the window allows.
  const font = Math.min(Math.floor(Math.min(width, height) * 0.09), layout.fonts.text * 2);
  return (
    <div className="cust-center" style={{ padding: layout.pad }}>
      <div className="cust-message" style={{ fontSize: font }}>
        {text}
      </div>
    </div>
  );
}
