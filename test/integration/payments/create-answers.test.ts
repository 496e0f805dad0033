import { afterAll, describe, expect, it } from 'vitest';
import { validateQrisPayload } from '../../../src/shared/qris';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * A create answer the app cannot accept is retried a bounded number of times, then the sale
 * fails with the reason shown and its transaction (if one was made) is canceled at Pakasir.
 * A project whose fee is borne by the merchant answers total_payment = amount: valid.
 */
const sims: TestSimulator[] = [];
const rigs: EngineRig[] = [];

async function counter(version: 'v1' | 'v2', opts: { feeBearer?: 'customer' | 'merchant' } = {}) {
  const sim = await startTestSimulator({ expiryMs: 120_000, ...opts });
  sims.push(sim);
  const rig = startEngine(sim, { version, timeoutMs: 1500 });
  rigs.push(rig);
  return { sim, rig };
}

afterAll(async () => {
  await Promise.all(rigs.map((r) => r.close()));
  await Promise.all(sims.map((s) => s.close()));
});

describe.concurrent('create answers', () => {
  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: total_payment equal to amount (the merchant bears the fee) is a valid answer`, async () => {
      const { sim, rig } = await counter(version, { feeBearer: 'merchant' });
      const sale = await rig.service.charge({ amount: 99_000, method: 'qris' });
      expect(sale.state).toBe('awaiting_payment');
      expect(sale.totalPayment).toBe(99_000);
      expect(validateQrisPayload(sale.paymentNumber!, 99_000)).toEqual({ ok: true });
      sim.pay(sale.orderId);
      expect((await rig.waitFor(sale.orderId, ['paid', 'needs_review'], 20_000)).state).toBe('paid');
    });

    it(`${version}: an answer it cannot accept ends the sale (v2 after three tries) and cancels it at Pakasir`, async () => {
      const { sim, rig } = await counter(version);
      const route = version === 'v1' ? 'v1.create' : 'v2.create';
      // Pakasir makes the transaction, but every answer names another amount.
      sim.faults.add({ route, afterHandling: true, wrongAmount: true, times: Infinity });
      const sale = await rig.service.charge({ amount: 41_000, method: 'qris' });
      const failed = await rig.waitFor(sale.orderId, ['failed', 'awaiting_payment'], 30_000);
      expect(failed.state).toBe('failed');
      expect(failed.reason).toBe('invalid_payload');
      expect(failed.reasonDetail).toMatch(/another amount/);
      // v2 repeats its find-or-create up to three answers; v1 has no find-or-create, so it
      // never repeats a create whose transaction exists (it found it by detail instead).
      expect(sim.stats().createCalls).toBe(version === 'v2' ? 3 : 1);
      expect(sim.stats().createsPerOrder[sale.orderId]).toBe(1);
      const txn = sim.transactions().find((t) => t.orderId === sale.orderId)!;
      expect(txn.status).toBe('canceled');
      // Nothing is left polling or creating for it.
      await rig.service.idle();
      expect(rig.store.listLive()).toEqual([]);
    });

    it(`${version}: an unreadable answer (no transaction made) also ends after three tries`, async () => {
      const { sim, rig } = await counter(version);
      const route = version === 'v1' ? 'v1.create' : 'v2.create';
      sim.faults.add({ route, body: '<html>maintenance</html>', times: Infinity });
      const sale = await rig.service.charge({ amount: 42_000, method: 'qris' });
      const failed = await rig.waitFor(sale.orderId, ['failed', 'awaiting_payment'], 30_000);
      expect(failed.state).toBe('failed');
      expect(failed.reason).toBe('invalid_payload');
      expect(failed.reasonDetail).toMatch(/not JSON/);
      // v1 asks detail before every repeat (nothing was made, so it sends again): 3 answers either way.
      expect(rig.store.events(sale.orderId).filter((e) => e.reason === 'create_attempt')).toHaveLength(3);
      expect(sim.transactions()).toEqual([]);
    });
  }
});
