import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { usePos } from '../../stores/pos-store';

/** Settings: the result of the background check and the newest backup, so the owner can see both are working. */
export function JournalCard() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const journal = usePos((s) => s.journal);
  if (!journal) return null;
  const time = formatDateTime(journal.check.at, lang);
  const daily = journal.backups.filter((b) => b.kind === 'daily').length;
  return (
    <fieldset className="card" data-testid="journal-card">
      <legend>{t('journal.card')}</legend>
      <p
        className={journal.check.state === 'damaged' ? 'error-text' : journal.check.state === 'ok' ? 'ok-text' : 'hint'}
      >
        {t(`journal.check.${journal.check.state}`, { time })}
      </p>
      <p className="hint">
        {journal.lastBackupAt
          ? t('journal.lastBackup', {
              time: formatDateTime(journal.lastBackupAt, lang),
              count: daily,
              keep: journal.keepBackups,
            })
          : t('journal.noBackupYet')}
      </p>
      <p className="hint mono">{journal.backupDir}</p>
    </fieldset>
  );
}
