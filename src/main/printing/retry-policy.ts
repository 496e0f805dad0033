/**
 * How long the queue waits before asking a printer that failed again: doubling from one
 * second to a ceiling of fifteen, so a printer that was only switched off prints within
 * fifteen seconds of coming back, and a printer that is gone for the day costs one short
 * connection attempt every fifteen seconds. Jobs are never dropped for failing: they wait.
 */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 1000, maxDelayMs: 15_000, factor: 2 };

/** Delay before attempt `failures + 1`, after `failures` failures in a row (>= 1). */
export function retryDelay(policy: RetryPolicy, failures: number): number {
  const n = Math.max(1, failures);
  return Math.min(policy.maxDelayMs, Math.round(policy.firstDelayMs * policy.factor ** (n - 1)));
}

/** A monotonic clock and a timer, injected so tests and the app pace retries the same way. */
export interface Pacer {
  /** Milliseconds on a clock that never steps back (performance.now()). */
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
}

export const realPacer: Pacer = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};
