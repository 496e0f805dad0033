import { useEffect, useRef, useState } from 'react';
import type { OrderView } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { useNav } from '../../stores/nav-store';
import { usePos } from '../../stores/pos-store';

function ReviewItem({ order, onDone, focused }: { order: OrderView; onDone: () => void; focused: boolean }) {
  const t = useT();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const lang = useLanguage((s) => s.lang);
  const [note, setNote] = useState('');
  const {
    busy,
    error,
    run: resolve,
  } = useAction(async (resolution: 'paid' | 'not_paid') => {
    await getPosApi().resolveReview({ orderId: order.orderId, resolution, note: note.trim() });
    onDone();
  });
  return (
    <li
      ref={ref}
      className={`review-item ${focused ? 'review-item-focused' : ''}`}
      data-testid="review-item"
      data-order-id={order.orderId}
      data-focused={focused || undefined}
    >
      <div className="review-head">
        <span className="mono">{order.orderId}</span>
        <strong>{formatRupiah(order.totalPayment ?? order.price)}</strong>
        <span>{t(`method.${order.method}`)}</span>
        <span>{formatDateTime(order.createdAt, lang)}</span>
      </div>
      <div className="review-reason">{order.reason ? t(`reason.${order.reason}`) : ''}</div>
      <label className="field">
        <span>{t('review.note')}</span>
        <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
      </label>
      {error && <ErrorBox error={error} />}
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-ok"
          disabled={busy || !note.trim()}
          data-testid="review-paid"
          onClick={() => void resolve('paid')}
        >
          {t('review.markPaid')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy || !note.trim()}
          data-testid="review-not-paid"
          onClick={() => void resolve('not_paid')}
        >
          {t('review.markNotPaid')}
        </button>
      </div>
    </li>
  );
}

export function ReviewPanel() {
  const t = useT();
  const revision = usePos((s) => s.orderRevision);
  // Read again when any sale changes, and after a decision made here.
  const {
    value: items,
    error,
    reload,
  } = useLoad(() => getPosApi().listNeedsReview({}), 'review', {
    revision,
  });
  // A banner's "View" points at its sale; it stays marked while this panel is open.
  const [focused, setFocused] = useState<string | null>(null);
  const focus = useNav((s) => s.focusOrderId);
  useEffect(() => {
    if (!focus) return;
    setFocused(focus);
    useNav.getState().clearFocus();
  }, [focus]);
  return (
    <div className="review-panel">
      <h2>{t('review.title')}</h2>
      <p className="hint">{t('review.explain')}</p>
      {error && <ErrorBox error={error} />}
      {items && items.length === 0 && <p className="empty">{t('review.empty')}</p>}
      <ul className="review-list">
        {items?.map((o) => (
          <ReviewItem key={o.orderId} order={o} focused={o.orderId === focused} onDone={reload} />
        ))}
      </ul>
    </div>
  );
}
