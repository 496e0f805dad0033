import { useState } from 'react';
import type { JournalStatus } from '@shared/domain';
import type { JournalRecovery } from '@shared/contract/api';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { journalActions } from '../../lib/journal-view';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';
import { BackupList } from './BackupList';
import { ConfirmRecovery, type PendingRecovery } from './ConfirmRecovery';
import { JournalUpdating } from './JournalUpdating';

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
  const [pending, setPending] = useState<PendingRecovery | null>(null);
  const recover = useAction(async (input: JournalRecovery) => {
    usePos.getState().setJournal(await getPosApi().recoverJournal(input));
    return true;
  });
  const { busy, error } = recover;
  const problem = status.problem ?? 'damaged';
  const actions = journalActions(status);
  const blocked = actions.blockedBySales > 0;

  const run = async (input: JournalRecovery) => {
    const done = await recover.run(input);
    setPending(null);
    if (done && onBack) onBack();
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
        <BackupList
          status={status}
          canRestore={!busy && !blocked && actions.restore}
          onRestore={(backup) => setPending({ action: 'restore', backup })}
        />
      )}

      {status.detail && (
        <details className="journal-detail" data-testid="journal-detail">
          <summary>{t('journal.detailTitle')}</summary>
          <p className="mono">{status.detail}</p>
        </details>
      )}

      {pending && (
        <ConfirmRecovery
          pending={pending}
          busy={busy}
          onNo={() => setPending(null)}
          onYes={() =>
            void run(
              pending.action === 'restore'
                ? { action: 'restore', backup: pending.backup.name }
                : { action: 'start_new' },
            )
          }
        />
      )}
    </div>
  );
}
