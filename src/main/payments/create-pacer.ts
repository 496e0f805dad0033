import { monotonicClock, type PaceClock } from './pace-clock';

/**
 * Spaces transaction creates: Pakasir allows about two per second per project. A cashier
 * never hits it alone, but several terminals or a recovery of many sales could. Spaced on
 * the monotonic pace clock: after a wall-clock step back, a create must not wait for hours.
 */
export class CreatePacer {
  private next = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly minSpacingMs: number,
    private readonly clock: PaceClock = monotonicClock,
  ) {}

  async turn(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next);
    this.next = at + this.minSpacingMs;
    if (at > now) await this.clock.sleep(at - now);
  }
}
