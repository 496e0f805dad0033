import { describe, expect, it } from 'vitest';
import {
  earliestNextCall,
  liveDelay,
  MarginLearner,
  MAX_PACE_MARGIN_MS,
  pacedFor,
  PACE_MARGIN_MS,
  retryDelay,
  V2_PACE,
  watchDelay,
} from '../../../src/main/payments/poll-schedule';
import { CreatePacer } from '../../../src/main/payments/create-pacer';
import { MAX_WAIT_MS } from '../../../src/main/payments/pace-clock';
import { StatusGate } from '../../../src/main/payments/status-gate';
import { ManualClock } from '../../support/manual-clock';

describe('poll pacing', () => {
  it('never schedules a v2 check sooner than the 4 s limit, whatever the jitter', () => {
    for (const r of [0, 0.5, 0.999]) {
      for (let errors = 0; errors < 12; errors++) {
        expect(liveDelay(errors, V2_PACE, () => r)).toBeGreaterThanOrEqual(4000);
      }
    }
  });

  it('backs off on consecutive errors, capped', () => {
    const d = [0, 1, 2, 3, 8].map((n) => liveDelay(n, V2_PACE, () => 0.5));
    expect(d[1]).toBeGreaterThan(d[0]!);
    expect(d[2]).toBeGreaterThan(d[1]!);
    expect(d[4]).toBeLessThanOrEqual(V2_PACE.maxBackoffMs * (1 + V2_PACE.jitter));
  });

  it('honours Retry-After even when it is longer than the backoff', () => {
    expect(liveDelay(0, V2_PACE, () => 0.5, 30_000)).toBeGreaterThanOrEqual(30_000);
  });

  it('uses the configured v1 pace but never below the gateway minimum', () => {
    const pace = pacedFor(2000, 500);
    expect(liveDelay(0, pace, () => 0.5)).toBeGreaterThanOrEqual(2000);
    expect(earliestNextCall(10_000, pace)).toBeGreaterThanOrEqual(12_000);
  });

  it('widens the margin over the 4 s limit after each 429, up to a second', () => {
    const m = new MarginLearner();
    expect(m.marginMs).toBe(PACE_MARGIN_MS);
    const widened = m.rateLimited();
    expect(widened).toBeGreaterThan(PACE_MARGIN_MS);
    for (let i = 0; i < 20; i++) m.rateLimited();
    expect(m.marginMs).toBe(MAX_PACE_MARGIN_MS);
    expect(earliestNextCall(0, pacedFor(4000, 4000, m.marginMs))).toBe(4000 + MAX_PACE_MARGIN_MS);
  });

  it('narrows the margin slowly on clean answers, back to where it started', () => {
    const m = new MarginLearner();
    for (let i = 0; i < 3; i++) m.rateLimited();
    const widened = m.marginMs;
    expect(m.clean()).toBeLessThan(widened);
    expect(m.marginMs).toBeGreaterThan(PACE_MARGIN_MS);
    for (let i = 0; i < 50; i++) m.clean();
    expect(m.marginMs).toBe(PACE_MARGIN_MS);
  });

  it('asks again at the normal pace after a few 429s or malformed answers, then backs off', () => {
    const normal = liveDelay(0, V2_PACE, () => 0.5);
    for (const kind of ['rate_limited', 'invalid_answer'] as const) {
      for (const n of [1, 2, 3]) expect(retryDelay(kind, n, V2_PACE, () => 0.5)).toBe(normal);
      expect(retryDelay(kind, 4, V2_PACE, () => 0.5)).toBeGreaterThan(normal);
    }
    // A 5xx or a lost connection: once at the normal pace, then backing off.
    expect(retryDelay('server', 1, V2_PACE, () => 0.5)).toBe(normal);
    expect(retryDelay('network', 2, V2_PACE, () => 0.5)).toBeGreaterThan(normal);
    // A Retry-After still wins, capped like every wait.
    expect(retryDelay('rate_limited', 1, V2_PACE, () => 0.5, 30_000)).toBeGreaterThanOrEqual(30_000);
    expect(retryDelay('rate_limited', 1, V2_PACE, () => 0.5, 86_400_000)).toBe(MAX_WAIT_MS);
  });

  it('watches late payments slowly and ever slower, up to ten minutes', () => {
    const d = [0, 1, 2, 10].map((n) => watchDelay(n, () => 0.5));
    expect(d[0]).toBeGreaterThanOrEqual(27_000);
    expect(d[1]).toBeGreaterThan(d[0]!);
    expect(d[3]).toBeLessThanOrEqual(660_000);
  });
});

describe('StatusGate (on a clock the test moves)', () => {
  it('serialises calls for one transaction and spaces them by the minimum interval', async () => {
    const clock = new ManualClock();
    const gate = new StatusGate(3, clock);
    const pace = pacedFor(40, 40);
    const sent: number[] = [];
    const call = () => gate.run('txn-1', pace, async () => void sent.push(clock.now()));
    const all = Promise.all([call(), call(), call()]);
    await clock.runAll();
    await all;
    expect(sent).toHaveLength(3);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(40);
    expect(sent[2]! - sent[1]!).toBeGreaterThanOrEqual(40);
  });

  it('holds the first call for any transaction until one interval after start (a previous run may just have called)', async () => {
    const clock = new ManualClock();
    const started = clock.now();
    const gate = new StatusGate(3, clock);
    let at = 0;
    const call = gate.run('txn-never-seen', pacedFor(60, 60), async () => void (at = clock.now()));
    await clock.runAll();
    await call;
    expect(at - started).toBeGreaterThanOrEqual(60);
  });

  it('keeps a Retry-After for the transaction, whoever calls next', async () => {
    const clock = new ManualClock();
    const gate = new StatusGate(3, clock);
    const pace = pacedFor(0, 0);
    await expect(
      gate.run('txn-2', pace, async () => {
        throw Object.assign(new Error('429'), { retryAfterMs: 120 });
      }),
    ).rejects.toThrow('429');
    const refusedAt = clock.now();
    let at = 0;
    const call = gate.run('txn-2', pace, async () => void (at = clock.now()));
    await clock.runAll();
    await call;
    expect(at - refusedAt).toBeGreaterThanOrEqual(120);
  });

  it('counts a call from when it ended: a slow request may have reached Pakasir that late', async () => {
    const clock = new ManualClock();
    const gate = new StatusGate(3, clock);
    const pace = pacedFor(4000, 4000, 100);
    await clock.advance(5000);
    // One call answered slowly, one that timed out: either may have arrived at its end.
    const slow = gate.run('txn-4', pace, async () => void (await clock.sleep(700)));
    await clock.runAll();
    await slow;
    const answeredAt = clock.now();
    let at = 0;
    const next = gate.run('txn-4', pace, async () => void (at = clock.now()));
    await clock.runAll();
    await next;
    expect(at - answeredAt).toBeGreaterThanOrEqual(4100);

    const timedOut = gate
      .run('txn-5', pace, async () => {
        await clock.sleep(2000);
        throw Object.assign(new Error('timeout'), { kind: 'timeout' });
      })
      .catch((e: unknown) => e);
    await clock.runAll();
    expect(await timedOut).toMatchObject({ kind: 'timeout' });
    const failedAt = clock.now();
    const after = gate.run('txn-5', pace, async () => void (at = clock.now()));
    await clock.runAll();
    await after;
    expect(at - failedAt).toBeGreaterThanOrEqual(4100);
  });

  it('never holds a call longer than the wait cap, whatever Retry-After said', async () => {
    const clock = new ManualClock();
    const gate = new StatusGate(3, clock);
    const pace = pacedFor(0, 0);
    await expect(
      gate.run('txn-3', pace, async () => {
        throw Object.assign(new Error('429'), { retryAfterMs: 86_400_000 });
      }),
    ).rejects.toThrow('429');
    expect(gate.waitFor('txn-3', pace)).toBe(MAX_WAIT_MS);
  });

  it('never has more calls in flight than allowed', async () => {
    const clock = new ManualClock();
    const gate = new StatusGate(2, clock);
    let inFlight = 0;
    let peak = 0;
    const pace = pacedFor(0, 0);
    const all = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate.run(`txn-${i}`, pace, async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await clock.sleep(5);
          inFlight -= 1;
        }),
      ),
    );
    await clock.runAll();
    await all;
    expect(peak).toBe(2);
  });
});

describe('CreatePacer (on a clock the test moves)', () => {
  it('spaces creates by the minimum spacing', async () => {
    const clock = new ManualClock();
    const pacer = new CreatePacer(500, clock);
    const at: number[] = [];
    const turns = Promise.all([1, 2, 3].map(() => pacer.turn().then(() => at.push(clock.now()))));
    await clock.runAll();
    await turns;
    expect(at[1]! - at[0]!).toBe(500);
    expect(at[2]! - at[1]!).toBe(500);
  });
});
