/**
 * The clock every wait in the engine runs on: status pacing, create spacing, poll timers.
 * Monotonic on purpose: a cashier or NTP may step the wall clock by hours, and a wait
 * measured on it then lasts hours (a paid sale left unseen, "check now" hanging) or nothing
 * (a burst over Pakasir's rate limit). Wall time stays for what is written in the journal
 * and for the expiry decision, which also asks Pakasir's own clock.
 *
 * Injectable so tests can drive time themselves.
 */
export interface PaceClock {
  /** Milliseconds on a clock that never steps (only differences mean anything). */
  now(): number;
  /** Resolves after `ms` of this clock; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `fn` after `ms`; returns a function that cancels it. Never keeps the process alive. */
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * No computed wait is longer than this, whatever went into it (a Retry-After of a day, an
 * HTTP date read against a wrong clock, a backoff): a sale is always looked at again.
 */
export const MAX_WAIT_MS = 10 * 60_000;

export function capWait(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_WAIT_MS);
}

export function sleepOn(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, capWait(ms));
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** performance.now() and the runtime's timers (which are monotonic in Node and Chromium). */
export const monotonicClock: PaceClock = {
  now: () => performance.now(),
  sleep: sleepOn,
  setTimer(fn, ms) {
    const handle = setTimeout(fn, capWait(ms));
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};
