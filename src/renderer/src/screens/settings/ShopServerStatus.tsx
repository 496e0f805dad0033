import type { SyncStatusView } from '@shared/domain';
import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../lib/format';
import { rejectionText } from '../../lib/sync-view';

/** Where this till sends its sales, what is still to send, and what the server refused. */
export function ShopServerStatus({ status, paired }: { status: SyncStatusView; paired: boolean }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <>
      <div className="sync-status" data-testid="sync-status" data-state={status.state}>
        <strong>{t(`shopServer.state.${status.state}`)}</strong>
        {paired && status.serverUrl && (
          <div className="hint">{t('shopServer.pairedAs', { name: status.tillName ?? '', url: status.serverUrl })}</div>
        )}
        {paired && status.pending > 0 && (
          <div data-testid="sync-pending">{t('shopServer.pending', { count: status.pending })}</div>
        )}
        {paired && status.lastSyncedAt && (
          <div className="hint">{t('shopServer.lastSynced', { time: formatTime(status.lastSyncedAt, lang) })}</div>
        )}
        {paired && <div data-testid="sync-push">{t(`shopServer.push.${status.pushChannel}`)}</div>}
      </div>
      {status.rejected.length > 0 && (
        <div className="sync-rejected" data-testid="sync-rejected">
          <strong>{t('shopServer.rejectedTitle')}</strong>
          <ul>
            {status.rejected.slice(0, 5).map((r) => (
              <li key={r.seq}>
                #{r.seq} {r.entityId}: {rejectionText(r.code)} <small className="hint">({r.reason})</small>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
