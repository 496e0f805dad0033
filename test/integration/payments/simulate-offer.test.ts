import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * "Simulate payment" is offered only where it works: v1 sandbox (the guide's
 * paymentsimulation endpoint) and demo mode (the local simulator). Main decides, per sale.
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
function counter(opts: Parameters<typeof startEngine>[1]): EngineRig {
  const rig = startEngine(sim, opts);
  rigs.push(rig);
  return rig;
}

describe.concurrent('where "simulate payment" is offered', () => {
  it('v2 sandbox on a real project: not offered, and refused without calling Pakasir', async () => {
    const rig = counter({ version: 'v2', simulation: false });
    const sale = await rig.service.charge({ amount: 15_000, method: 'qris' });
    expect(sale.canSimulate).toBe(false);
    await expect(rig.service.simulatePayment(sale.orderId)).rejects.toMatchObject({ code: 'illegal_state' });
    expect(sim.transactions().find((t) => t.orderId === sale.orderId)!.status).toBe('pending');
  });

  it('v2 in demo mode (the local simulator): offered, and it works', async () => {
    const rig = counter({ version: 'v2' });
    const sale = await rig.service.charge({ amount: 16_000, method: 'qris' });
    expect(sale.canSimulate).toBe(true);
    await rig.service.simulatePayment(sale.orderId);
    const paid = await rig.waitFor(sale.orderId, ['paid'], 20_000);
    expect(paid.canSimulate).toBe(false);
  });

  it('v1 sandbox: offered, and it works through the guide endpoint', async () => {
    const rig = counter({ version: 'v1', simulation: false });
    const sale = await rig.service.charge({ amount: 17_000, method: 'qris' });
    expect(sale.canSimulate).toBe(true);
    expect((await rig.service.simulatePayment(sale.orderId)).state).toBe('paid');
  });

  it('production: never offered', async () => {
    const rig = counter({ version: 'v1', production: true });
    const sale = await rig.service.charge({ amount: 18_000, method: 'qris' });
    expect(sale.canSimulate).toBe(false);
  });
});
