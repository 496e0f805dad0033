import { usePos } from '../stores/pos-store';
import { isMessageKey, t as translate, useLanguage, useT } from '../i18n';
import { formatTime } from '../lib/format';

/** Demo must be impossible to mistake for real money; sandbox gets a quieter badge. */
export function ModeBanner() {
  const t = useT();
  const mode = usePos((s) => s.settings?.mode);
  if (mode !== 'demo') return null;
  return (
    <div className="demo-banner" data-testid="demo-banner" role="status">
      <span className="demo-banner-text">{t('banner.demo')}</span>
    </div>
  );
}

export function SandboxBadge() {
  const t = useT();
  const mode = usePos((s) => s.settings?.mode);
  if (mode !== 'sandbox') return null;
  return (
    <span className="sandbox-badge" data-testid="sandbox-badge">
      {t('banner.sandbox')}
    </span>
  );
}

/** Known short reasons are translated; anything else is shown as main sent it. */
export function connDetail(detail: string | null): string {
  if (!detail) return '—';
  const key = `connDetail.${detail}`;
  return isMessageKey(key) ? translate(key) : detail;
}

/**
 * The sales journal cannot be written: new sales and their outcomes are not saved until
 * this is fixed, so the cashier sees it at once, in words that say what to do.
 */
export function StorageBanner() {
  const t = useT();
  const problem = usePos((s) => s.storage.problem);
  if (!problem) return null;
  return (
    <div className="storage-banner" data-testid="journal-banner" data-problem={problem} role="alert">
      <strong>{t(`storage.${problem}.title`)}</strong> {t(`storage.${problem}.todo`)}
    </div>
  );
}

export function ConnectivityBanner() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const c = usePos((s) => s.connectivity);
  const changed = usePos((s) => s.settings?.secretBackendChanged ?? null);
  return (
    <>
      {changed && (
        <div className="warn-banner" data-testid="storage-banner" role="alert">
          {t('banner.storageChanged', { from: t(`backend.${changed.from}`), to: t(`backend.${changed.to}`) })}
        </div>
      )}
      {c.state === 'offline' && (
        <div className="offline-banner" data-testid="offline-banner" role="alert">
          {t('banner.offline')} {c.lastOkAt ? t('banner.lastOk', { time: formatTime(c.lastOkAt, lang) }) : ''}
        </div>
      )}
      {c.state === 'degraded' && (
        <div className="degraded-banner" data-testid="degraded-banner" role="status">
          {t('banner.degraded', { detail: connDetail(c.detail) })}
        </div>
      )}
    </>
  );
}
