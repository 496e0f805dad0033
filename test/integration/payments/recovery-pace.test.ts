import { afterEach, describe, expect, it } from 'vitest';
import { startVirtualEngine, type VirtualRig } from '../../support/virtual-engine';

/**
 * After a few bad answers the engine returns to Pakasir's normal pace at once: a 429
 * without Retry-After or a malformed answer says nothing about Pakasir being down, so they
 * are asked again at the normal pace (the rate limit already spaces the calls), and only a
 * longer run of them backs off. Runs on a clock the test moves: the times compared are the
 * engine's own.
 */
const rigs: VirtualRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

/** Our normal pace, with the widest margin the engine ever adds over Pakasir's limit. */
const NORMAL = { v1: 2000 + 1000, v2: 4000 + 1000 } as const;
const ROUTE = { v1: 'v1.detail', v2: 'v2.status' } as const;

async function paidAfter(version: 'v1' | 'v2', faults: Record<string, unknown>, times: number) {
  const rig = await startVirtualEngine(version);
  rigs.push(rig);
  const sale = await rig.service.charge({ amount: 61_000, method: 'qris' });
  rig.sim.faults.add({ route: ROUTE[version], ...faults, times } as never);
  rig.sim.pay(sale.orderId);
  const paidAt = rig.clock.now();
  await rig.clock.runUntil(() => rig.store.get(sale.orderId)!.state === 'paid', 15 * 60_000, 'paid');
  const calls = rig.statusCalls;
  expect(calls).toHaveLength(times + 1);
  return { rig, sinceLastFault: calls[times]! - calls[times - 1]!, sincePaid: calls[times]! - paidAt };
}

describe('recovery after bad answers', () => {
  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: after three 429s without Retry-After the payment is seen at the next normal check`, async () => {
      const r = await paidAfter(version, { status: 429 }, 3);
      expect(r.sinceLastFault).toBeLessThanOrEqual(NORMAL[version]);
      expect(r.sincePaid).toBeLessThanOrEqual(4 * NORMAL[version] + NORMAL[version]);
      expect(r.rig.sim.stats().rateLimitViolations).toBe(0);
    });

    it(`${version}: after two malformed answers the payment is seen at the next normal check`, async () => {
      const r = await paidAfter(version, { body: '{"transaction": {"amount": ' }, 2);
      expect(r.sinceLastFault).toBeLessThanOrEqual(NORMAL[version]);
      expect(r.sincePaid).toBeLessThanOrEqual(3 * NORMAL[version] + NORMAL[version]);
    });

    it(`${version}: one 5xx costs one normal interval, a run of them backs off`, async () => {
      const one = await paidAfter(version, { status: 502 }, 1);
      expect(one.sinceLastFault).toBeLessThanOrEqual(NORMAL[version]);
      const run = await paidAfter(version, { status: 503 }, 4);
      const calls = run.rig.statusCalls;
      expect(calls[3]! - calls[2]!).toBeGreaterThan(calls[1]! - calls[0]!);
    });
  }
});

/** Time-based rules, on the clock the engine paces by: no assertion races a real timer. */
describe('Retry-After and a fast till clock', () => {
  it('honours a Retry-After for every caller, "check now" included', async () => {
    const rig = await startVirtualEngine('v1');
    rigs.push(rig);
    const sale = await rig.service.charge({ amount: 60_000, method: 'qris' });
    rig.sim.faults.add({ route: 'v1.detail', status: 429, retryAfter: '2' });
    const first = rig.service.checkNow(sale.orderId);
    await rig.clock.runUntil(() => rig.statusCalls.length === 1, 60_000, 'the first check');
    await first;
    const limitedAt = rig.statusCalls[0]!;
    const second = rig.service.checkNow(sale.orderId);
    await rig.clock.runUntil(() => rig.statusCalls.length === 2, 60_000, 'the second check');
    await second;
    expect(rig.statusCalls[1]! - limitedAt).toBeGreaterThanOrEqual(2000);
  });

  it('v2: a 429 with Retry-After holds the next call at least that long, then the payment is seen', async () => {
    const rig = await startVirtualEngine('v2');
    rigs.push(rig);
    const sale = await rig.service.charge({ amount: 62_000, method: 'qris' });
    rig.sim.faults.add({ route: 'v2.status', status: 429, retryAfter: '5', times: 1 });
    rig.sim.pay(sale.orderId);
    await rig.clock.runUntil(() => rig.store.get(sale.orderId)!.state === 'paid', 60_000, 'paid');
    const [limited, next] = rig.statusCalls;
    expect(next! - limited!).toBeGreaterThanOrEqual(5000);
    expect(rig.sim.stats().rateLimitViolations).toBe(0);
  });

  it("never declares a QR expired early when the till's clock runs fast", async () => {
    // The till's clock is three minutes ahead of Pakasir's; the QR lives 1.5 s.
    const rig = await startVirtualEngine('v1', { wallOffsetMs: 180_000, expiryMs: 1500 });
    rigs.push(rig);
    const sale = await rig.service.charge({ amount: 50_000, method: 'qris' });
    expect(sale.state).toBe('awaiting_payment');
    // By the till's clock the QR expired minutes ago; by Pakasir's it has almost a second left.
    await rig.clock.advance(600);
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    rig.sim.pay(sale.orderId);
    await rig.clock.runUntil(() => rig.store.get(sale.orderId)!.state !== 'awaiting_payment', 60_000, 'an end');
    expect(rig.store.get(sale.orderId)!.state).toBe('paid');
  });
});
