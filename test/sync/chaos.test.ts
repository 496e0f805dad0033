import { expect, it } from 'vitest';
import { runChaos } from './chaos-scenario';

/**
 * Three tills push 10,000 sales between them to one shop server while they are killed and
 * cut off (see chaos-scenario.ts). `npm run soak:sync` runs the same scenario bigger.
 */
it('loses and duplicates nothing: three tills, 10,000 sales, kills and cut-offs', { timeout: 180_000 }, async () => {
  const r = await runChaos({ sales: 10_000, tills: 3, seed: 17, log: (l) => console.log(l) });
  expect(r.totalSales).toBe(10_000);
  expect(r.kills).toBeGreaterThan(0);
  expect(r.drops + r.refusals + r.blackholes).toBeGreaterThan(0);
  for (const t of r.tills) {
    // Every event once: as many rows as sequences, 1..last with no gap, and the mark at the last.
    expect(t.mismatches).toEqual([]);
    expect(t.serverEvents).toBe(t.lastSeq);
    expect(t.distinctSeqs).toBe(t.lastSeq);
    expect([t.minSeq, t.maxSeq, t.serverHwm]).toEqual([1, t.lastSeq, t.lastSeq]);
  }
  expect(r.days.length).toBeGreaterThanOrEqual(2);
  for (const d of r.days) {
    const sum = (pick: (x: (typeof d.tills)[number]) => number) => d.tills.reduce((s, x) => s + pick(x), 0);
    expect({
      day: d.day,
      netReceived: d.server.netReceived,
      fees: d.server.fees,
      grossAmount: d.server.grossAmount,
      paidCount: d.server.paidCount,
      salesCount: d.server.salesCount,
    }).toEqual({
      day: d.day,
      netReceived: sum((x) => x.netReceived),
      fees: sum((x) => x.fees),
      grossAmount: sum((x) => x.grossAmount),
      paidCount: sum((x) => x.paidCount),
      salesCount: sum((x) => x.salesCount),
    });
    for (const m of d.server.byMethod) {
      const own = d.tills.flatMap((x) => x.byMethod.filter((b) => b.method === m.method));
      expect([m.count, m.amount, m.fee, m.totalPaid]).toEqual([
        own.reduce((s, b) => s + b.count, 0),
        own.reduce((s, b) => s + b.amount, 0),
        own.reduce((s, b) => s + b.fee, 0),
        own.reduce((s, b) => s + b.totalPaid, 0),
      ]);
    }
  }
  console.log(
    `chaos: ${r.totalSales} sales, ${r.totalEvents} events; written in ${r.writeMs} ms, caught up ${r.settleMs} ms later; ` +
      `${r.kills} kills, ${r.drops} drops, ${r.refusals} refusals, ${r.blackholes} black holes, ${r.serverRestarts} server restarts; ` +
      `days ${r.days.map((d) => `${d.day} Rp ${d.server.netReceived}`).join(', ')}`,
  );
});
