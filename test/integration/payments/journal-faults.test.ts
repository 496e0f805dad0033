import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toErrorShape } from '../../../src/main/api/dispatch';
import { fillDisk } from '../../support/full-disk';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * A journal write that fails (a full disk, a read-only file) never orphans a live sale:
 * every failure path keeps the sale's checks going, the cashier gets a typed error that
 * says what happened, and once the disk has room again the sale ends as Pakasir says.
 */
let sim: TestSimulator;
const rigs: EngineRig[] = [];
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

function counter(): { rig: EngineRig; db: () => Database.Database } {
  let db: Database.Database | null = null;
  const rig = startEngine(sim, { version: 'v1', inspectConnection: (d) => (db = d) });
  rigs.push(rig);
  return { rig, db: () => db! };
}

describe('journal writes that fail', () => {
  it('a cancel on a full disk says disk_full, and the sale is still checked until it ends', async () => {
    const { rig, db } = counter();
    const sale = await rig.service.charge({ amount: 71_000, method: 'qris' });
    const disk = fillDisk(db(), sale.orderId);
    const refused = await rig.service.cancelSale(sale.orderId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(toErrorShape(refused, 'cancelSale').code).toBe('disk_full');
    // The customer pays meanwhile; once the disk has room, the engine records it.
    sim.pay(sale.orderId);
    disk.free();
    expect((await rig.waitFor(sale.orderId, ['paid'], 15_000)).state).toBe('paid');
  });

  it('"check now" on a full disk answers disk_full instead of the old state', async () => {
    const { rig, db } = counter();
    const sale = await rig.service.charge({ amount: 72_000, method: 'qris' });
    const disk = fillDisk(db(), sale.orderId);
    sim.pay(sale.orderId);
    await expect(rig.service.checkNow(sale.orderId)).rejects.toMatchObject({ code: 'disk_full' });
    disk.free();
    expect((await rig.waitFor(sale.orderId, ['paid'], 15_000)).state).toBe('paid');
  });

  it('"proof shown" on a full disk keeps the sale checked', async () => {
    const { rig, db } = counter();
    const sale = await rig.service.charge({ amount: 73_000, method: 'qris' });
    const disk = fillDisk(db(), sale.orderId);
    expect(() => rig.service.markProofShown(sale.orderId, 'bukti transfer')).toThrow(
      expect.objectContaining({ code: 'disk_full' }),
    );
    sim.pay(sale.orderId);
    disk.free();
    expect((await rig.waitFor(sale.orderId, ['paid'], 15_000)).state).toBe('paid');
  });

  it('a read-only journal refuses a charge with read_only, and nothing reaches Pakasir', async () => {
    const { rig, db } = counter();
    db().pragma('query_only = 1');
    const before = sim.stats().createCalls;
    await expect(rig.service.charge({ amount: 74_000, method: 'qris' })).rejects.toMatchObject({
      code: 'read_only',
    });
    expect(sim.stats().createCalls).toBe(before);
  });
});
