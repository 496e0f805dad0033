import { earliestNextCall, type PaceOptions } from './poll-schedule';

/**
 * Every status call for any transaction goes through one gate: the poller, the cashier's
 * "check now", the cancel race check and reconciliation. The gate holds the per-transaction
 * minimum interval and a global cap on calls in flight, so no caller can exceed Pakasir's
 * limits however they are combined.
 */
export class StatusGate {
  private readonly lastCall = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private readonly perKey = new Map<string, Promise<unknown>>();

  constructor(
    private readonly maxInFlight: number,
    private readonly now: () => number = Date.now,
  ) {}

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
    return Math.max(0, earliestNextCall(this.lastCall.get(key) ?? null, pace) - this.now());
  }

  forget(key: string): void {
    this.lastCall.delete(key);
  }

  private async runNow<T>(key: string, pace: PaceOptions, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const wait = this.waitFor(key, pace);
    if (wait > 0) await sleep(wait, signal);
    await this.acquire(signal);
    try {
      // Measured when the request leaves, the moment the gateway's limit counts from.
      this.lastCall.set(key, this.now());
      return await fn();
    } finally {
      this.release();
    }
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

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
