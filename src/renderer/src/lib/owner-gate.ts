import { OWNER_CALLS } from '@shared/contract/api';
import type { AccessView } from '@shared/counter';
import type { PosApi } from '../api/pos-api';

/**
 * Owner-only calls that meet a locked till ask for the owner's PIN and try once more,
 * instead of failing with a message the cashier can do nothing with. Main stays the
 * enforcer: this only reacts to its owner_required answer, and the retry is checked again.
 *
 * `ask` opens the PIN pad and resolves true once main accepted the owner's PIN, false when
 * the cashier backed out (or no owner PIN exists to enter): then the first refusal stands.
 */
export function withOwnerGate(api: PosApi, ask: () => Promise<boolean>): PosApi {
  const gated = { ...api } as Record<string, unknown>;
  for (const name of OWNER_CALLS) {
    const call = api[name] as (input: unknown) => Promise<unknown>;
    gated[name] = async (input: unknown) => {
      try {
        return await call(input);
      } catch (e) {
        if (!isOwnerRequired(e) || !(await ask())) throw e;
        return call(input);
      }
    };
  }
  return gated as PosApi;
}

export function isOwnerRequired(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'owner_required';
}

/**
 * One PIN pad for any number of owner-only calls refused at once (two sections saving
 * together): they all wait on the same answer.
 */
export function sharedAsk(open: () => Promise<boolean>): () => Promise<boolean> {
  let pending: Promise<boolean> | null = null;
  return () => {
    pending ??= open().finally(() => {
      pending = null;
    });
    return pending;
  };
}

/** Owner-only actions are refused now: an owner PIN exists and the owner has not unlocked. */
export function ownerLocked(access: AccessView | null): boolean {
  return !!access && access.ownerPinSet && !access.ownerUnlocked;
}
