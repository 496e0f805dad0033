import type { SyncStatusView } from '@shared/domain';
import { isMessageKey, t } from '../i18n';

export type SyncBannerKind = 'revoked' | 'diverged' | 'rejected' | 'copied';

/**
 * Which banner the cashier window shows for the shop server link, if any. Only what needs a
 * person: a till the owner removed, records that disagree, or entries the server refused.
 * A server that is merely away is no news at the counter (everything waits in the journal).
 */
export function syncBanner(s: SyncStatusView | null): SyncBannerKind | null {
  if (!s) return null;
  if (s.state === 'revoked') return 'revoked';
  if (s.state === 'diverged') return 'diverged';
  if (s.state === 'unpaired_copy') return 'copied';
  if (s.rejected.length > 0) return 'rejected';
  return null;
}

/** A refusal reason in the shopkeeper's words, from the server's code. */
export function rejectionText(code: string): string {
  const key = `syncReject.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The newer of two status views: an older one arriving late must not win. */
export function newerSync(current: SyncStatusView | null, next: SyncStatusView): SyncStatusView {
  return current && current.seq > next.seq ? current : next;
}
