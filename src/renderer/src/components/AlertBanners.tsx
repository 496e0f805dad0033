import { useEffect } from 'react';
import type { Notice } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { isMessageKey, tKnown, useLanguage, useT } from '../i18n';
import { alertKind, alreadySeen, autoDismissMs, bannerOrder, destination, type Where } from '../lib/alerts';
import { saleScreen } from '../lib/sale-view';
import { useNav } from '../stores/nav-store';
import { usePos } from '../stores/pos-store';
import './alert-banners.css';

/** Amount parameters arrive as integer rupiah (or already formatted) and are shown formatted. */
export function noticeText(n: Notice): string {
  const params: Record<string, string | number> = { ...n.params };
  for (const k of ['amount', 'total', 'totalPayment']) {
    const v = params[k];
    if (typeof v === 'number') params[k] = formatRupiah(v);
  }
  const method = params.method;
  if (typeof method === 'string' && isMessageKey(`method.${method}`)) params.method = tKnown(`method.${method}`);
  const reason = params.reason;
  if (typeof reason === 'string' && isMessageKey(`reason.${reason}`)) params.reason = tKnown(`reason.${reason}`);
  return tKnown(n.key, params);
}

/** On the sale screen one row only, so the keypad and the charge button keep their place. */
const MAX_SHOWN = { sale: 1, other: 3 } as const;

function useWhere(): Where {
  const tab = useNav((s) => s.tab);
  const active = usePos((s) => s.activeSale);
  const dismissed = usePos((s) => s.dismissedOrderId);
  return { tab, saleOnScreen: active && saleScreen(active, dismissed) !== 'keypad' ? active.orderId : null };
}

function AlertBanner({ notice, where }: { notice: Notice; where: Where }) {
  const t = useT();
  useLanguage((s) => s.lang);
  const dismiss = usePos((s) => s.dismissNotice);
  const go = useNav((s) => s.go);
  const kind = alertKind(notice);
  useEffect(() => {
    const ms = autoDismissMs(notice);
    if (ms === null) return;
    const id = setTimeout(() => dismiss(notice.id), ms);
    return () => clearTimeout(id);
  }, [notice, dismiss]);
  const target = destination(notice, where);
  const alarm = kind === 'late_payment' || kind === 'needs_review';
  return (
    <div
      className={`alert-banner alert-${kind}`}
      role={alarm ? 'alert' : 'status'}
      data-testid={`alert-${kind}`}
      data-order-id={notice.orderId}
    >
      <span className="alert-icon" aria-hidden="true">
        {kind === 'paid' ? '✓' : alarm ? '!' : 'i'}
      </span>
      <span className="alert-text">{noticeText(notice)}</span>
      {target && (
        <button
          type="button"
          className="btn btn-small alert-view"
          data-testid="alert-view"
          onClick={() => {
            go(target.tab, target.historyTab, target.focusOrderId);
            if (!alarm) dismiss(notice.id);
          }}
        >
          {t('notice.view')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-small alert-close"
        data-testid="alert-dismiss"
        aria-label={t('notice.dismiss')}
        onClick={() => dismiss(notice.id)}
      >
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

/**
 * Notices as banners in the page's flow under the top bar: they push the screen down a
 * little instead of covering the navigation or the charge button, stack (alarms first),
 * and each can be dismissed. A payment banner about the sale already on the sale screen is
 * dropped: the cashier is looking at it.
 */
export function AlertBanners() {
  const t = useT();
  const notices = usePos((s) => s.notices);
  const dismiss = usePos((s) => s.dismissNotice);
  const where = useWhere();
  const seen = notices.filter((n) => alreadySeen(n, where));
  useEffect(() => {
    for (const n of seen) dismiss(n.id);
  });
  const { shown, hidden } = bannerOrder(
    notices.filter((n) => !alreadySeen(n, where)),
    where.tab === 'sale' ? MAX_SHOWN.sale : MAX_SHOWN.other,
  );
  if (shown.length === 0) return null;
  return (
    <div className={`alert-banners ${where.tab === 'sale' ? 'alert-banners-compact' : ''}`} data-testid="alert-banners">
      {shown.map((n) => (
        <AlertBanner key={n.id} notice={n} where={where} />
      ))}
      {hidden > 0 && (
        <div className="alert-more" data-testid="alert-more">
          {t('notice.more', { count: hidden })}
        </div>
      )}
    </div>
  );
}
