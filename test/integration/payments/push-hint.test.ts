import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PakasirGateway } from '../../../src/main/pakasir/gateway';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * The engine's two hooks for the shop server: a push hint is checked through the status
 * gate and never taken as payment, and while the push channel is up live sales are polled
 * at the slower push pace; when it drops, the normal pace comes back at once.
 */
let sim: TestSimulator;
let rig: EngineRig;
const statusCalls = new Map<string, number>();

beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 120_000 });
  rig = startEngine(sim, {
    version: 'v1',
    // v1 polls every 150 ms here; with the channel up, once a minute.
    tuning: { pushPollIntervalMs: 60_000 },
    wrapGateway: (g: PakasirGateway): PakasirGateway => ({
      ...g,
      version: g.version,
      project: g.project,
      minStatusIntervalMs: g.minStatusIntervalMs,
      create: (req, s) => g.create(req, s),
      cancel: (ref, s) => g.cancel(ref, s),
      simulatePayment: (ref, s) => g.simulatePayment(ref, s),
      status: (ref, s) => {
        statusCalls.set(ref.orderId, (statusCalls.get(ref.orderId) ?? 0) + 1);
        return g.status(ref, s);
      },
    }),
  });
});

afterAll(async () => {
  await rig.close();
  await sim.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('push hints and the push pace', () => {
  it('polls at the push pace while the channel is up, and checks at once on a hint', async () => {
    rig.service.setPushChannel(true);
    const sale = await rig.service.charge({ amount: 20_000, method: 'qris' });
    await sleep(1_000);
    // At 150 ms a second holds six checks; at the push pace, none.
    expect(statusCalls.get(sale.orderId) ?? 0).toBe(0);

    // A hint for an unpaid sale: one status call, Pakasir says pending, nothing changes.
    expect(rig.service.paymentHint(sale.orderId)).toBe(true);
    await rig.service.idle();
    expect(statusCalls.get(sale.orderId)).toBe(1);
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');

    // Paid at Pakasir, and the hint says so: paid after the status call confirms it.
    sim.pay(sale.orderId);
    expect(rig.service.paymentHint(sale.orderId)).toBe(true);
    await rig.waitFor(sale.orderId, ['paid'], 5_000);
    expect(statusCalls.get(sale.orderId)).toBe(2);
    rig.service.dismissSale(sale.orderId);
  });

  it('goes back to the normal pace the moment the channel drops', async () => {
    rig.service.setPushChannel(true);
    const sale = await rig.service.charge({ amount: 21_000, method: 'qris' });
    sim.pay(sale.orderId);
    await sleep(800);
    expect(rig.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    rig.service.setPushChannel(false);
    await rig.waitFor(sale.orderId, ['paid'], 5_000);
    rig.service.dismissSale(sale.orderId);
  });

  it('ignores a hint for a sale it does not have, or one that is over', async () => {
    expect(rig.service.paymentHint('KSR1-20261125T074402-00009999')).toBe(false);
    const sale = await rig.service.charge({ amount: 22_000, method: 'qris' });
    await rig.service.cancelSale(sale.orderId);
    // Canceled sales stay watched for late payments, so a hint for one is still checked.
    const before = statusCalls.get(sale.orderId) ?? 0;
    expect(rig.service.paymentHint(sale.orderId)).toBe(true);
    await rig.service.idle();
    expect(statusCalls.get(sale.orderId)).toBe(before + 1);
    expect(rig.store.get(sale.orderId)!.state).toBe('canceled');
  });

  it('costs one status call for a burst of hints', async () => {
    rig.service.setPushChannel(true);
    const sale = await rig.service.charge({ amount: 23_000, method: 'qris' });
    const before = statusCalls.get(sale.orderId) ?? 0;
    for (let i = 0; i < 20; i += 1) rig.service.paymentHint(sale.orderId);
    await rig.service.idle();
    expect(statusCalls.get(sale.orderId)).toBe(before + 1);
    await rig.service.cancelSale(sale.orderId);
  });
});
