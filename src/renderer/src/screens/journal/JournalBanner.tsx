import { useT } from '../../i18n';
import { journalNeedsOwner } from '../../lib/journal-view';
import { usePos } from '../../stores/pos-store';

/** Damage found while the journal is open: new sales are paused, and the owner is told where to go. */
export function JournalBanner({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const journal = usePos((s) => s.journal);
  if (!journalNeedsOwner(journal)) return null;
  return (
    <div className="journal-banner" role="alert" data-testid="journal-banner">
      <span>{t('journal.banner')}</span>
      <button type="button" className="btn btn-small" data-testid="journal-banner-open" onClick={onOpen}>
        {t('journal.bannerAction')}
      </button>
    </div>
  );
}
