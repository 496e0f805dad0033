/**
 * Spaces transaction creates: Pakasir allows about two per second per project. A cashier
 * never hits it alone, but several terminals or a recovery of many sales could.
 */
export class CreatePacer {
  private next = 0;
  constructor(
    private readonly minSpacingMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async turn(): Promise<void> {
    const at = Math.max(this.now(), this.next);
    this.next = at + this.minSpacingMs;
    const wait = at - this.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
