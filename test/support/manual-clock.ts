import type { PaceClock } from '../../src/main/payments/pace-clock';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/** Lets promise chains (and any I/O callbacks already due) run before time moves on. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}

/**
 * A pace clock the test moves by hand: time only passes in advance(), timers fire in
 * order of their due time, and what a timer starts runs to its next wait before time moves
 * on. Assertions then read the clock the code under test used, so they cannot flake.
 */
export class ManualClock implements PaceClock {
  private t: number;
  private seq = 0;
  private pending: Pending[] = [];

  /**
   * `idle` resolves when the code under test has nothing in flight outside this clock (an
   * HTTP request, say): time moves on only after it.
   */
  constructor(
    start = 1_000_000,
    private readonly idle: () => Promise<void> = async () => undefined,
  ) {
    this.t = start;
  }

  private async quiet(): Promise<void> {
    await settle();
    await this.idle();
    await settle();
  }

  now(): number {
    return this.t;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const entry: Pending = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
      const cancel = this.setTimer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        cancel();
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** How many timers are waiting. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await this.quiet();
      const next = this.next();
      if (!next || next.at > end) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
    await this.quiet();
  }

  /** Fires timers in order until none is left, or `maxMs` has passed. */
  async runAll(maxMs = 3_600_000): Promise<void> {
    const end = this.t + maxMs;
    for (;;) {
      await this.quiet();
      const next = this.next();
      if (!next || next.at > end) return;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
  }

  /** Fires timers in order until `done()` holds; throws if it still does not after `maxMs`. */
  async runUntil(done: () => boolean, maxMs: number, what = 'the condition'): Promise<void> {
    const end = this.t + maxMs;
    for (;;) {
      await this.quiet();
      if (done()) return;
      const next = this.next();
      if (!next || next.at > end) throw new Error(`${what} did not happen within ${maxMs} ms of pace-clock time`);
      this.pending = this.pending.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
  }

  private next(): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending) if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    return best;
  }
}
