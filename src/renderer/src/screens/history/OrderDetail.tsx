import { useEffect } from 'react';
import { saleMoney } from '@shared/fees';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { detailText, eventReasonKey } from '../../lib/event-text';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { usePos } from '../../stores/pos-store';
import { StateBadge } from '../../components/StateBadge';
import { ReceiptActions } from '../receipt/ReceiptActions';
import { SaleBox } from './SaleBox';
import { SaleLines } from './SaleLines';

export function OrderDetail({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const { value: data, error } = useLoad(() => getPosApi().getOrder({ orderId }), orderId, { revision });

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => ev.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const o = data?.order;
  const money = o ? saleMoney(o) : null;
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal modal-wide"
        role="dialog"
        aria-modal="true"
        aria-label={t('history.detail')}
        data-testid="order-detail"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="modal-head">
          <h2>{t('history.detail')}</h2>
          <button type="button" className="btn btn-small" onClick={onClose} data-testid="detail-close">
            {t('history.close')}
          </button>
        </div>
        {error && <ErrorBox error={error} />}
        {o && money && (
          <>
            <dl className="detail-grid">
              <dt>{t('history.col.order')}</dt>
              <dd className="mono">{o.orderId}</dd>
              <dt>{t('history.col.state')}</dt>
              <dd>
                <StateBadge state={o.state} /> {o.reason ? t(`reason.${o.reason}`) : ''}
              </dd>
              <dt>{t('history.col.method')}</dt>
              <dd>{t(`method.${o.method}`)}</dd>
              <dt>{t('pay.priceLine')}</dt>
              <dd data-testid="detail-price">{formatRupiah(o.price)}</dd>
              <dt>{t('pay.total')}</dt>
              <dd data-testid="detail-customer-pays">
                {money.customerPays === null ? '—' : formatRupiah(money.customerPays)}
              </dd>
              <dt>{t('pay.fee')}</dt>
              <dd data-testid="detail-fee">
                {money.fee === null
                  ? '—'
                  : `${formatRupiah(money.fee)} · ${t((money.feeOnCustomer ?? 0) > 0 ? 'history.feeCustomer' : 'history.feeShop')}`}
              </dd>
              <dt>{t('pay.shopReceives')}</dt>
              <dd data-testid="detail-shop-receives">
                {money.shopReceives === null || o.state !== 'paid' ? '—' : formatRupiah(money.shopReceives)}
              </dd>
              {o.amount !== o.price && (
                <>
                  <dt>{t('history.sentToPakasir')}</dt>
                  <dd>{formatRupiah(o.amount)}</dd>
                </>
              )}
              <dt>{t('history.createdAt')}</dt>
              <dd>{formatDateTime(o.createdAt, lang)}</dd>
              <dt>{t('history.paidAt')}</dt>
              <dd>{formatDateTime(o.paidAt, lang)}</dd>
              <dt>{t('history.lastChecked')}</dt>
              <dd>{formatDateTime(o.lastCheckedAt, lang)}</dd>
              <dt>{t('history.terminal')}</dt>
              <dd>
                {o.terminal}
                {o.sandbox ? ' · SANDBOX' : ''}
              </dd>
              {o.note && (
                <>
                  <dt>{t('history.note')}</dt>
                  <dd>{o.note}</dd>
                </>
              )}
              {o.reasonDetail && (
                <>
                  <dt>{t('history.reasonDetail')}</dt>
                  <dd>
                    <Detail reason={o.reason} text={o.reasonDetail} />
                  </dd>
                </>
              )}
            </dl>
            {data.lines.length > 0 && <SaleLines lines={data.lines} total={o.price} />}
            {(o.saleId || o.state === 'paid') && <SaleBox saleId={o.saleId ?? o.orderId} />}
            {o.state === 'paid' && <ReceiptActions orderId={o.orderId} saleId={o.saleId} />}
            <h3>{t('history.timeline')}</h3>
            <ol className="timeline" data-testid="timeline">
              {data.events.map((ev) => (
                <li key={ev.id}>
                  <span className="timeline-time">{formatDateTime(ev.at, lang)}</span>
                  <span>
                    {ev.from ? `${t(`state.${ev.from}`)} → ` : ''}
                    <strong>{t(`state.${ev.to}`)}</strong>
                  </span>
                  <span className="timeline-reason" data-reason={ev.reason}>
                    {t(eventReasonKey(ev))}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}

/** The engine's detail in the owner's words; what only support can read stays folded away. */
function Detail({ reason, text }: { reason: string | null; text: string }) {
  const t = useT();
  const d = detailText(reason, text);
  if (d.kind === 'plain') return <>{d.text}</>;
  if (d.kind === 'status')
    return <>{t('detail.pakasirStatus', { status: d.status ? t(`state.${d.status}`) : d.raw })}</>;
  return (
    <details className="technical">
      <summary>{t('detail.technical')}</summary>
      <span className="mono">{d.text}</span>
    </details>
  );
}
