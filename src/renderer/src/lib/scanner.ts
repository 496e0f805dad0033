/**
 * A barcode scanner is a keyboard that types very fast: a burst of characters ending with
 * Enter. A person typing on the keypad leaves far longer gaps. The detector sees every key
 * with its time from a monotonic clock (never the wall clock, which can step), and answers
 * at Enter whether the keys since the last long gap were a scan.
 *
 * The first key of a burst cannot be told from a person's: its effects happen, and
 * `onBurstStart` lets the screen note what to put back (the amount, a search box) when the
 * burst turns out to be a scan, so a scanned code never stays in the amount.
 */
export interface ScannerOptions {
  /** Longest gap between two keys of one scan. Scanners type a key every 2-20 ms. */
  maxGapMs?: number;
  /** Fewest characters a scan has (EAN-8 is the shortest common code). */
  minLength?: number;
}

export type ScanVerdict = { scan: false } | { scan: true; code: string };

export class ScanDetector {
  private buffer = '';
  private last = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(options: ScannerOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 6;
  }

  /**
   * One key at monotonic time `at` (ms). Answers 'start' when this key begins a new burst
   * (the screen should note what to restore), 'more' when it continues one.
   */
  key(key: string, at: number): 'start' | 'more' | 'ignored' {
    if (key.length !== 1) {
      this.reset();
      return 'ignored';
    }
    const fresh = at - this.last > this.maxGapMs;
    this.last = at;
    if (fresh) this.buffer = '';
    this.buffer += key;
    return fresh ? 'start' : 'more';
  }

  /** Enter at time `at`: a scan when it closes a fast burst long enough to be a code. */
  enter(at: number): ScanVerdict {
    const quick = at - this.last <= this.maxGapMs;
    const code = this.buffer;
    this.reset();
    return quick && code.length >= this.minLength ? { scan: true, code } : { scan: false };
  }

  reset(): void {
    this.buffer = '';
    this.last = -Infinity;
  }
}
