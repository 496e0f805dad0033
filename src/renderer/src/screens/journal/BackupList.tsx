import type { JournalBackupView, JournalStatus } from '@shared/domain';
import { useLanguage, useT } from '../../i18n';
import { formatBytes, formatDateTime } from '../../lib/format';

/** The kept backups, newest first as main lists them, each with its restore button. */
export function BackupList({
  status,
  canRestore,
  onRestore,
}: {
  status: JournalStatus;
  canRestore: boolean;
  onRestore: (backup: JournalBackupView) => void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="journal-card">
      <h2>{t('journal.backups', { keep: status.keepBackups })}</h2>
      {status.backups.length === 0 ? (
        <p className="hint">{t('journal.noBackups')}</p>
      ) : (
        <table className="table" data-testid="journal-backups">
          <tbody>
            {status.backups.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt, lang)}</td>
                <td>{t(`journal.backupKind.${b.kind}`)}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={!canRestore}
                    data-testid="journal-restore"
                    onClick={() => onRestore(b)}
                  >
                    {t('journal.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('journal.backupDir', { path: status.backupDir })}</p>
    </section>
  );
}
