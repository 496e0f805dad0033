import { useEffect, useState } from 'react';
import type { OrderReason, OrderView } from '@shared/domain';
import { saleMoney } from '@shared/fees';
import { METHOD_RULES, type MethodKind } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../api/pos-api';
import { useT, type MessageKey } from '../i18n';
import { describeError, type ShownError } from '../lib/errors';
import { outcomeKind } from '../lib/sale-view';
import { useItems } from '../stores/items-store';
import { useKeypad } from '../stores/keypad-store';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';
import { ReceiptActions } from './receipt/ReceiptActions';

const NEXT_STEPS: Partial<Record<OrderReason, MessageKey>> = {
  gateway_rejected: 'next.gateway_rejected',
  invalid_payload: 'next.invalid_payload',
  auth: 'next.auth',
  create_lost: 'next.create_lost',
  fee_above_price: 'next.fee_above_price',
};

/** "Create a new QR" only where there is a QR: a VA sale gets a new number, PayPal a new link. */
const RECREATE: Record<MethodKind, MessageKey> = {
  // A cash part is paid the moment it is written: it never ends canceled or expired.
  cash: 'outcome.recreate',
  qris: 'outcome.recreate',
  link: 'outcome.recreate',
  va: 'outcome.recreateVa',
  paypal: 'outcome.recreateLink',
};

const KEY_GRACE_MS = 1200;

export function OutcomeScreen({ order }: { order: OrderView }) {
  const t = useT();
  const kind = outcomeKind(order.state);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const newSale = () => {
    useKeypad.getState().reset();
    usePos.getState().dismissSale(order.orderId);
    // Main returns the counter to idle, so the customer display shows the welcome screen now.
    void getPosApi()
      .dismissSale({ orderId: order.orderId })
      .catch(() => undefined);
  };

  // A key pressed for the screen before (Enter to confirm a cancel just as the payment
  // arrived) must not dismiss this outcome unseen: keys count only after a short moment.
  // The element says whether keys count yet and how many it ignored, so a test can wait for
  // the key to be handled instead of sleeping.
  const [keysReady, setKeysReady] = useState(false);
  const [ignoredKeys, setIgnoredKeys] = useState(0);
  useEffect(() => {
    setKeysReady(false);
    const id = setTimeout(() => setKeysReady(true), KEY_GRACE_MS);
    return () => clearTimeout(id);
  }, [order.orderId, kind]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.repeat) return;
      if (ev.key !== 'Enter' && ev.key !== 'Escape') return;
      if (ev.key === 'Enter' && ev.target instanceof HTMLButtonElement) return;
      if (!keysReady) {
        setIgnoredKeys((n) => n + 1);
        return;
      }
      ev.preventDefault();
      newSale();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const recreate = async () => {
    setBusy(true);
    setError(null);
    try {
      usePos.getState().setActiveSale(await getPosApi().recreateSale({ orderId: order.orderId }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  /** Back to the keypad with this sale's amount and note: the cashier picks another method. */
  const changeMethod = () => {
    useKeypad.getState().restore(order.price, order.note);
    // A sale rung up with items goes back as its cart, so the next charge keeps its lines.
    void getPosApi()
      .getOrder({ orderId: order.orderId })
      .then(
        ({ lines }) => {
          if (lines.length === 0) return;
          useKeypad.setState({ digits: '' });
          useItems.getState().restore(lines);
        },
        () => undefined,
      );
    usePos.getState().dismissSale(order.orderId);
    void getPosApi()
      .dismissSale({ orderId: order.orderId })
      .catch(() => undefined);
  };

  const money = saleMoney(order);
  const paidTotal = formatRupiah(money.customerPays ?? order.price);
  const reason = order.reason ? t(`reason.${order.reason}`) : null;
  const price = formatRupiah(order.price);
  const again = (primary: boolean) => (
    <div className="outcome-again">
      <button
        type="button"
        className={`btn btn-big ${primary ? 'btn-primary' : ''}`}
        data-testid="recreate"
        disabled={busy}
        onClick={() => void recreate()}
      >
        {t(RECREATE[METHOD_RULES[order.method].kind])} ({price})
      </button>
      <button type="button" className="btn btn-big" data-testid="change-method" onClick={changeMethod}>
        {t('outcome.changeMethod')} ({price})
      </button>
    </div>
  );

  return (
    <div
      className={`outcome outcome-${kind}`}
      data-testid={`outcome-${kind}`}
      data-order-id={order.orderId}
      data-keys-ready={keysReady}
      data-keys-ignored={ignoredKeys}
      role="status"
    >
      {kind === 'paid' && (
        <>
          <div className="outcome-icon" aria-hidden="true">
            ✓
          </div>
          <h1 className="outcome-title">{t('outcome.paid')}</h1>
          <p className="outcome-amount" data-testid="outcome-customer-paid">
            {t('outcome.paidBody', { amount: paidTotal })}
          </p>
          {money.shopReceives !== null && (
            <p className="outcome-sub" data-testid="outcome-shop-receives">
              {t('outcome.shopReceives', { amount: formatRupiah(money.shopReceives) })}
              {money.fee
                ? ` · ${t((money.feeOnCustomer ?? 0) > 0 ? 'outcome.feeCustomer' : 'outcome.feeShop', {
                    fee: formatRupiah(money.fee),
                  })}`
                : ''}
            </p>
          )}
          {order.cash && (
            <div className="outcome-change" data-testid="outcome-change">
              <span>{t('cash.tenderedWas', { amount: formatRupiah(order.cash.tendered) })}</span>
              <strong>{t('cash.changeBig', { amount: formatRupiah(order.cash.change) })}</strong>
            </div>
          )}
          <p className="outcome-sub">{t(`method.${order.method}`)}</p>
          <ReceiptActions orderId={order.orderId} saleId={order.saleId} />
        </>
      )}
      {kind === 'canceled' && (
        <>
          <div className="outcome-icon" aria-hidden="true">
            ✕
          </div>
          <h1 className="outcome-title">{t('outcome.canceled')}</h1>
          <p className="outcome-sub">{t('outcome.canceledBody')}</p>
          {again(false)}
        </>
      )}
      {kind === 'expired' && (
        <>
          <div className="outcome-icon" aria-hidden="true">
            {/* Drawn, not a character: a stopwatch glyph is missing from many system fonts. */}
            <svg
              viewBox="0 0 24 24"
              width="60"
              height="60"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            >
              <circle cx="12" cy="13" r="8" />
              <path d="M12 9v4l2.5 2M9.5 2.5h5" />
            </svg>
          </div>
          <h1 className="outcome-title">{t('outcome.expired')}</h1>
          <p className="outcome-sub">{t('outcome.expiredBody')}</p>
          {again(true)}
        </>
      )}
      {kind === 'failed' && (
        <>
          <div className="outcome-icon" aria-hidden="true">
            !
          </div>
          <h1 className="outcome-title">{t('outcome.failed')}</h1>
          {reason && (
            <p className="outcome-sub" data-testid="outcome-reason">
              {reason}
            </p>
          )}
          <p className="outcome-next">
            {t('outcome.nextStep', {
              step: t(order.reason ? (NEXT_STEPS[order.reason] ?? 'next.generic') : 'next.generic'),
            })}
          </p>
          {again(false)}
        </>
      )}
      {kind === 'review' && (
        <>
          <div className="outcome-icon" aria-hidden="true">
            ⚠
          </div>
          <h1 className="outcome-title">{t('outcome.review')}</h1>
          {reason && (
            <p className="outcome-sub" data-testid="outcome-reason">
              {reason}
            </p>
          )}
          <p className="outcome-next">{t('outcome.reviewBody')}</p>
        </>
      )}
      {error && <ErrorBox error={error} />}
      <button type="button" className="btn btn-big btn-new-sale" data-testid="new-sale" onClick={newSale}>
        {t('outcome.newSale')}
      </button>
      <p className="hint">{t('outcome.keysHint')}</p>
      <p className="order-id">{t('pay.order', { orderId: order.orderId })}</p>
    </div>
  );
}
