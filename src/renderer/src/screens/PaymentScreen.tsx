import { useEffect, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { METHOD_RULES } from '@shared/methods';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { liveState } from '../lib/live-state';
import { useAction } from '../lib/use-action';
import { useNow } from '../lib/use-now';
import { usePos } from '../stores/pos-store';
import { ErrorBox } from '../components/ErrorBox';
import { PaymentVisual } from '../components/PaymentVisual';
import { ConfirmCancel } from './payment/ConfirmCancel';
import { PaymentTotals } from './payment/PaymentTotals';
import { ProofShown } from './payment/ProofShown';
import { ShareLink } from './payment/ShareLink';

export function PaymentScreen({ order }: { order: OrderView }) {
  const t = useT();
  const now = useNow();
  const connectivity = usePos((s) => s.connectivity.state);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const [proofOpen, setProofOpen] = useState(false);
  // An answer for this sale updates it; it never replaces whatever sale is on the counter now.
  const { busy, error, run } = useAction(async (call: () => Promise<OrderView>) =>
    usePos.getState().orderUpdated(await call()),
  );
  const { orderId } = order;
  const cancel = () => {
    setConfirming(false);
    void run(() => getPosApi().cancelSale({ orderId }));
  };
  const checkNow = async () => {
    setChecking(true);
    await run(() => getPosApi().checkNow({ orderId }));
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

  const rule = METHOD_RULES[order.method];
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
        <PaymentTotals order={order} now={now} live={liveState(order, connectivity, checking)} />
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
              onClick={() => void run(() => getPosApi().simulatePayment({ orderId }))}
            >
              {t('pay.simulate')}
            </button>
          )}
        </div>
        {connectivity === 'offline' && order.state === 'awaiting_payment' && (
          <ProofShown
            open={proofOpen}
            setOpen={setProofOpen}
            onSave={(note) => void run(() => getPosApi().markProofShown({ orderId, note }))}
          />
        )}
        <div className="order-id">{t('pay.order', { orderId })}</div>
      </section>

      {confirming && <ConfirmCancel onNo={() => setConfirming(false)} onYes={cancel} />}
    </div>
  );
}
