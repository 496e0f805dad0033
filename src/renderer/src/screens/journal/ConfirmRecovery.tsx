import type { JournalBackupView } from '@shared/domain';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';

export type PendingRecovery = { action: 'restore'; backup: JournalBackupView } | { action: 'start_new' };

/** Restoring or starting over replaces the journal in use: the owner says yes once more. */
export function ConfirmRecovery({
  pending,
  busy,
  onNo,
  onYes,
}: {
  pending: PendingRecovery;
  busy: boolean;
  onNo: () => void;
  onYes: () => void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <div className="modal-backdrop" role="presentation">
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="journal-confirm-title">
        <h2 id="journal-confirm-title">
          {pending.action === 'restore'
            ? t('journal.confirmRestoreTitle', { date: formatDateTime(pending.backup.createdAt, lang) })
            : t('journal.confirmNewTitle')}
        </h2>
        <p>{pending.action === 'restore' ? t('journal.confirmRestoreBody') : t('journal.confirmNewBody')}</p>
        <div className="modal-actions">
          <button type="button" className="btn" disabled={busy} onClick={onNo}>
            {t('confirm.no')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            autoFocus
            disabled={busy}
            data-testid="journal-confirm"
            onClick={onYes}
          >
            {busy ? t('journal.working') : t('journal.confirmYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
