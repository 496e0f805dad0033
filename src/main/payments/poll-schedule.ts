import type { GatewayErrorKind } from '../pakasir/gateway';
import { capWait } from './pace-clock';

/**
 * When to ask Pakasir again about one transaction. Pure: the scheduler feeds it what happened
 * and gets a delay back, so the pacing rules are unit-tested without timers.
 *
 * - Never sooner than the gateway's per-transaction limit (v2: one call per 4 s), plus a
 *   small margin for clock and network skew between us and the gateway.
 * - A 429 without Retry-After or a malformed answer is asked again at the normal pace (the
 *   rate limit already spaces the calls; backing off only hides a payment); a longer run
 *   of them, and any run of 5xx or network errors, backs off exponentially with jitter,
 *   capped. A Retry-After is honoured (capped too).
 * - Canceled and expired sales are watched for late payments at a slow, backing-off pace.
 */
export interface PaceOptions {
  /** The gateway's minimum interval for one transaction. */
  minIntervalMs: number;
  /** Our normal pace for a live sale (>= minIntervalMs). */
  baseIntervalMs: number;
  /** Safety margin added to the gateway minimum. */
  marginMs: number;
  maxBackoffMs: number;
  /** 0..1: +-fraction of jitter on backoff delays. */
  jitter: number;
}

/**
 * Pakasir counts its limit from when a request arrives. The status gate counts from when a
 * call ended (its answer, or its timeout), the latest moment it can have arrived, so the next
 * request arrives at least the interval after the previous one whatever the network did; this
 * margin covers only what remains: timers and clocks a few milliseconds off over 4 s. It
 * starts small (half of it, on average, is added to every sale's wait for its payment, and
 * at 100 ms it kept the engine's mean 5 % above the floor) and the engine widens it whenever
 * Pakasir answers 429 anyway (see MarginLearner).
 */
export const PACE_MARGIN_MS = 25;
export const MAX_PACE_MARGIN_MS = 1000;

export const V2_PACE: PaceOptions = {
  minIntervalMs: 4000,
  baseIntervalMs: 4000,
  marginMs: PACE_MARGIN_MS,
  maxBackoffMs: 60_000,
  jitter: 0.2,
};

export function pacedFor(minIntervalMs: number, baseIntervalMs: number, marginMs = PACE_MARGIN_MS): PaceOptions {
  // A gateway without a stated limit (v1) gets no margin: there is nothing to stay under.
  const margin = minIntervalMs >= 1000 ? marginMs : 0;
  return {
    minIntervalMs,
    baseIntervalMs: Math.max(baseIntervalMs, minIntervalMs),
    marginMs: margin,
    maxBackoffMs: 60_000,
    jitter: 0.2,
  };
}

/**
 * Widens the margin by a step on every 429, up to a second, and narrows it by a third of a
 * step on every clean answer, back to the start. Widening fast and narrowing slowly keeps
 * a margin that real network jitter needs, without keeping one incident's margin forever
 * (every millisecond of it is added to every check of every sale).
 */
export class MarginLearner {
  private margin = PACE_MARGIN_MS;
  get marginMs(): number {
    return this.margin;
  }
  rateLimited(): number {
    this.margin = Math.min(MAX_PACE_MARGIN_MS, this.margin + MARGIN_STEP_MS);
    return this.margin;
  }
  clean(): number {
    this.margin = Math.max(PACE_MARGIN_MS, this.margin - MARGIN_STEP_MS / 3);
    return this.margin;
  }
}

const MARGIN_STEP_MS = 150;

/** The earliest moment another call for this transaction may be sent. */
export function earliestNextCall(lastCallAt: number | null, pace: PaceOptions): number {
  return lastCallAt === null ? 0 : lastCallAt + pace.minIntervalMs + pace.marginMs;
}

/** Delay before the next check of a live sale, after `consecutiveErrors` failures in a row. */
export function liveDelay(
  consecutiveErrors: number,
  pace: PaceOptions,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  let delay = pace.baseIntervalMs + pace.marginMs;
  if (consecutiveErrors > 0) {
    const exp = Math.min(pace.maxBackoffMs, pace.baseIntervalMs * 2 ** Math.min(consecutiveErrors, 10));
    const spread = exp * pace.jitter;
    delay = Math.max(pace.minIntervalMs + pace.marginMs, exp - spread + random() * 2 * spread);
  }
  if (retryAfterMs !== null) delay = Math.max(delay, capWait(retryAfterMs) + pace.marginMs);
  return Math.round(capWait(delay));
}

/**
 * Errors in a row asked again at the normal pace before backing off. A 429 (the margin
 * learner has widened the pace already) or a malformed answer says Pakasir is up: three of
 * them are retried at the normal pace. A 5xx, a timeout or no connection may mean it is
 * struggling: the first is retried at the normal pace, a run of them backs off.
 */
export const FREE_RETRIES: Record<GatewayErrorKind, number> = {
  rate_limited: 3,
  invalid_answer: 3,
  server: 1,
  network: 1,
  timeout: 1,
  not_found: 1,
  auth: 1,
  rejected: 1,
  invalid_request: 1,
};

/** Delay before asking again after the `consecutiveErrors`-th failure in a row, the last of this kind. */
export function retryDelay(
  kind: GatewayErrorKind,
  consecutiveErrors: number,
  pace: PaceOptions,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  return liveDelay(Math.max(0, consecutiveErrors - FREE_RETRIES[kind]), pace, random, retryAfterMs);
}

/**
 * Late-payment watch: 30 s after the sale ended, doubling to at most 10 minutes; the watch
 * itself ends at the sale's watchUntil.
 */
export function watchDelay(checksSoFar: number, random: () => number, firstMs = 30_000): number {
  const base = Math.min(Math.max(600_000, firstMs), firstMs * 2 ** Math.min(checksSoFar, 5));
  return Math.round(base * (0.9 + random() * 0.2));
}
