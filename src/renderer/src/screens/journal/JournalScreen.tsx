import { useState } from 'react';
import type { JournalBackupView, JournalStatus } from '@shared/domain';
import type { JournalRecovery } from '@shared/contract/api';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useLanguage, useT } from '../../i18n';
import { describeError, type ShownError } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { journalActions } from '../../lib/journal-view';
import { usePos } from '../../stores/pos-store';
import { JournalUpdating } from './JournalUpdating';

type Pending = { action: 'restore'; backup: JournalBackupView } | { action: 'start_new' };

/**
 * The owner's screen when the sales journal cannot be used: what happened in plain words,
 * where the untouched copy is, and the ways out main offers (restore a backup, start a new
 * journal with the old one kept, try again). Shown instead of the keypad while the journal
 * is closed (or, with its progress, while it is updated), and from the alarm banner when the
 * background check found damage.
 */
export function JournalScreen({ status, onBack }: { status: JournalStatus; onBack?: () => void }) {
  if (status.state === 'updating') return <JournalUpdating status={status} />;
  return <JournalProblemScreen status={status} onBack={onBack} />;
}

function JournalProblemScreen({ status, onBack }: { status: JournalStatus; onBack?: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const problem = status.problem ?? 'damaged';
  const actions = journalActions(status);
  const blocked = actions.blockedBySales > 0;

  const run = async (input: JournalRecovery) => {
    setBusy(true);
    setError(null);
    try {
      usePos.getState().setJournal(await getPosApi().recoverJournal(input));
      setPending(null);
      if (onBack) onBack();
    } catch (e) {
      setError(describeError(e));
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="journal-screen" data-testid="journal-screen" data-problem={problem}>
      <section className="journal-card">
        <h1 data-testid="journal-title">{t(`journal.title.${problem}`)}</h1>
        <p className="journal-body">{t(`journal.body.${problem}`)}</p>
        {status.state === 'open' && <p className="warn-text">{t('journal.paused')}</p>}
        {blocked && (
          <p className="warn-text" data-testid="journal-open-sales">
            {t('journal.openSales', { count: actions.blockedBySales })}
          </p>
        )}
        {status.quarantineDir && (
          <div className="journal-kept" data-testid="journal-kept">
            <span>{t('journal.kept')}</span>
            <span className="mono">{status.quarantineDir}</span>
          </div>
        )}

        <div className="journal-actions">
          {actions.retry && (
            <button
              type="button"
              className="btn btn-primary btn-big"
              disabled={busy}
              data-testid="journal-retry"
              onClick={() => void run({ action: 'retry' })}
            >
              {t('journal.retry')}
            </button>
          )}
          {actions.startNew && (
            <button
              type="button"
              className="btn btn-big"
              disabled={busy || blocked}
              data-testid="journal-start-new"
              onClick={() => setPending({ action: 'start_new' })}
            >
              {t('journal.startNew')}
            </button>
          )}
          {onBack && (
            <button type="button" className="btn btn-big" data-testid="journal-back" onClick={onBack}>
              {t('journal.back')}
            </button>
          )}
        </div>
        {error && <ErrorBox error={error} />}
      </section>

      {(actions.restore || actions.startNew) && (
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
                        disabled={busy || blocked || !actions.restore}
                        data-testid="journal-restore"
                        onClick={() => setPending({ action: 'restore', backup: b })}
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
      )}

      {status.detail && (
        <details className="journal-detail" data-testid="journal-detail">
          <summary>{t('journal.detailTitle')}</summary>
          <p className="mono">{status.detail}</p>
        </details>
      )}

      {pending && (
        <div className="modal-backdrop" role="presentation">
          <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="journal-confirm-title">
            <h2 id="journal-confirm-title">
              {pending.action === 'restore'
                ? t('journal.confirmRestoreTitle', { date: formatDateTime(pending.backup.createdAt, lang) })
                : t('journal.confirmNewTitle')}
            </h2>
            <p>{pending.action === 'restore' ? t('journal.confirmRestoreBody') : t('journal.confirmNewBody')}</p>
            <div className="modal-actions">
              <button type="button" className="btn" disabled={busy} onClick={() => setPending(null)}>
                {t('confirm.no')}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                autoFocus
                disabled={busy}
                data-testid="journal-confirm"
                onClick={() =>
                  void run(
                    pending.action === 'restore'
                      ? { action: 'restore', backup: pending.backup.name }
                      : { action: 'start_new' },
                  )
                }
              >
                {busy ? t('journal.working') : t('journal.confirmYes')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
