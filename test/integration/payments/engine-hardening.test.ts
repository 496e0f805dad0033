import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineRig } from '../../support/engine';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/** Races and clocks: the cases a careful reviewer finds after the happy paths pass. */
let sim: TestSimulator;
const rigs: EngineRig[] = [];
beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 60_000 });
});
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
  sim.faults.clear();
});
afterAll(async () => {
  await sim.close();
});
function rig(opts: Parameters<typeof startEngine>[1]): EngineRig {
  const r = startEngine(sim, opts);
  rigs.push(r);
  return r;
}

describe('payment engine hardening', () => {
  it('a double-click on charge never leaves two live QRs', async () => {
    const r = rig({ version: 'v1' });
    const first = await r.service.charge({ amount: 10_000, method: 'qris' });
    const [a, b] = await Promise.all([
      r.service.charge({ amount: 20_000, method: 'qris' }),
      r.service.charge({ amount: 20_000, method: 'qris' }),
    ]);
    expect(a.orderId).not.toBe(b.orderId);
    const live = r.store.listLive();
    expect(live.map((o) => o.orderId)).toEqual([b.orderId]);
    expect(r.store.get(first.orderId)!.state).toBe('canceled');
    expect(r.store.get(a.orderId)!.state).toBe('canceled');
    // Each canceled one was canceled at Pakasir too: nobody can pay a QR the counter left.
    for (const id of [first.orderId, a.orderId])
      expect(sim.transactions().find((t) => t.orderId === id)!.status).toBe('canceled');
  });

  it("a sale marked 'proof shown' is still watched after a restart, and Pakasir's word is recorded", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-restart-'));
    const r1 = rig({ version: 'v1', dir, tuning: { watchFirstMs: 100 } });
    const sale = await r1.service.charge({ amount: 30_000, method: 'qris' });
    r1.service.markProofShown(sale.orderId, 'customer showed the transfer on the phone');
    await r1.close();
    rigs.splice(rigs.indexOf(r1), 1);
    sim.pay(sale.orderId);
    const r2 = rig({ version: 'v1', dir, tuning: { watchFirstMs: 100 } });
    expect(r2.service.recover()).toBe(1);
    for (
      let i = 0;
      i < 100 && !r2.store.events(sale.orderId).some((e) => e.reason === 'gateway_confirms_completed');
      i++
    )
      await new Promise((res) => setTimeout(res, 50));
    const after = r2.store.get(sale.orderId)!;
    expect(after.state).toBe('needs_review');
    expect(after.paidAt).not.toBeNull();
    expect(after.watchUntil).toBeNull();
    await r2.close();
    rigs.splice(rigs.indexOf(r2), 1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a refused cancel is followed by one more look before the counter moves on', async () => {
    const r = rig({ version: 'v1' });
    const sale = await r.service.charge({ amount: 41_000, method: 'qris' });
    sim.pay(sale.orderId);
    // The first look (the race check) is told pending; the cancel is refused; the second look sees the payment.
    sim.faults.add({
      route: 'v1.detail',
      body: JSON.stringify({
        transaction: {
          amount: 41_000,
          order_id: sale.orderId,
          project: sim.sandbox.slug,
          status: 'pending',
          payment_method: 'qris',
          completed_at: null,
        },
      }),
    });
    sim.faults.add({
      route: 'v1.cancel',
      status: 400,
      body: JSON.stringify({ success: false, message: 'sudah dibayar' }),
    });
    const after = await r.service.cancelSale(sale.orderId);
    expect(after.state).toBe('paid');
  });
});
