/**
 * Wrong PINs, per person: the first five in a row cost nothing (a finger slips); then each
 * further wrong PIN locks that person's PIN for a while, doubling from 30 seconds to at most
 * 15 minutes (5 + 10 wrong PINs take over two hours, so a 4-digit PIN is not guessed in a
 * shift). A right PIN clears the count. While locked, a PIN is not even checked, and nothing
 * changes. The count lives in the journal (the owner's beside it), so a restart does not
 * reset it.
 */
export const PIN_POLICY = {
  freeAttempts: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
} as const;

/** How long a PIN stays locked after `failed` wrong ones in a row. */
export function lockDuration(failed: number): number {
  if (failed < PIN_POLICY.freeAttempts) return 0;
  const doublings = Math.min(20, failed - PIN_POLICY.freeAttempts);
  return Math.min(PIN_POLICY.maxLockMs, PIN_POLICY.firstLockMs * 2 ** doublings);
}

export interface FailureRecord {
  failed: number;
  /** Wall time of the last wrong PIN, as journaled (ISO), or null. */
  lastFailedAt: string | null;
}

/**
 * When each person's PIN may be tried again, on the monotonic clock. The lock started in
 * this run is measured monotonically (a clock step cannot end or stretch it); a lock found
 * in the journal at start is resumed from the wall clock, clamped to the policy, so a clock
 * set back cannot make it longer than it was and a restart cannot end it early.
 */
export class PinLocks {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly mono: () => number,
    private readonly wall: () => Date,
  ) {}

  /** Milliseconds left on this person's lock; 0 when a PIN may be tried. */
  remaining(who: string, record: FailureRecord): number {
    const duration = lockDuration(record.failed);
    if (duration === 0) {
      this.until.delete(who);
      return 0;
    }
    let until = this.until.get(who);
    if (until === undefined) {
      const last = record.lastFailedAt ? Date.parse(record.lastFailedAt) : Number.NaN;
      const left = Number.isFinite(last) ? last + duration - this.wall().getTime() : duration;
      until = this.mono() + Math.min(duration, Math.max(0, left));
      this.until.set(who, until);
    }
    return Math.max(0, Math.ceil(until - this.mono()));
  }

  /** A wrong PIN was just journaled: the count is now `failed`. */
  failed(who: string, failed: number): void {
    const duration = lockDuration(failed);
    if (duration === 0) this.until.delete(who);
    else this.until.set(who, this.mono() + duration);
  }

  cleared(who: string): void {
    this.until.delete(who);
  }
}
