import { capWait, type PaceClock } from './pace-clock';

interface SaleTimer {
  cancel: () => void;
  /** When it fires, on the pace clock. */
  at: number;
}

/**
 * When each sale is next looked at: one timer per sale on the monotonic pace clock. A new
 * request only ever moves a sale's next step earlier, so a burst of reasons to check costs
 * one check.
 */
export class SaleSchedule {
  private readonly timers = new Map<string, SaleTimer>();

  constructor(
    private readonly clock: PaceClock,
    private readonly due: (orderId: string) => void,
  ) {}

  at(orderId: string, delayMs: number): void {
    const wait = capWait(delayMs);
    const at = this.clock.now() + wait;
    const existing = this.timers.get(orderId);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.clock.setTimer(() => {
      this.timers.delete(orderId);
      this.due(orderId);
    }, wait);
    this.timers.set(orderId, { cancel, at });
  }

  clear(orderId: string): void {
    this.timers.get(orderId)?.cancel();
    this.timers.delete(orderId);
  }

  clearAll(): void {
    for (const id of [...this.timers.keys()]) this.clear(id);
  }
}
