import { afterAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/shared/domain';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * What counts as "the same sale" when Pakasir says completed. The v2 status shape is
 * reconstructed from public integrations and none shows a sale with a fee, so a status
 * `amount` may be the order amount or the total the customer paid (amount + fee, what the
 * QR asked for). Both are this sale; anything else that says completed goes to a human,
 * loudly, and is never swallowed as a malformed answer.
 */
const sims: TestSimulator[] = [];
const rigs: EngineRig[] = [];

async function counter(version: 'v1' | 'v2', statusAmount: 'amount' | 'total' = 'amount') {
  const sim = await startTestSimulator({ expiryMs: 120_000, statusAmount });
  sims.push(sim);
  const rig = startEngine(sim, { version, timeoutMs: 1500 });
  rigs.push(rig);
  const notices: Notice[] = [];
  rig.bus.on('notice', (n) => notices.push(n));
  return { sim, rig, notices };
}

afterAll(async () => {
  await Promise.all(rigs.map((r) => r.close()));
  await Promise.all(sims.map((s) => s.close()));
});

describe.concurrent('a completed answer reaches the money rules', () => {
  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: status amount = the order amount is paid`, async () => {
      const { sim, rig } = await counter(version, 'amount');
      const sale = await rig.service.charge({ amount: 99_000, method: 'qris' });
      expect(sale.fee).toBeGreaterThan(0);
      sim.pay(sale.orderId);
      expect((await rig.waitFor(sale.orderId, ['paid', 'needs_review'], 20_000)).state).toBe('paid');
    });

    it(`${version}: status amount = the total the customer paid (amount + fee) is paid`, async () => {
      const { sim, rig } = await counter(version, 'total');
      const sale = await rig.service.charge({ amount: 99_000, method: 'qris' });
      expect(sale.totalPayment).toBe(99_000 + sale.fee!);
      sim.pay(sale.orderId);
      const paid = await rig.waitFor(sale.orderId, ['paid', 'needs_review'], 20_000);
      expect(paid.state).toBe('paid');
      // The pending answers before it (also carrying the total) never looked like trouble.
      expect(rig.store.events(sale.orderId).some((e) => e.reason.startsWith('keep_checking_mismatch'))).toBe(false);
    });

    it(`${version}: completed with another amount goes to review with an alarm`, async () => {
      const { sim, rig, notices } = await counter(version);
      const sale = await rig.service.charge({ amount: 31_000, method: 'qris' });
      sim.pay(sale.orderId);
      sim.faults.add({ route: version === 'v1' ? 'v1.detail' : 'v2.status', wrongAmount: true, times: Infinity });
      const review = await rig.waitFor(sale.orderId, ['needs_review', 'paid'], 20_000);
      expect(review.state).toBe('needs_review');
      expect(review.reason).toBe('amount_mismatch');
      expect(notices).toContainEqual(
        expect.objectContaining({ level: 'alarm', key: 'notice.needsReview', orderId: sale.orderId }),
      );
      // What Pakasir said is kept for the human who checks it.
      const event = rig.store.events(sale.orderId).find((e) => e.to === 'needs_review')!;
      expect(event.facts).toMatchObject({ status: 'completed', amount: 31_001 });
    });

    it(`${version}: completed for another order id goes to review with an alarm`, async () => {
      const { sim, rig, notices } = await counter(version);
      const sale = await rig.service.charge({ amount: 32_000, method: 'qris' });
      sim.pay(sale.orderId);
      sim.faults.add({ route: version === 'v1' ? 'v1.detail' : 'v2.status', wrongOrderId: true, times: Infinity });
      const review = await rig.waitFor(sale.orderId, ['needs_review', 'paid'], 20_000);
      expect(review.state).toBe('needs_review');
      expect(review.reason).toBe('order_mismatch');
      expect(notices).toContainEqual(
        expect.objectContaining({ level: 'alarm', key: 'notice.needsReview', orderId: sale.orderId }),
      );
    });
  }

  it('v2: completed for another txn_id goes to review', async () => {
    const { sim, rig } = await counter('v2');
    const sale = await rig.service.charge({ amount: 33_000, method: 'qris' });
    sim.pay(sale.orderId);
    sim.faults.add({
      route: 'v2.status',
      times: Infinity,
      body: JSON.stringify({
        txn_id: 'TRXSOMEONEELSE',
        order_id: sale.orderId,
        amount: 33_000,
        status: 'completed',
        is_sandbox: true,
        completed_at: new Date().toISOString(),
      }),
    });
    const review = await rig.waitFor(sale.orderId, ['needs_review', 'paid'], 20_000);
    expect(review.state).toBe('needs_review');
    expect(review.reason).toBe('order_mismatch');
  });

  it('v2: a pending answer for another amount keeps checking, then the real payment is paid', async () => {
    const { sim, rig } = await counter('v2');
    const sale = await rig.service.charge({ amount: 34_000, method: 'qris' });
    sim.faults.add({ route: 'v2.status', wrongAmount: true, times: 1 });
    await rig.service.checkNow(sale.orderId);
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    sim.pay(sale.orderId);
    expect((await rig.waitFor(sale.orderId, ['paid', 'needs_review'], 20_000)).state).toBe('paid');
  });
});
