import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/shared/domain';
import { validateQrisPayload } from '../../../src/shared/qris';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * The payment engine (API v1) against the real simulator with scripted faults. Every case
 * ends with the same money checks: the journal's final state is right and the sale has at
 * most one gateway transaction.
 */
let sim: TestSimulator;
let rig: EngineRig;
const notices: Notice[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 60_000 });
  rig = startEngine(sim, { version: 'v1', timeoutMs: 800, tuning: { watchFirstMs: 200 } });
  rig.bus.on('notice', (n) => notices.push(n));
});

afterEach(() => sim.faults.clear());

afterAll(async () => {
  await rig.close();
  await sim.close();
});

function oneTransactionAtMost(orderId: string) {
  expect(sim.stats().createsPerOrder[orderId] ?? 0).toBeLessThanOrEqual(1);
}

describe('payment engine, API v1', () => {
  it('charges QRIS, shows a verified payload, and marks paid only after Pakasir says completed', async () => {
    const sale = await rig.service.charge({ amount: 99_000, method: 'qris' });
    expect(sale.state).toBe('awaiting_payment');
    expect(sale.totalPayment).toBe(100_003);
    expect(validateQrisPayload(sale.paymentNumber!, sale.totalPayment!)).toEqual({ ok: true });
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    sim.pay(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid']);
    expect(paid.paidAt).not.toBeNull();
    const reasons = rig.store.events(sale.orderId).map((e) => `${e.from ?? ''}>${e.to}`);
    expect(reasons).toEqual(
      expect.arrayContaining(['>creating', 'creating>awaiting_payment', 'awaiting_payment>paid']),
    );
    oneTransactionAtMost(sale.orderId);
  });

  it('refuses an amount outside the method limits before any request is sent', async () => {
    const before = sim.stats().createCalls;
    await expect(rig.service.charge({ amount: 10_000_001, method: 'qris' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(rig.service.charge({ amount: 5_000, method: 'bni_va' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(sim.stats().createCalls).toBe(before);
  });

  it('resolves a lost create answer by asking detail, and never creates a second transaction', async () => {
    // The transaction is created, then the answer is lost on the way back.
    sim.faults.add({ route: 'v1.create', afterHandling: true, drop: true });
    const sale = await rig.service.charge({ amount: 15_000, method: 'qris' });
    expect(sale.state).toBe('creating');
    // Its QR was never shown, so nobody can pay it: it is canceled at Pakasir and the sale fails.
    const ended = await rig.waitFor(sale.orderId, ['failed', 'awaiting_payment']);
    expect(ended.state).toBe('failed');
    expect(ended.reason).toBe('create_lost');
    oneTransactionAtMost(sale.orderId);
    expect(sim.transactions().find((t) => t.orderId === sale.orderId)?.status).toBe('canceled');
  });

  it('sends the create again when the first one never reached Pakasir', async () => {
    sim.faults.add({ route: 'v1.create', drop: true });
    const sale = await rig.service.charge({ amount: 16_000, method: 'qris' });
    expect(sale.state).toBe('creating');
    const shown = await rig.waitFor(sale.orderId, ['awaiting_payment', 'failed']);
    expect(shown.state).toBe('awaiting_payment');
    expect(sim.stats().createsPerOrder[sale.orderId]).toBe(1);
  });

  it('keeps checking through a 5xx burst, a malformed body and a timeout, then sees the payment', async () => {
    const sale = await rig.service.charge({ amount: 20_000, method: 'qris' });
    sim.faults.add({ route: 'v1.detail', status: 503, times: 3 });
    sim.faults.add({ route: 'v1.detail', body: '{"transaction": {"amount": ', times: 1 });
    sim.faults.add({ route: 'v1.detail', hang: true, times: 1 });
    sim.pay(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid']);
    expect(paid.state).toBe('paid');
    oneTransactionAtMost(sale.orderId);
  });

  it('never pays on a pending answer for another amount or order; pays once the answers are right', async () => {
    const sale = await rig.service.charge({ amount: 21_000, method: 'qris' });
    sim.faults.add({ route: 'v1.detail', wrongAmount: true, times: 2 });
    sim.faults.add({ route: 'v1.detail', wrongOrderId: true, times: 2 });
    for (let i = 0; i < 4; i++) await rig.service.checkNow(sale.orderId);
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    expect(sim.faults.list()).toEqual([]);
    sim.pay(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid', 'needs_review']);
    expect(paid.state).toBe('paid');
  });

  it('stays paid when the gateway later flips the status back to pending', async () => {
    const sale = await rig.service.charge({ amount: 22_000, method: 'qris' });
    sim.pay(sale.orderId);
    await rig.waitFor(sale.orderId, ['paid']);
    sim.faults.add({ route: 'v1.detail', flipStatus: 'pending', times: 5 });
    await rig.service.checkNow(sale.orderId);
    expect(rig.store.get(sale.orderId)!.state).toBe('paid');
  });

  it('ends paid, not canceled, when the customer paid while the cashier pressed cancel', async () => {
    const sale = await rig.service.charge({ amount: 23_000, method: 'qris' });
    sim.pay(sale.orderId);
    const after = await rig.service.cancelSale(sale.orderId);
    expect(after.state).toBe('paid');
    expect(notices.some((n) => n.key === 'notice.paidDuringCancel' && n.orderId === sale.orderId)).toBe(true);
    oneTransactionAtMost(sale.orderId);
  });

  it('cancels at the gateway, then flags a payment that lands after the cancel for review', async () => {
    const sale = await rig.service.charge({ amount: 24_000, method: 'qris' });
    const canceled = await rig.service.cancelSale(sale.orderId);
    expect(canceled.state).toBe('canceled');
    expect(sim.transactions().find((t) => t.orderId === sale.orderId)?.status).toBe('canceled');
    sim.pay(sale.orderId); // a customer paying from a screenshot of the old QR
    const review = await rig.waitFor(sale.orderId, ['needs_review']);
    expect(review.reason).toBe('paid_after_cancel');
    expect(notices.some((n) => n.level === 'alarm' && n.orderId === sale.orderId)).toBe(true);
  });

  it('fails a sale with a plain reason when the key is refused, without retrying the create', async () => {
    const bad = startEngine({ ...sim, sandbox: { ...sim.sandbox, apiKey: 'wrong-key-123456' } } as TestSimulator, {
      version: 'v1',
    });
    try {
      const before = sim.stats().createCalls;
      const sale = await bad.service.charge({ amount: 25_000, method: 'qris' });
      expect(sale.state).toBe('failed');
      expect(sale.reason).toBe('auth');
      expect(sim.stats().createCalls - before).toBe(1);
      expect(JSON.stringify(sale)).not.toContain('wrong-key-123456');
    } finally {
      await bad.close();
    }
  });

  it('refuses a QRIS payload whose CRC or amount is wrong, and cancels that transaction', async () => {
    // The real simulator answers; a wrapper spoils the payload on its way to the engine, as a
    // corrupted answer would arrive.
    const spoiled = startEngine(sim, {
      version: 'v1',
      wrapGateway: (g) => ({
        ...g,
        version: g.version,
        project: g.project,
        minStatusIntervalMs: g.minStatusIntervalMs,
        create: async (req, signal) => {
          const tx = await g.create(req, signal);
          return { ...tx, paymentNumber: tx.paymentNumber!.slice(0, -4) + '0000' };
        },
        status: (ref, signal) => g.status(ref, signal),
        cancel: (ref, signal) => g.cancel(ref, signal),
      }),
    });
    try {
      const sale = await spoiled.service.charge({ amount: 31_000, method: 'qris' });
      expect(sale.state).toBe('failed');
      expect(sale.reason).toBe('invalid_payload');
      expect(sale.paymentNumber).toBeNull();
      expect(sim.transactions().find((t) => t.orderId === sale.orderId)?.status).toBe('canceled');
      oneTransactionAtMost(sale.orderId);
    } finally {
      await spoiled.close();
    }
  });

  it('goes offline when Pakasir cannot be reached and resumes by itself when it can', async () => {
    const sale = await rig.service.charge({ amount: 26_000, method: 'qris' });
    const states: string[] = [];
    const off = rig.bus.on('connectivityChanged', (c) => states.push(c.state));
    sim.faults.add({ route: 'v1.detail', drop: true, times: 3 });
    sim.pay(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid']);
    off();
    expect(paid.state).toBe('paid');
    expect(states).toContain('offline');
    expect(states[states.length - 1]).toBe('online');
  });

  it('expires a sale only after one more check at expired_at, then watches it for a late payment', async () => {
    const short = await startTestSimulator({ expiryMs: 700 });
    const r = startEngine(short, { version: 'v1', tuning: { watchFirstMs: 150 } });
    try {
      const sale = await r.service.charge({ amount: 27_000, method: 'qris' });
      const expired = await r.waitFor(sale.orderId, ['expired']);
      expect(Date.parse(r.store.get(sale.orderId)!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(sale.expiresAt!));
      expect(expired.state).toBe('expired');
      short.pay(sale.orderId);
      const review = await r.waitFor(sale.orderId, ['needs_review']);
      expect(review.reason).toBe('paid_after_expiry');
    } finally {
      await r.close();
      await short.close();
    }
  });
});
