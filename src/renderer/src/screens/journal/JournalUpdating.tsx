import type { JournalStatus } from '@shared/domain';
import { useT } from '../../i18n';
import { journalUpdatePercent } from '../../lib/journal-view';

/**
 * The start-up screen while a journal from an earlier version is copied and updated: a
 * year of sales takes minutes, and the cashier must see that the app is working and how far.
 */
export function JournalUpdating({ status }: { status: JournalStatus }) {
  const t = useT();
  const percent = journalUpdatePercent(status.update);
  const step = status.update?.step ?? 'backup';
  return (
    <div className="journal-screen" data-testid="journal-updating">
      <section className="journal-card journal-updating">
        <h1>{t('journal.updating.title')}</h1>
        <p className="journal-body">{t('journal.updating.body')}</p>
        <progress className="journal-progress" max={100} value={percent} data-testid="journal-update-progress" />
        <p className="journal-step" data-testid="journal-update-step">
          {t(`journal.updating.${step}`, { percent })}
        </p>
        <p className="hint">{t('journal.updating.keepOn')}</p>
      </section>
    </div>
  );
}
