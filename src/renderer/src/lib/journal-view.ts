import type { JournalProblem, JournalStatus, JournalUpdateProgress } from '@shared/domain';

export interface JournalActions {
  /** Restore one of the listed backups. */
  restore: boolean;
  /** Start a new journal, the old one kept. */
  startNew: boolean;
  /** Open again as it is (after the owner fixed the disk, the permissions, the app version). */
  retry: boolean;
  /** Why restore and start-new must wait: sales still open in a damaged, open journal. */
  blockedBySales: number;
}

/** Problems the owner fixes outside the app; replacing the journal would not help. */
const FIX_OUTSIDE: ReadonlySet<JournalProblem> = new Set(['read_only', 'disk_full', 'newer_version']);
/** Problems where putting the file back (or a disk that recovers) may be enough. */
const RETRY_HELPS: ReadonlySet<JournalProblem> = new Set([
  'read_only',
  'disk_full',
  'newer_version',
  'missing',
  'unreadable',
]);

/** What the owner's journal screen offers for a status. Main enforces the same rules. */
export function journalActions(status: JournalStatus): JournalActions {
  const problem = status.problem;
  if (!problem) return { restore: false, startNew: false, retry: false, blockedBySales: 0 };
  if (status.state === 'open') {
    // Open with damage found by the background check: the way out is to replace it.
    return { restore: status.backups.length > 0, startNew: true, retry: false, blockedBySales: status.openSales };
  }
  const replaceable = !FIX_OUTSIDE.has(problem);
  return {
    restore: replaceable && status.backups.length > 0,
    startNew: replaceable,
    retry: RETRY_HELPS.has(problem),
    blockedBySales: 0,
  };
}

/** The journal screen takes the place of the keypad while the journal is closed or being updated. */
export function journalBlocksCounter(status: JournalStatus | null): boolean {
  return status?.state === 'closed' || status?.state === 'updating';
}

/**
 * How far the update is, 0-100, over its two steps: the copy of the old journal counts for
 * the first half and the update itself for the second, so the bar never goes back.
 */
export function journalUpdatePercent(update: JournalUpdateProgress | null | undefined): number {
  if (!update) return 0;
  const part = update.total > 0 ? Math.min(1, Math.max(0, update.done / update.total)) : 0;
  return Math.floor((update.step === 'backup' ? part / 2 : 0.5 + part / 2) * 100);
}

/** The alarm banner: open, but the background check found damage. */
export function journalNeedsOwner(status: JournalStatus | null): boolean {
  return status?.state === 'open' && status.problem === 'damaged';
}
