/**
 * `npm run soak:sync -- [--sales 100000] [--tills 5] [--seed 1]`: the chaos scenario of
 * test/sync/chaos.test.ts, bigger. Prints what happened and exits non-zero on any loss,
 * duplicate or report difference.
 */
import { runChaos } from './chaos-scenario';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const sales = arg('sales', 100_000);
const tills = arg('tills', 5);
const seed = arg('seed', 1);
async function main(): Promise<number> {
  const r = await runChaos({
    sales,
    tills,
    seed,
    log: (l) => console.log(l),
    settleTimeoutMs: 600_000,
    maxKills: Number.MAX_SAFE_INTEGER,
  });
  let problems = 0;
  for (const t of r.tills) {
    const ok =
      t.mismatches.length === 0 &&
      t.serverEvents === t.lastSeq &&
      t.distinctSeqs === t.lastSeq &&
      t.minSeq === 1 &&
      t.maxSeq === t.lastSeq &&
      t.serverHwm === t.lastSeq;
    if (!ok) problems += 1;
    console.log(
      `till ${t.till}: ${t.orderCount} sales, ${t.lastSeq} events, server holds ${t.serverEvents} (${t.distinctSeqs} distinct) ${ok ? 'OK' : `MISMATCH ${t.mismatches.join('; ')}`}`,
    );
  }
  for (const d of r.days) {
    const own = d.tills.reduce((s, x) => s + x.netReceived, 0);
    const fees = d.tills.reduce((s, x) => s + x.fees, 0);
    const ok = own === d.server.netReceived && fees === d.server.fees;
    if (!ok) problems += 1;
    console.log(
      `${d.day}: server net Rp ${d.server.netReceived}, fees Rp ${d.server.fees}; tills net Rp ${own}, fees Rp ${fees} ${ok ? 'OK' : 'DIFFERENT'}`,
    );
  }
  console.log(
    `${r.totalSales} sales, ${r.totalEvents} events; written in ${r.writeMs} ms, caught up ${r.settleMs} ms later; ${r.kills} kills, ${r.drops} drops, ${r.refusals} refusals, ${r.blackholes} black holes, ${r.serverRestarts} server restarts`,
  );
  return problems;
}

main().then(
  (problems) => process.exit(problems === 0 ? 0 : 1),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
