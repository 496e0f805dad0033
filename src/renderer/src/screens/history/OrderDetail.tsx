import { useEffect, useState } from 'react';
import type { OrderEventView, OrderView } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePos } from '../../stores/pos-store';
import { StateBadge } from '../../components/StateBadge';

export function OrderDetail({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [data, setData] = useState<{ order: OrderView; events: OrderEventView[] } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    getPosApi()
      .getOrder({ orderId })
      .then(setData, (e: unknown) => setError(describeError(e)));
  }, [orderId, revision]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => ev.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const o = data?.order;
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
        {o && (
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
              <dt>{t('pay.amount')}</dt>
              <dd>{formatRupiah(o.amount)}</dd>
              <dt>{t('pay.fee')}</dt>
              <dd>{o.fee === null ? '—' : formatRupiah(o.fee)}</dd>
              <dt>{t('pay.total')}</dt>
              <dd>{o.totalPayment === null ? '—' : formatRupiah(o.totalPayment)}</dd>
              <dt>{t('history.createdAt')}</dt>
              <dd>{formatDateTime(o.createdAt, lang)}</dd>
              <dt>{t('history.paidAt')}</dt>
              <dd>{formatDateTime(o.paidAt, lang)}</dd>
              <dt>{t('history.lastChecked')}</dt>
              <dd>{formatDateTime(o.lastCheckedAt, lang)}</dd>
              <dt>{t('history.terminal')}</dt>
              <dd>
                {o.terminal} · API {o.apiVersion}
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
                  <dd>{o.reasonDetail}</dd>
                </>
              )}
            </dl>
            <h3>{t('history.timeline')}</h3>
            <ol className="timeline" data-testid="timeline">
              {data.events.map((ev) => (
                <li key={ev.id}>
                  <span className="timeline-time">{formatDateTime(ev.at, lang)}</span>
                  <span>
                    {ev.from ? `${t(`state.${ev.from}`)} → ` : ''}
                    <strong>{t(`state.${ev.to}`)}</strong>
                  </span>
                  <span className="timeline-reason mono">{ev.reason}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
