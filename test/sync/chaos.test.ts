import { expect, it } from 'vitest';
import { runChaos } from './chaos-scenario';

/**
 * Three tills push 10,000 sales between them to one shop server while they are killed and
 * cut off (see chaos-scenario.ts): gateway, cash and split sales, refunds and voids, shifts
 * opened, cashed out and closed. `npm run soak:sync` runs the same scenario bigger.
 */
it('loses and duplicates nothing: three tills, 10,000 sales, kills and cut-offs', { timeout: 180_000 }, async () => {
  const r = await runChaos({ sales: 10_000, tills: 3, seed: 17, log: (l) => console.log(l) });
  expect(r.totalSales).toBe(10_000);
  expect(r.totalParts).toBeGreaterThan(r.totalSales);
  expect(r.kills).toBeGreaterThan(0);
  expect(r.drops + r.refusals + r.blackholes).toBeGreaterThan(0);
  for (const t of r.tills) {
    // Every event once: as many rows as sequences, 1..last with no gap, and the mark at the last.
    expect(t.mismatches).toEqual([]);
    expect(t.serverEvents).toBe(t.lastSeq);
    expect(t.distinctSeqs).toBe(t.lastSeq);
    expect([t.minSeq, t.maxSeq, t.serverHwm]).toEqual([1, t.lastSeq, t.lastSeq]);
    // The counter: every sale, refund, shift, close and cash movement once, and every
    // shift's Z report (by method, refunds, net, drawer) the same on the server as on the till.
    expect(t.counter.server).toEqual(t.counter.till);
    expect(t.counter.till.closed).toBeGreaterThan(0);
    expect(t.counter.till.refunds).toBeGreaterThan(0);
    expect(t.counter.zMismatches).toEqual([]);
    expect(t.counter.shiftsCompared).toBe(t.counter.till.shifts);
  }
  expect(r.days.length).toBeGreaterThanOrEqual(2);
  for (const d of r.days) {
    const sum = (pick: (x: (typeof d.tills)[number]) => number) => d.tills.reduce((s, x) => s + pick(x), 0);
    expect({
      day: d.day,
      netReceived: d.server.netReceived,
      grossAmount: d.server.grossAmount,
      fees: d.server.fees,
      feesShop: d.server.feesShop,
      feesCustomer: d.server.feesCustomer,
      paidCount: d.server.paidCount,
      salesCount: d.server.salesCount,
      refunds: d.server.refunds.amount,
      cashRefunds: d.server.refunds.cash,
      netAfterRefunds: d.server.netAfterRefunds,
    }).toEqual({
      day: d.day,
      netReceived: sum((x) => x.netReceived),
      grossAmount: sum((x) => x.grossAmount),
      fees: sum((x) => x.fees),
      feesShop: sum((x) => x.feesShop),
      feesCustomer: sum((x) => x.feesCustomer),
      paidCount: sum((x) => x.paidCount),
      salesCount: sum((x) => x.salesCount),
      refunds: sum((x) => x.refunds.amount),
      cashRefunds: sum((x) => x.refunds.cash),
      netAfterRefunds: sum((x) => x.netAfterRefunds),
    });
    // Cash was sold and given back that day: those figures are really compared.
    expect(d.server.byMethod.find((m) => m.method === 'cash')?.count ?? 0).toBeGreaterThan(0);
    expect(d.server.refunds.amount).toBeGreaterThan(0);
    // Both the shop and its customers bore fees on these days: the split is really checked.
    expect(d.server.feesShop).toBeGreaterThan(0);
    expect(d.server.feesCustomer).toBeGreaterThan(0);
    const fields = ['count', 'amount', 'price', 'fee', 'feeOnCustomer', 'totalPaid', 'shopReceives'] as const;
    for (const m of d.server.byMethod) {
      const own = d.tills.flatMap((x) => x.byMethod.filter((b) => b.method === m.method));
      expect(fields.map((f) => m[f])).toEqual(fields.map((f) => own.reduce((s, b) => s + b[f], 0)));
    }
    for (const s of d.server.byState) {
      const own = d.tills.flatMap((x) => x.byState.filter((b) => b.state === s.state));
      expect([s.count, s.amount]).toEqual([
        own.reduce((a, b) => a + b.count, 0),
        own.reduce((a, b) => a + b.amount, 0),
      ]);
    }
  }
  const counter = (k: string) => r.tills.reduce((s, t) => s + (t.counter.till[k] ?? 0), 0);
  console.log(
    `chaos counter: ${counter('sales')} counter sales, ${counter('refunds')} refunds, ${counter('shifts')} shifts ` +
      `(${counter('closed')} closed), ${counter('cashMoves')} cash moves; Z reports compared per shift`,
  );
  console.log(
    `chaos: ${r.totalSales} sales (${r.totalParts} payment parts), ${r.totalEvents} events; written in ${r.writeMs} ms, caught up ${r.settleMs} ms later; ` +
      `${r.kills} kills, ${r.drops} drops, ${r.refusals} refusals, ${r.blackholes} black holes, ${r.serverRestarts} server restarts; ` +
      `days ${r.days.map((d) => `${d.day} Rp ${d.server.netReceived}`).join(', ')}`,
  );
});
