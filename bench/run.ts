import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gatewayUse } from './gateway-use';
import { runJournalScale } from './journal-scale';
import { launchChromium } from './lib/browser';
import { installGatewayTimer } from './lib/gateway-calls';
import { startHarnessRig } from './lib/harness-rig';
import { machineInfo } from './lib/machine';
import { ensureRendererBuild } from './lib/renderer-build';
import { epochMs, round, summarize } from './lib/stats';
import { buildTable, renderMarkdown, renderText, type Row } from './table';
import { runEngineCounters, runNaivePoller } from './paid-to-shown-engine';
import { bundleSizes, keypadReady } from './renderer-load';
import { measureChargeToQr, measurePaidToShown } from './sale-in-browser';
import { seededRandom } from '../test/support/random';

/**
 * `npm run bench` (about 4 minutes on 2 cores, plus ~20 s to seed the journal once) or `npm run bench -- --quick` (about 2).
 * Prints one table, writes bench/results.json (every number and the machine) and
 * bench/RESULTS.md (the table for the README's Performance section).
 */

const quick = process.argv.includes('--quick');
const root = resolve(import.meta.dirname, '..');
const tmpRoot = join(root, 'bench', 'tmp');

const PLAN = quick
  ? {
      chargeSamples: 8,
      loads: 4,
      counters: 16,
      salesPerCounter: 3,
      browserPaid: 3,
      journalCount: 1_000_000,
      journalRuns: 3,
    }
  : {
      chargeSamples: 30,
      loads: 10,
      counters: 40,
      salesPerCounter: 8,
      browserPaid: 8,
      journalCount: 1_000_000,
      journalRuns: 7,
    };

/** v2 pace: one status call per 4 s per transaction. */
const V2_INTERVAL_MS = 4000;
/** Payments land uniformly over 12 s after the QR is up: a whole number of 3 s and ~4 s cycles, so every poll phase is equally likely. */
const MAX_PAY_DELAY_MS = 12_000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = epochMs();
  mkdirSync(tmpRoot, { recursive: true });
  // Every simulator in this process listens on 127.0.0.1; the fetch timer records those calls.
  installGatewayTimer((url) => url.startsWith('http://127.0.0.1:'));
  const random = seededRandom(20_261_125);

  const build = ensureRendererBuild(root, log);
  const bundle = bundleSizes(join(root, 'out', 'renderer'));

  const browser = await launchChromium();
  let results: Record<string, unknown>;
  try {
    const rig = await startHarnessRig(root, browser, tmpRoot);
    try {
      log(`renderer: ${PLAN.loads} cold loads of the cashier window`);
      const keypad = await keypadReady(browser, rig.harness.cashierUrl, PLAN.loads);

      log(`charge to QR: ${PLAN.chargeSamples} sales with the gateway at +0 ms`);
      const charge0 = await measureChargeToQr(rig, PLAN.chargeSamples);
      rig.sim.faults.add({ route: 'v2.create', latencyMs: 50, times: Infinity });
      log(`charge to QR: ${PLAN.chargeSamples} sales with the gateway at +50 ms`);
      const charge50 = await measureChargeToQr(rig, PLAN.chargeSamples);
      rig.sim.faults.clear();

      log(
        `paid to shown: ${PLAN.counters} engine counters x ${PLAN.salesPerCounter} sales, the same with a 3 s poller, ${PLAN.browserPaid} sales in the browser (v2, 4 s limit)`,
      );
      const [engine, naive, browserPaid] = await Promise.all([
        runEngineCounters({
          counters: PLAN.counters,
          salesPerCounter: PLAN.salesPerCounter,
          maxPayDelayMs: MAX_PAY_DELAY_MS,
          random,
          tmpRoot,
        }),
        runNaivePoller({
          counters: PLAN.counters,
          salesPerCounter: PLAN.salesPerCounter,
          maxPayDelayMs: MAX_PAY_DELAY_MS,
          intervalMs: 3000,
          random,
        }),
        measurePaidToShown(rig, PLAN.browserPaid, MAX_PAY_DELAY_MS, random),
      ]);
      const harnessStats = rig.sim.stats();
      await rig.close();

      const use = gatewayUse(
        engine.calls,
        engine.orderOfTxn,
        engine.samples.map((s) => s.orderId),
      );
      const floorMs = V2_INTERVAL_MS / 2 + use.statusRtt.median;

      const journal = await runJournalScale({ root, tmpRoot, count: PLAN.journalCount, runs: PLAN.journalRuns, log });

      const appMs = (xs: typeof charge0) => summarize(xs.map((x) => x.appMs));
      const figures = {
        chargeToQr: {
          gateway0: {
            app: appMs(charge0),
            both: summarize(charge0.map((x) => x.bothMs)),
            cashier: summarize(charge0.map((x) => x.cashierMs)),
            customer: summarize(charge0.map((x) => x.customerMs)),
            gateway: summarize(charge0.map((x) => x.gatewayMs)),
            beforeCreate: summarize(charge0.map((x) => x.beforeCreateMs)),
            afterCreate: summarize(charge0.map((x) => x.afterCreateMs)),
            deliver: summarize(charge0.map((x) => x.deliverMs)),
            customerFill: summarize(charge0.map((x) => x.customerFillMs ?? NaN)),
            cashierFill: summarize(charge0.map((x) => x.cashierFillMs ?? NaN)),
            samples: charge0,
          },
          gateway50: {
            app: appMs(charge50),
            both: summarize(charge50.map((x) => x.bothMs)),
            cashier: summarize(charge50.map((x) => x.cashierMs)),
            customer: summarize(charge50.map((x) => x.customerMs)),
            gateway: summarize(charge50.map((x) => x.gatewayMs)),
            beforeCreate: summarize(charge50.map((x) => x.beforeCreateMs)),
            afterCreate: summarize(charge50.map((x) => x.afterCreateMs)),
            deliver: summarize(charge50.map((x) => x.deliverMs)),
            customerFill: summarize(charge50.map((x) => x.customerFillMs ?? NaN)),
            cashierFill: summarize(charge50.map((x) => x.cashierFillMs ?? NaN)),
            samples: charge50,
          },
        },
        paidToShown: {
          floorMs,
          engine: summarize(engine.samples.map((s) => s.shownMs)),
          naive: summarize(naive.samples.map((s) => s.shownMs)),
          browserBoth: summarize(browserPaid.map((s) => s.bothMs)),
          browserEngine: summarize(browserPaid.map((s) => s.engineMs)),
          browserDelivery: summarize(browserPaid.map((s) => s.bothMs - s.engineMs)),
          browserSamples: browserPaid,
          engineRateLimitViolations: engine.stats.rateLimitViolations,
          harnessRateLimitViolations: harnessStats.rateLimitViolations,
          naiveRateLimited: naive.rejected,
          naiveStatusCalls: naive.stats.statusCalls,
          engineSimStats: {
            createCalls: engine.stats.createCalls,
            statusCalls: engine.stats.statusCalls,
            cancelCalls: engine.stats.cancelCalls,
            maxCreatesPerOrder: Math.max(...Object.values(engine.stats.createsPerOrder)),
          },
        },
        gatewayUse: use,
        journal,
        renderer: { bundle, keypadReady: keypad, builtNow: build.built },
      };
      const rows: Row[] = buildTable(figures, PLAN);
      results = {
        machine: machineInfo(),
        quick,
        plan: PLAN,
        durationS: round((epochMs() - started) / 1000),
        figures,
        table: rows,
      };
      process.stdout.write(`${renderText(rows)}\n`);
      writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(
        join(root, 'bench', 'RESULTS.md'),
        renderMarkdown(rows, results.machine as ReturnType<typeof machineInfo>, quick),
      );
      log(`done in ${Math.round((epochMs() - started) / 1000)} s; wrote bench/results.json and bench/RESULTS.md`);
    } catch (err) {
      await rig.close().catch(() => undefined);
      throw err;
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
