import type { PaceClock } from './pace-clock';

/**
 * The clock a QR's expiry (and the end of a late-payment watch) is judged by: the earlier
 * of ours and Pakasir's. Pakasir's is read from the Date header of its last answer and
 * carried forward on the monotonic pace clock, so a step of our wall clock cannot move it.
 * A till whose clock runs fast, or was just set hours ahead, never declares a QR expired
 * while it can still be paid.
 */
export class ExpiryClock {
  private server: { serverMs: number; paceAt: number } | null = null;

  constructor(
    private readonly wall: () => number,
    private readonly pace: PaceClock,
  ) {}

  now(): number {
    const ours = this.wall();
    if (!this.server) return ours;
    return Math.min(ours, this.server.serverMs + (this.pace.now() - this.server.paceAt));
  }

  /** A Date header from Pakasir (whole seconds: its true moment is up to 1 s later). */
  noteServerDate(serverDate: string | null): void {
    if (!serverDate) return;
    const at = Date.parse(serverDate);
    if (Number.isFinite(at)) this.server = { serverMs: at, paceAt: this.pace.now() };
  }
}
