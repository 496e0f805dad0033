import { afterAll, describe, expect, it } from 'vitest';
import type { PakasirGateway } from '../../../src/main/pakasir/gateway';
import type { OrderView } from '../../../src/shared/domain';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * A new sale's create leaves for Pakasir before the windows are told of the sale: telling
 * them (a view, its JSON, a frame to every window) is work the request need not wait for,
 * since the windows keep their screens for a moment anyway. Told late, they are told the
 * sale as it is by then, never an older state than one already published.
 */
const sims: TestSimulator[] = [];
const rigs: EngineRig[] = [];
afterAll(async () => {
  await Promise.all(rigs.map((r) => r.close()));
  await Promise.all(sims.map((s) => s.close()));
});

/** A v2 counter whose gateway notes each create in `seen`, beside the events the windows get. */
async function counter(defer?: (fn: () => void) => void, warnings: string[] = []) {
  const sim = await startTestSimulator({ expiryMs: 120_000 });
  sims.push(sim);
  const seen: string[] = [];
  const noteCreates = (g: PakasirGateway): PakasirGateway =>
    Object.assign(Object.create(g) as PakasirGateway, {
      create: (...args: Parameters<PakasirGateway['create']>) => {
        seen.push('create sent');
        return g.create(...args);
      },
    });
  const log = { info() {}, warn: (message: string) => void warnings.push(message) };
  const rig = startEngine(sim, { version: 'v2', wrapGateway: noteCreates, log, ...(defer ? { defer } : {}) });
  rigs.push(rig);
  const active: (OrderView | null)[] = [];
  rig.bus.on('activeSaleChanged', (o) => {
    active.push(o);
    seen.push(`windows told: ${o?.state ?? 'none'}`);
  });
  rig.bus.on('orderUpdated', (o) => seen.push(`updated: ${o.state}`));
  return { rig, seen, active };
}

describe('a new sale at the counter', () => {
  it('sends its create first, then tells the windows, then shows the QR', async () => {
    const { rig, seen, active } = await counter();
    const sale = await rig.service.charge({ amount: 25_000, method: 'qris' });
    expect(sale.state).toBe('awaiting_payment');
    expect(seen).toEqual(['create sent', 'windows told: creating', 'updated: awaiting_payment']);
    expect(active.map((o) => o?.orderId)).toEqual([sale.orderId]);
    expect(rig.service.getActiveSale()?.orderId).toBe(sale.orderId);
  });

  it('is the counter\'s at once, and windows told after the answer get the QR, not "creating"', async () => {
    const later: (() => void)[] = [];
    const { rig, seen, active } = await counter((fn) => later.push(fn));
    const sale = await rig.service.charge({ amount: 30_000, method: 'qris' });
    expect(rig.service.getActiveSale()?.orderId).toBe(sale.orderId);
    expect(seen).toEqual(['create sent', 'updated: awaiting_payment']);

    for (const fn of later.splice(0)) fn();
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ orderId: sale.orderId, state: 'awaiting_payment' });
    expect(active[0]!.paymentNumber).toBe(sale.paymentNumber);
  });

  it('keeps main up and the sale going when telling the windows fails (a window closing)', async () => {
    const later: (() => void)[] = [];
    const warnings: string[] = [];
    const { rig } = await counter((fn) => later.push(fn), warnings);
    rig.bus.on('activeSaleChanged', () => {
      throw new Error('Object has been destroyed');
    });
    const sale = await rig.service.charge({ amount: 35_000, method: 'qris' });
    expect(() => later.splice(0).forEach((fn) => fn())).not.toThrow();
    expect(warnings).toEqual(['could not tell the windows of a new sale']);
    expect(rig.service.getActiveSale()).toMatchObject({ orderId: sale.orderId, state: 'awaiting_payment' });
  });
});
