/**
 * `npm run bench:server`: the shop server's figures. Starts a private PostgreSQL (as the
 * tests do) and the server as its own process (`npm run server`), then measures
 *  1. events per second the server ingests from 1, 3 and 10 tills pushing at once;
 *  2. paid-to-shown with the push channel against polling alone, side by side in one run,
 *     with the polling floor (1/2 x 4 s + one status round trip).
 * Prints a table and writes bench/server-results.json and bench/SERVER-RESULTS.md.
 * `--quick` runs smaller.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPool } from '../src/server/db/pool';
import { startPostgres } from '../testkit/postgres';
import { seededRandom } from '../testkit/random';
import { installGatewayTimer } from './lib/gateway-calls';
import { machineInfo } from './lib/machine';
import { startServerProcess } from './lib/shop-server';
import { round, summarize } from './lib/stats';
import { ingestRun, type IngestRun } from './server-ingest';
import { paidRun } from './server-paid';

const quick = process.argv.includes('--quick');
const root = resolve(import.meta.dirname, '..');
const SECRET = 'bench-webhook-secret-0123456789';

async function main(): Promise<void> {
  installGatewayTimer((url) => url.includes('/api/v2/'));
  const tmpRoot = join(root, 'bench', 'tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const tmp = mkdtempSync(join(tmpRoot, 'server-'));
  const pgs = await startPostgres();
  const db = await pgs.createShopDatabase('bench_shop');
  const server = await startServerProcess({ DATABASE_URL: db.appUrl, PAKASIR_WEBHOOK_SECRET: SECRET });
  const pool = createPool(db.appUrl, 4);
  try {
    // A warm-up push, not counted: the server process's first requests pay for JIT compilation.
    await ingestRun({ serverUrl: server.url, pool, tills: 2, eventsPerTill: 1_500, tmpRoot: tmp, tag: 'W' });
    // Three runs per till count (the machine's two cores are shared): the median is reported, with the range.
    const ingest: (IngestRun & { runs: number[] })[] = [];
    const eventsPerTillTotal = quick ? 6_000 : 30_000;
    for (const n of [1, 3, 10]) {
      const runs: IngestRun[] = [];
      for (let rep = 0; rep < 3; rep += 1) {
        const r = await ingestRun({
          serverUrl: server.url,
          pool,
          tills: n,
          eventsPerTill: Math.round(eventsPerTillTotal / n / 3) * 3,
          tmpRoot: tmp,
          tag: `I${n}R${rep}T`,
        });
        runs.push(r);
        console.log(
          `ingest, ${n} till(s): ${r.events} events in ${round(r.ms, 0)} ms = ${round(r.perSecond, 0)} events/s`,
        );
      }
      runs.sort((a, b) => a.perSecond - b.perSecond);
      ingest.push({ ...runs[1]!, runs: runs.map((r) => round(r.perSecond, 0)) });
    }

    const paid = await paidRun({
      serverUrl: server.url,
      pool,
      webhookSecret: SECRET,
      counters: quick ? 3 : 6,
      salesPerCounter: quick ? 3 : 6,
      maxPayDelayMs: 12_000,
      random: seededRandom(17),
      tmpRoot: tmp,
    });
    const push = summarize(paid.push);
    const poll = summarize(paid.poll);
    const floor = 2000 + paid.statusRttMs;
    const ms = (x: number) => (x >= 1000 ? `${round(x / 1000, 2)} s` : `${round(x, 1)} ms`);
    const rows = [
      '| Figure | Median | p95 | Mean | n |',
      '|---|---|---|---|---|',
      ...ingest.map(
        (r) =>
          `| Ingest, ${r.tills} till${r.tills > 1 ? 's' : ''} pushing at once (${r.events.toLocaleString('en')} events; 3 runs: ${r.runs.map((x) => x.toLocaleString('en')).join(', ')}) | ${round(r.perSecond, 0).toLocaleString('en')} events/s |  |  |  |`,
      ),
      `| Paid to shown, push channel (webhook -> server -> till -> status call) | ${ms(push.median)} | ${ms(push.p95)} | ${ms(push.mean)} | ${push.n} |`,
      `| Paid to shown, polling only (no server) | ${ms(poll.median)} | ${ms(poll.p95)} | ${ms(poll.mean)} | ${poll.n} |`,
      `| Polling floor: 1/2 x 4 s + status round trip (${ms(paid.statusRttMs)}) | | | ${ms(floor)} | |`,
      `| Status calls per sale, push / polling | ${round(paid.pushStatusCallsPerSale, 2)} / ${round(paid.pollStatusCallsPerSale, 2)} | | | |`,
      `| Rate-limit violations (simulator count) | ${paid.rateLimitViolations} | | | |`,
    ];
    const m = machineInfo();
    const text = `${rows.join('\n')}\n\nMeasured ${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${quick ? ' (--quick)' : ''}.\n`;
    console.log(`\n${text}`);
    writeFileSync(
      join(root, 'bench', 'server-results.json'),
      `${JSON.stringify({ machine: m, quick, ingest, paid: { ...paid, pushSummary: push, pollSummary: poll, floorMs: floor } }, null, 2)}\n`,
    );
    writeFileSync(join(root, 'bench', 'SERVER-RESULTS.md'), text);
  } finally {
    await pool.end();
    await server.stop();
    await pgs.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
