import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { rejectionText, syncBanner } from '../lib/sync-view';
import { useSync } from '../stores/sync-store';

/** The owner notice for the shop server link: stays until it is seen (or the link is mended). */
export function SyncBanner() {
  const t = useT();
  const status = useSync((s) => s.status);
  const kind = syncBanner(status);
  if (!kind || !status) return null;
  if (kind === 'rejected' || kind === 'copied') {
    const first = status.rejected[0];
    return (
      <div className="warn-banner sync-banner" data-testid="sync-banner" data-kind={kind} role="alert">
        <span>
          {kind === 'copied' || !first
            ? t('banner.syncCopied')
            : t('banner.syncRejected', { count: status.rejected.length, reason: rejectionText(first.code) })}
        </span>
        <button
          type="button"
          className="btn btn-small"
          data-testid="sync-acknowledge"
          onClick={() => void getPosApi().acknowledgeSyncRejections({}).then(useSync.getState().setStatus)}
        >
          {t('banner.syncAcknowledge')}
        </button>
      </div>
    );
  }
  return (
    <div className="warn-banner sync-banner" data-testid="sync-banner" data-kind={kind} role="alert">
      {t(kind === 'revoked' ? 'banner.syncRevoked' : 'banner.syncDiverged')}
    </div>
  );
}
