import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateQrisPayload } from '../../../src/shared/qris';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * The payment engine (API v2) against the real simulator at Pakasir's real pace: one status
 * call per 4 s per transaction. The cases run concurrently (each its own transaction), and
 * the simulator counts any call that came too soon: there must be none.
 */
let sim: TestSimulator;
const rigs: EngineRig[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 120_000 });
});

afterAll(async () => {
  await Promise.all(rigs.map((r) => r.close()));
  await sim.close();
});

/** One counter per case: a counter has one live sale at a time. */
function counter(): EngineRig {
  const rig = startEngine(sim, { version: 'v2', timeoutMs: 1500 });
  rigs.push(rig);
  return rig;
}

const oneTransaction = (orderId: string) => expect(sim.stats().createsPerOrder[orderId]).toBe(1);

describe.concurrent('payment engine, API v2 (4 s status limit)', () => {
  it('charges QRIS and marks paid after a completed status with the same order and amount', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 99_000, method: 'qris' });
    expect(sale.state).toBe('awaiting_payment');
    expect(sale.txnId).toBeTruthy();
    expect(validateQrisPayload(sale.paymentNumber!, sale.totalPayment!)).toEqual({ ok: true });
    sim.pay(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid'], 20_000);
    expect(paid.state).toBe('paid');
    oneTransaction(sale.orderId);
  });

  it('keeps to the limit however often the cashier presses "check now"', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 70_000, method: 'qris' });
    const checks = Promise.all([1, 2, 3].map(() => rig.service.checkNow(sale.orderId)));
    sim.pay(sale.orderId);
    await checks;
    await rig.waitFor(sale.orderId, ['paid'], 20_000);
    expect(sim.stats().rateLimitViolations).toBe(0);
  });

  it('shows a bank VA number and marks it paid', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 150_000, method: 'bri_va' });
    expect(sale.paymentNumber).toMatch(/^\d{6,32}$/);
    expect(sale.fee).toBe(3500);
    sim.pay(sale.orderId);
    await rig.waitFor(sale.orderId, ['paid'], 20_000);
  });

  it('creates a payment link the customer opens on the phone', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 80_000, method: 'payment_link' });
    expect(sale.state).toBe('awaiting_payment');
    expect(new URL(sale.paymentUrl!).protocol).toMatch(/^https?:$/);
    sim.pay(sale.orderId);
    await rig.waitFor(sale.orderId, ['paid'], 20_000);
  });

  it('ends paid when the payment and the cancel race', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 90_000, method: 'qris' });
    sim.pay(sale.orderId);
    const after = await rig.service.cancelSale(sale.orderId);
    expect(after.state).toBe('paid');
    oneTransaction(sale.orderId);
  });
});

describe('payment engine, API v2, with scripted faults (one at a time)', () => {
  // Faults are per route, so no other counter may be polling while one is scripted.
  beforeEach(async () => {
    await Promise.all(rigs.splice(0).map((r) => r.close()));
    sim.faults.clear();
  });

  it('repeats the find-or-create after a lost answer and gets the same transaction', async () => {
    sim.faults.add({ route: 'v2.create', afterHandling: true, status: 502, times: 1 });
    const rig = counter();
    const sale = await rig.service.charge({ amount: 50_000, method: 'qris' });
    const shown = await rig.waitFor(sale.orderId, ['awaiting_payment'], 20_000);
    expect(shown.txnId).toBe(sim.transactions().find((t) => t.orderId === sale.orderId)!.txnId);
    // The answer really was lost (the engine journaled it), and the repeat found the same one.
    expect(rig.store.events(sale.orderId).some((e) => e.reason === 'create_unanswered')).toBe(true);
    oneTransaction(sale.orderId);
  });

  it('cancels best effort when the gateway refuses the cancel, and still watches the sale', async () => {
    const rig = counter();
    const sale = await rig.service.charge({ amount: 95_000, method: 'qris' });
    sim.faults.add({ route: 'v2.cancel', status: 404, times: 1 });
    const after = await rig.service.cancelSale(sale.orderId);
    expect(after.state).toBe('canceled');
    expect(rig.store.get(sale.orderId)!.watchUntil).not.toBeNull();
    expect(rig.store.events(sale.orderId).some((e) => e.reason === 'gateway_cancel_failed')).toBe(true);
  });
});

describe('Pakasir limits', () => {
  it('were never exceeded by any of the sales above', () => {
    expect(sim.stats().rateLimitViolations).toBe(0);
  });
});
