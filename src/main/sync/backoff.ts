/** Exponential backoff with ±20% jitter: first, 2x, 4x … capped. `failures` counts from 1. */
export function backoffDelay(failures: number, firstMs: number, maxMs: number, random: () => number): number {
  const base = Math.min(maxMs, firstMs * 2 ** Math.min(Math.max(failures - 1, 0), 16));
  return Math.round(base * (0.8 + random() * 0.4));
}

/** A sleep that `wake()` can cut short (new work arrived) and `stop` always ends. */
export class Waker {
  private resolve: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  sleep(ms: number): Promise<void> {
    this.wake();
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.wake(), ms);
      this.timer.unref?.();
    });
  }

  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const r = this.resolve;
    this.resolve = null;
    r?.();
  }
}
