import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * A cashier or NTP steps the wall clock by hours. Pacing must not notice (it runs on a
 * monotonic clock); the journal keeps wall time; the expiry decision also asks Pakasir's
 * Date header, so a clock set hours ahead never expires a QR that can still be paid.
 */
let sim: TestSimulator;
const rigs: EngineRig[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 10 * 60_000 });
});
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
  sim.faults.clear();
});
afterAll(async () => {
  await sim.close();
});

/** A wall clock the test steps; everything else runs in real time. */
function steppedClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, step: (ms: number) => void (offset += ms) };
}

function counter(version: 'v1' | 'v2', now: () => number): EngineRig {
  const rig = startEngine(sim, { version, now, timeoutMs: 1500, tuning: { createSpacingMs: 500 } });
  rigs.push(rig);
  return rig;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms)),
  ]);
}

describe('the wall clock steps by hours', () => {
  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: back 3 h mid-sale: the payment is still seen, "check now" answers, the next charge is sent`, async () => {
      const clock = steppedClock();
      const rig = counter(version, clock.now);
      const first = await rig.service.charge({ amount: 51_000, method: 'qris' });
      expect(first.state).toBe('awaiting_payment');
      clock.step(-3 * HOUR);
      sim.pay(first.orderId);
      expect((await rig.waitFor(first.orderId, ['paid'], 15_000)).state).toBe('paid');

      const second = await within(rig.service.charge({ amount: 52_000, method: 'qris' }), 15_000, 'charge');
      expect(second.state).toBe('awaiting_payment');
      clock.step(-3 * HOUR);
      const checked = await within(rig.service.checkNow(second.orderId), 15_000, 'check now');
      expect(checked.state).toBe('awaiting_payment');
      // The journal keeps the wall clock it was given.
      expect(Date.parse(checked.lastCheckedAt!)).toBeLessThan(Date.now() - 5 * HOUR);
      expect(sim.stats().rateLimitViolations).toBe(0);
    }, 60_000);

    it(`${version}: forward 3 h mid-sale: the QR is not expired early and Pakasir's limit is kept`, async () => {
      const clock = steppedClock();
      const rig = counter(version, clock.now);
      const sale = await rig.service.charge({ amount: 53_000, method: 'qris' });
      await rig.service.checkNow(sale.orderId);
      clock.step(3 * HOUR);
      // By the till's clock the QR expired hours ago; by Pakasir's it has minutes left.
      await rig.service.checkNow(sale.orderId);
      await rig.service.checkNow(sale.orderId);
      expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
      sim.pay(sale.orderId);
      expect((await rig.waitFor(sale.orderId, ['paid', 'expired', 'needs_review'], 15_000)).state).toBe('paid');
      expect(sim.stats().rateLimitViolations).toBe(0);
    }, 60_000);
  }
});
