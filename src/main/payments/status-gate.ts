import { capWait, monotonicClock, type PaceClock } from './pace-clock';
import { earliestNextCall, type PaceOptions } from './poll-schedule';

/**
 * Every status call for any transaction goes through one gate: the poller, the cashier's
 * "check now", the cancel race check and reconciliation. The gate holds the per-transaction
 * minimum interval and a global cap on calls in flight, so no caller can exceed Pakasir's
 * limits however they are combined. Its times are on the monotonic pace clock, so a step of
 * the wall clock neither holds a call for hours nor lets one through too soon.
 */
export class StatusGate {
  private readonly lastCall = new Map<string, number>();
  /** Per-transaction "not before" times from a Retry-After, whoever made the call. */
  private readonly notBefore = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private readonly perKey = new Map<string, Promise<unknown>>();
  private readonly startedAt: number;

  private readonly now: () => number;

  constructor(
    private readonly maxInFlight: number,
    private readonly clock: PaceClock = monotonicClock,
  ) {
    this.now = () => clock.now();
    // A previous run may have asked about any transaction just before it stopped, and its
    // call times died with it: until one full interval has passed, treat every transaction
    // as asked at start.
    this.startedAt = this.now();
  }

  /** Runs `fn` for transaction `key` once the pace allows and a slot is free. */
  async run<T>(key: string, pace: PaceOptions, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    // Calls for one key are serialised, so two callers cannot both pass the interval check.
    const previous = this.perKey.get(key) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.runNow(key, pace, fn, signal));
    this.perKey.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.perKey.get(key) === mine) this.perKey.delete(key);
    }
  }

  /** Milliseconds until `key` may be called again (0 when it may be called now). */
  waitFor(key: string, pace: PaceOptions): number {
    const paced = earliestNextCall(this.lastCall.get(key) ?? this.startedAt, pace);
    return capWait(Math.max(0, paced - this.now(), (this.notBefore.get(key) ?? 0) - this.now()));
  }

  private async runNow<T>(key: string, pace: PaceOptions, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    // Timers may fire a millisecond early: wait until the pace truly allows.
    for (let wait = this.waitFor(key, pace); wait > 0; wait = this.waitFor(key, pace))
      await this.clock.sleep(wait, signal);
    await this.acquire(signal);
    try {
      this.lastCall.set(key, this.now());
      return await fn();
    } catch (err) {
      const retryAfterMs = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
      if (typeof retryAfterMs === 'number' && retryAfterMs > 0)
        this.notBefore.set(key, this.now() + capWait(retryAfterMs));
      throw err;
    } finally {
      // Pakasir counts its limit from when a request arrives, and a request may arrive at
      // any moment until its answer (or its timeout) comes back: a slow request sent 4 s
      // before the next one can arrive less than 4 s before it. So the interval counts from
      // the end of the call, the latest moment it can have arrived.
      this.lastCall.set(key, this.now());
      this.release();
      this.prune(pace);
    }
  }

  /** Old entries age out instead of being forgotten early (a forgotten key could be called too soon). */
  private prune(pace: PaceOptions): void {
    if (this.lastCall.size < 1000) return;
    const cutoff = this.now() - Math.max(60_000, pace.minIntervalMs * 4);
    for (const [key, at] of this.lastCall) if (at < cutoff) this.lastCall.delete(key);
    for (const [key, at] of this.notBefore) if (at < this.now()) this.notBefore.delete(key);
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight += 1;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    this.inFlight -= 1;
    const next = this.waiting.shift();
    if (next) next();
  }
}
