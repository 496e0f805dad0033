import type { OwnerReconcileTill, OwnerTill } from '@shared/owner/contract';
import { isMessageKey, t, type MessageKey } from '../i18n';
import type { OwnerApiError } from '../api/owner-api';

export interface OwnerShownError {
  code: string;
  text: string;
  issues: string[];
}

/** The owner's words for a refusal from the shop server. */
export function ownerErrorText(err: unknown): OwnerShownError {
  const code = (err as OwnerApiError | null)?.code ?? 'internal';
  const key = `owner.error.${code}`;
  return { code, text: t(isMessageKey(key) ? key : 'owner.error.internal'), issues: [] };
}

export type TillState = 'connected' | 'not_connected' | 'revoked';

export function tillState(till: Pick<OwnerTill, 'connected' | 'revokedAt'>): TillState {
  if (till.revokedAt) return 'revoked';
  return till.connected ? 'connected' : 'not_connected';
}

/** The tills a filter can pick from: active ones first, then removed ones, each by name. */
export function tillChoices(tills: OwnerTill[]): OwnerTill[] {
  return [...tills].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.name.localeCompare(b.name),
  );
}

/** What the reconciliation says about one till's sending, as message keys with their values. */
export function tillProblems(till: OwnerReconcileTill): { key: MessageKey; params?: Record<string, number> }[] {
  const out: { key: MessageKey; params?: Record<string, number> }[] = [];
  if (till.revokedAt) out.push({ key: 'owner.reconcile.revoked' });
  if (till.rejected > 0) out.push({ key: 'owner.reconcile.rejected', params: { count: till.rejected } });
  if (out.length === 0) out.push({ key: 'owner.reconcile.allGood' });
  return out;
}
