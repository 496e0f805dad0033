import { localParts } from '../orders/local-time';

/** From `from` on (UTC ms), the zone is `offsetS` seconds ahead of UTC. */
export interface OffsetSpan {
  from: number;
  offsetS: number;
}

const DAY_MS = 86_400_000;

function offsetSeconds(ms: number, timeZone: string): number {
  const p = localParts(new Date(ms), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 1000);
}

/** The first second in (lo, hi] at which the offset is no longer the one at lo. */
function transitionBetween(lo: number, hi: number, timeZone: string): number {
  const before = offsetSeconds(lo, timeZone);
  let a = Math.floor(lo / 1000);
  let b = Math.floor(hi / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetSeconds(mid * 1000, timeZone) === before) a = mid;
    else b = mid;
  }
  return b * 1000;
}

/**
 * The zone's offsets over [startMs, endMs]: one span for a zone without daylight saving
 * (Asia/Jakarta), a new span at each change otherwise. The zone is asked once a day and a
 * change is pinned to its second, so converting a million sales costs a few hundred
 * look-ups instead of a million. Assumes at most one change per day, as in every zone's
 * rules; before startMs the first offset holds and after endMs the last.
 */
export function zoneOffsetSpans(startMs: number, endMs: number, timeZone: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from: Number.NEGATIVE_INFINITY, offsetS: offsetSeconds(startMs, timeZone) }];
  for (let day = startMs; day < endMs; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, endMs);
    const offsetS = offsetSeconds(next, timeZone);
    if (offsetS !== spans[spans.length - 1]!.offsetS) {
      spans.push({ from: transitionBetween(day, next, timeZone), offsetS });
    }
  }
  return spans;
}
