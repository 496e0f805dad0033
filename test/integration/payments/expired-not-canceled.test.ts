import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/shared/domain';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * Pakasir is reported to answer `canceled` for an unpaid v2 transaction whose time ran
 * out. A QR that simply expired must be recorded as expired, so that a payment from a
 * screenshot later is labelled "paid after expiry", not "paid after cancel".
 */
let sim: TestSimulator;
let rig: EngineRig;
const notices: Notice[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 5000, v2ExpiredAs: 'canceled' });
  rig = startEngine(sim, { version: 'v2', timeoutMs: 1500, tuning: { watchFirstMs: 300 } });
  rig.bus.on('notice', (n) => notices.push(n));
});

afterAll(async () => {
  await rig.close();
  await sim.close();
});

describe('a v2 QR that expired while Pakasir says canceled', () => {
  it('is recorded as expired, and a later payment is a payment after expiry', async () => {
    const sale = await rig.service.charge({ amount: 27_000, method: 'qris' });
    const ended = await rig.waitFor(sale.orderId, ['expired', 'canceled'], 20_000);
    expect(ended.state).toBe('expired');
    sim.pay(sale.orderId);
    const review = await rig.waitFor(sale.orderId, ['needs_review'], 20_000);
    expect(review.reason).toBe('paid_after_expiry');
    expect(notices).toContainEqual(expect.objectContaining({ key: 'notice.latePayment', orderId: sale.orderId }));
  });

  it('a cancel made at Pakasir before the QR expired is still a cancel', async () => {
    // A QR valid long enough that the next status call (4 s apart on v2) surely comes before
    // its expiry, even on a busy machine: the cancel is then seen while the QR was valid.
    const longSim = await startTestSimulator({ expiryMs: 60_000, v2ExpiredAs: 'canceled' });
    const longRig = startEngine(longSim, { version: 'v2', timeoutMs: 1500, tuning: { watchFirstMs: 300 } });
    try {
      const sale = await longRig.service.charge({ amount: 28_000, method: 'qris' });
      const txn = longSim.transactions().find((t) => t.orderId === sale.orderId)!;
      // Someone canceled it in Pakasir's dashboard while the QR was still valid.
      await fetch(`${longSim.baseUrl}/api/v2/cancel-transaction/${longSim.sandbox.slug}/${txn.txnId}`, {
        method: 'POST',
        headers: { 'x-api-key': longSim.sandbox.apiKey, 'content-type': 'application/json' },
        body: '{}',
      });
      const ended = await longRig.waitFor(sale.orderId, ['expired', 'canceled'], 20_000);
      expect(ended.state).toBe('canceled');
      expect(ended.reason).toBe('canceled_at_gateway');
    } finally {
      await longRig.close();
      await longSim.close();
    }
  });
});
