import { useEffect, useRef } from 'react';
import type { Notice } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { isMessageKey, tKnown, useLanguage, useT } from '../i18n';
import { playAlarm } from '../lib/sound';
import { usePos } from '../stores/pos-store';

/** Amount parameters arrive as integer rupiah and are shown formatted. */
export function noticeText(n: Notice): string {
  const params: Record<string, string | number> = { ...n.params };
  for (const k of ['amount', 'total', 'totalPayment']) {
    const v = params[k];
    if (typeof v === 'number') params[k] = formatRupiah(v);
  }
  if (n.orderId && params.orderId === undefined) params.orderId = n.orderId;
  const reason = params.reason;
  if (typeof reason === 'string' && isMessageKey(`reason.${reason}`)) params.reason = tKnown(`reason.${reason}`);
  return tKnown(n.key, params);
}

const AUTO_DISMISS_MS = 8000;

function Toast({ notice }: { notice: Notice }) {
  const t = useT();
  useLanguage((s) => s.lang);
  const dismiss = usePos((s) => s.dismissNotice);
  const played = useRef(false);
  useEffect(() => {
    // Alarms (a late payment to review) stay until someone dismisses them, and make noise.
    if (notice.level === 'alarm') {
      if (!played.current) playAlarm();
      played.current = true;
      return;
    }
    const id = setTimeout(() => dismiss(notice.id), AUTO_DISMISS_MS);
    return () => clearTimeout(id);
  }, [notice, dismiss]);
  return (
    <div
      className={`toast toast-${notice.level}`}
      role={notice.level === 'alarm' ? 'alert' : 'status'}
      data-testid={`notice-${notice.level}`}
    >
      <span className="toast-text">{noticeText(notice)}</span>
      <button type="button" className="btn btn-small" onClick={() => dismiss(notice.id)} data-testid="notice-dismiss">
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

export function Toasts() {
  const notices = usePos((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="toasts">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
}
