import { useEffect, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { METHOD_RULES } from '@shared/methods';
import { isFinal } from '@shared/order-state';
import { formatRupiah } from '@shared/money';
import { ModeBanner } from '../components/Banners';
import { PaymentVisual } from '../components/PaymentVisual';
import { useT } from '../i18n';
import { formatCountdown } from '../lib/format';
import { outcomeKind } from '../lib/sale-view';
import { useNow } from '../lib/use-now';
import { usePos } from '../stores/pos-store';

export type CustomerState = 'idle' | 'preparing' | 'awaiting' | 'paid' | 'canceled' | 'expired' | 'review' | 'failed';

/** How long a finished sale stays on the customer's screen before the welcome returns. */
export const OUTCOME_SHOWN_MS = 15_000;

/**
 * What the customer sees for the counter's active sale. A finished sale goes back to the
 * welcome screen after a while (main keeps it as the counter's sale until the next one).
 */
export function customerState(order: OrderView | null, now?: number, dismissedOrderId?: string | null): CustomerState {
  if (!order || order.orderId === dismissedOrderId) return 'idle';
  if (now !== undefined && isFinal(order.state) && now - Date.parse(order.updatedAt) > OUTCOME_SHOWN_MS) return 'idle';
  if (order.state === 'creating') return 'preparing';
  if (order.state === 'awaiting_payment') return 'awaiting';
  return outcomeKind(order.state) ?? 'failed';
}

/** The QR fills most of the screen height; recomputed when the window is resized. */
function useQrSize(): number {
  const measure = () => Math.max(240, Math.round(Math.min((window.innerHeight - 60) * 0.8, window.innerWidth * 0.45)));
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const on = () => setSize(measure());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

function Awaiting({ order }: { order: OrderView }) {
  const t = useT();
  const now = useNow();
  const qrSize = useQrSize();
  const rule = METHOD_RULES[order.method];
  const countdown = formatCountdown(order.expiresAt, now);
  return (
    <div className="cust-awaiting">
      <div className="cust-visual">
        <PaymentVisual order={order} qrSize={qrSize} testIds={{ qr: 'customer-qr', va: 'customer-va-number' }} />
      </div>
      <div className="cust-side">
        <div className="cust-total-label">{t('customer.total')}</div>
        <div className="cust-total" data-testid="customer-total">
          {order.totalPayment === null ? '—' : formatRupiah(order.totalPayment)}
        </div>
        {rule.kind === 'qris' && (
          <>
            <p className="cust-instruction">{t('customer.scan')}</p>
            <p className="cust-merchant">{t('customer.merchant')}</p>
          </>
        )}
        {rule.kind === 'va' && (
          <p className="cust-instruction">{t('customer.transferTo', { bank: rule.bank ?? '' })}</p>
        )}
        {rule.kind === 'link' && <p className="cust-instruction">{t('customer.scanLink')}</p>}
        {countdown && (
          <div className="cust-countdown" data-testid="customer-countdown">
            {t('customer.expiresIn', { time: countdown })}
          </div>
        )}
      </div>
    </div>
  );
}

export function CustomerApp() {
  const t = useT();
  const order = usePos((s) => s.activeSale);
  const shopName = usePos((s) => s.settings?.shopName ?? '');
  const dismissed = usePos((s) => s.dismissedOrderId);
  const now = useNow();
  const state = customerState(order, now, dismissed);
  return (
    <div className={`app customer cust-state-${state}`}>
      <ModeBanner />
      <main className="cust-main" data-testid="customer-state" data-state={state}>
        {state === 'idle' && (
          <div className="cust-center">
            <div className="cust-shop">{shopName}</div>
            <div className="cust-welcome">{t('customer.welcome')}</div>
          </div>
        )}
        {state === 'preparing' && order && (
          <div className="cust-center">
            <div className="cust-total" data-testid="customer-total">
              {formatRupiah(order.amount)}
            </div>
            <div className="cust-message">{t('customer.preparing')}</div>
          </div>
        )}
        {state === 'awaiting' && order && <Awaiting order={order} />}
        {state === 'paid' && order && (
          <div className="cust-center">
            <div className="cust-icon" aria-hidden="true">
              ✓
            </div>
            <div className="cust-message">{t('customer.paid')}</div>
            <div className="cust-total" data-testid="customer-total">
              {formatRupiah(order.totalPayment ?? order.amount)}
            </div>
          </div>
        )}
        {(state === 'canceled' || state === 'expired' || state === 'review' || state === 'failed') && (
          <div className="cust-center">
            <div className="cust-message">{t(`customer.${state}`)}</div>
          </div>
        )}
      </main>
    </div>
  );
}
