import { useEffect, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { METHOD_RULES } from '@shared/methods';
import { customerTotal } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { describeError, type ShownError } from '../lib/errors';
import { formatCountdown, secondsLeft } from '../lib/format';
import { liveState } from '../lib/live-state';
import { useNow } from '../lib/use-now';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';
import { MoneyBreakdown } from '../components/MoneyBreakdown';
import { PaymentVisual } from '../components/PaymentVisual';
import { ShareLink } from './payment/ShareLink';

export function PaymentScreen({ order }: { order: OrderView }) {
  const t = useT();
  const now = useNow();
  const connectivity = usePos((s) => s.connectivity.state);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [copied, setCopied] = useState(false);
  const [proofOpen, setProofOpen] = useState(false);
  const [proofNote, setProofNote] = useState('');

  const run = async (fn: () => Promise<OrderView>) => {
    setError(null);
    setBusy(true);
    try {
      // An answer for this sale updates it; it never replaces whatever sale is on the counter now.
      usePos.getState().orderUpdated(await fn());
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setConfirming(false);
    void run(() => getPosApi().cancelSale({ orderId: order.orderId }));
  };
  const checkNow = async () => {
    setChecking(true);
    await run(() => getPosApi().checkNow({ orderId: order.orderId }));
    setChecking(false);
  };

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (proofOpen || ev.repeat) return;
      // Enter on a focused button is that button's own click (e.g. "No" in the dialog).
      if (ev.key === 'Enter' && ev.target instanceof HTMLButtonElement) return;
      if (ev.key === 'Escape') {
        ev.preventDefault();
        setConfirming((c) => !c);
      } else if (ev.key === 'Enter' && confirming) {
        ev.preventDefault();
        cancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const live = liveState(order, connectivity, checking);
  const countdown = formatCountdown(order.expiresAt, now);
  const left = secondsLeft(order.expiresAt, now);
  const rule = METHOD_RULES[order.method];
  const shown = customerTotal(order);

  return (
    <div className="payment-screen">
      <section className="payment-visual-panel">
        <PaymentVisual
          order={order}
          qrSize={400}
          testIds={{ qr: 'qr', va: 'va-number' }}
          copied={copied}
          onCopy={(text) => {
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        />
        {rule.kind === 'qris' && <p className="merchant-note">{t('pay.merchantNote')}</p>}
        {rule.kind === 'link' && <p className="merchant-note">{t('pay.scanLink')}</p>}
        {rule.kind === 'paypal' && <p className="merchant-note">{t('pay.paypalLink')}</p>}
        {order.paymentUrl && order.state === 'awaiting_payment' && (
          <ShareLink url={order.paymentUrl} amount={order.price} />
        )}
      </section>

      <section className="payment-info">
        <div className="method-tag">{t(`method.${order.method}`)}</div>
        <div className="total-label">{t(shown.atMost ? 'pay.totalAtMost' : 'pay.total')}</div>
        <div className="total" data-testid="total">
          {shown.amount === null ? '—' : formatRupiah(shown.amount)}
        </div>
        {rule.kind === 'link' && order.feePayer === 'shop' ? (
          <p className="hint" data-testid="link-at-most">
            {t('pay.linkAtMost', { amount: formatRupiah(order.price) })}
          </p>
        ) : (
          <MoneyBreakdown order={order} />
        )}
        <div className={`countdown ${left !== null && left < 60 ? 'countdown-low' : ''}`} data-testid="countdown">
          {countdown === null ? '' : left === 0 ? t('pay.expired') : t('pay.expiresIn', { time: countdown })}
        </div>
        <div
          className={`live live-${live}`}
          data-testid="state"
          data-state={order.state}
          data-live={live}
          aria-live="polite"
        >
          <span className="live-dot" aria-hidden="true" />
          {t(`live.${live}`)}
        </div>
        {error && <ErrorBox error={error} />}
        <div className="payment-actions">
          <button
            type="button"
            className="btn btn-danger"
            data-testid="cancel"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('pay.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="btn"
            data-testid="check-now"
            disabled={busy || order.state === 'creating'}
            onClick={() => void checkNow()}
          >
            {t('pay.checkNow')}
          </button>
          {/* Main decides where a simulation works (v1 sandbox, demo); real v2 has none. */}
          {order.canSimulate && (
            <button
              type="button"
              className="btn btn-simulate"
              data-testid="simulate"
              disabled={busy}
              onClick={() => void run(() => getPosApi().simulatePayment({ orderId: order.orderId }))}
            >
              {t('pay.simulate')}
            </button>
          )}
        </div>
        {connectivity === 'offline' && order.state === 'awaiting_payment' && (
          <div className="proof">
            {!proofOpen ? (
              <button
                type="button"
                className="btn btn-small"
                data-testid="proof-shown"
                onClick={() => setProofOpen(true)}
              >
                {t('pay.proofShown')}
              </button>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(() => getPosApi().markProofShown({ orderId: order.orderId, note: proofNote.trim() }));
                  setProofOpen(false);
                }}
              >
                <p>{t('pay.proofPrompt')}</p>
                <input
                  value={proofNote}
                  maxLength={200}
                  onChange={(e) => setProofNote(e.target.value)}
                  data-testid="proof-note"
                />
                <button type="submit" className="btn btn-small" disabled={!proofNote.trim()}>
                  {t('pay.proofSave')}
                </button>
              </form>
            )}
          </div>
        )}
        <div className="order-id">{t('pay.order', { orderId: order.orderId })}</div>
      </section>

      {confirming && (
        <div className="modal-backdrop" role="presentation">
          <div
            className="modal"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="confirm-title"
            data-testid="confirm-cancel"
          >
            <h2 id="confirm-title">{t('confirm.cancelTitle')}</h2>
            <p>{t('confirm.cancelBody')}</p>
            <div className="modal-actions">
              <button type="button" className="btn" data-testid="confirm-no" onClick={() => setConfirming(false)}>
                {t('confirm.no')} <kbd>Esc</kbd>
              </button>
              <button type="button" className="btn btn-danger" data-testid="confirm-yes" autoFocus onClick={cancel}>
                {t('confirm.yes')} <kbd>Enter</kbd>
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
