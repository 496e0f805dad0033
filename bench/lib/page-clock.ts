/**
 * Where a page's clock stands against the bench's Node clock.
 *
 * Both read `performance.timeOrigin + performance.now()`: the wall clock when the process (or
 * the page) started, plus monotonic time since. Each origin is read once, so two processes
 * agree only if the wall clock kept pace with the monotonic clock between their starts. It
 * need not: while the system corrects its wall clock it slews it (measured on a bench machine:
 * 5 ms per second), and pages opened a second and a half after Node read 8 ms ahead of it, the
 * customer display 1.5 ms ahead of the cashier. A sale's times cross processes (click in one
 * page, create in Node, frame in the other page), so each page's offset is measured
 * once it is ready, and taken off everything the page reports. It stays put for the page's
 * life: after its origin both clocks run at the monotonic rate.
 */

/** One probe: Node's clock before asking, the page's answer, Node's clock when it came. */
export interface ClockProbe {
  sentAt: number;
  pageAt: number;
  receivedAt: number;
}

export interface ClockOffset {
  /** Page clock minus Node clock, ms. */
  offsetMs: number;
  /** Half the round trip of the probe it came from: the page read its clock within this of the midpoint. */
  uncertaintyMs: number;
}

/**
 * The offset from the quickest probe: the page read its clock somewhere inside the round trip,
 * and the shortest round trip leaves it the least room. The midpoint is the estimate.
 */
export function clockOffset(probes: readonly ClockProbe[]): ClockOffset {
  let best: ClockProbe | null = null;
  for (const p of probes) {
    const rtt = p.receivedAt - p.sentAt;
    if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(p.pageAt)) continue;
    if (!best || rtt < best.receivedAt - best.sentAt) best = p;
  }
  if (!best) throw new Error('no usable clock probe');
  const mid = (best.sentAt + best.receivedAt) / 2;
  return { offsetMs: best.pageAt - mid, uncertaintyMs: (best.receivedAt - best.sentAt) / 2 };
}
