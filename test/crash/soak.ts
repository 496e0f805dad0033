import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { createLabSimulator, type FaultSpec } from '../../src/simulator/lab/lab-simulator';
import { randomApiKey, type SimRoute } from '../../src/simulator/simulator';
import { seededRandom } from '../../testkit/random';
import type { PlanItem, SoakChildConfig } from './soak-child';

/**
 * The soak: counters (each a child process running the real payment engine on its own
 * journal) work through v1 and v2 sales against one simulator, while the soak kills them
 * with SIGKILL at random moments, the simulator answers with injected faults (429s, 5xx,
 * timeouts, dropped connections, malformed answers, lost create answers, completed answers
 * carrying the total paid) and each counter's wall clock is stepped by hours. After the
 * kills, every counter brings the sales it started to their end without being killed, and
 * the money figures are counted from the journals and from the simulator's books.
 */
export interface SoakOptions {
  /** SIGKILLs to deliver over all counters. */
  kills: number;
  v1Counters: number;
  v2Counters: number;
  seed: number;
  /**
   * Longest wait before a kill, per API version, counted from when the child has recovered
   * (so a slow start on a busy machine does not eat the window). Some kills land during the
   * start and recovery instead.
   */
  maxKillDelayMs?: { v1: number; v2: number };
  /** Progress lines (or nothing). */
  log?: (line: string) => void;
}

export interface SoakReport {
  killsSurvived: number;
  killsByVersion: { v1: number; v2: number };
  sales: number;
  salesByVersion: { v1: number; v2: number };
  /** Sales marked paid on a status answer whose amount was the total the customer paid. */
  paidOnTotal: number;
  ordersJournaled: number;
  gatewayTransactions: number;
  salesWithTwoTransactions: number;
  salesLost: number;
  paidAtGatewayNotInJournal: number;
  rateLimitViolations: number;
  /** Sales that ended otherwise than their story (a sale paid is a sale paid...). */
  unexpectedEndings: string[];
  /** Runs that neither finished nor were killed by the soak (a crash or a hang). */
  brokenRuns: string[];
  journalsDamaged: number;
  faultsInjected: Record<string, number>;
  clockSteps: number;
  outcomes: Record<string, number>;
  durationMs: number;
}

/** The figures that must be zero (and the lists that must be empty) for the soak to pass. */
export function soakFailures(r: SoakReport, minKills: number): string[] {
  const out: string[] = [];
  if (r.killsSurvived < minKills) out.push(`only ${r.killsSurvived} kills survived (wanted ${minKills})`);
  if (r.salesWithTwoTransactions) out.push(`${r.salesWithTwoTransactions} sales with two gateway transactions`);
  if (r.salesLost) out.push(`${r.salesLost} sales lost`);
  if (r.paidAtGatewayNotInJournal) out.push(`${r.paidAtGatewayNotInJournal} paid at the gateway, not in the journal`);
  if (r.rateLimitViolations) out.push(`${r.rateLimitViolations} rate-limit violations`);
  if (r.journalsDamaged) out.push(`${r.journalsDamaged} damaged journals`);
  if (r.unexpectedEndings.length) out.push(`unexpected endings: ${r.unexpectedEndings.slice(0, 10).join('; ')}`);
  if (r.brokenRuns.length) out.push(`broken runs: ${r.brokenRuns.slice(0, 5).join('; ')}`);
  return out;
}

export function formatSoakReport(r: SoakReport): string {
  const faults = Object.entries(r.faultsInjected)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const outcomes = Object.entries(r.outcomes)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `kills survived:                                  ${r.killsSurvived} (v1 ${r.killsByVersion.v1}, v2 ${r.killsByVersion.v2})`,
    `sales:                                           ${r.sales} (v1 ${r.salesByVersion.v1}, v2 ${r.salesByVersion.v2}; ${r.ordersJournaled} orders journaled, ${r.gatewayTransactions} gateway transactions)`,
    `  of which paid on an answer carrying the total: ${r.paidOnTotal}`,
    `sales with two gateway transactions (must be 0): ${r.salesWithTwoTransactions}`,
    `sales lost (must be 0):                          ${r.salesLost}`,
    `paid at the gateway, not paid in the journal:    ${r.paidAtGatewayNotInJournal} (must be 0)`,
    `rate-limit violations (must be 0):               ${r.rateLimitViolations}`,
    `damaged journals (must be 0):                    ${r.journalsDamaged}`,
    `sales that ended otherwise than their story:     ${r.unexpectedEndings.length}`,
    `runs that crashed or hung:                       ${r.brokenRuns.length}`,
    `final states:                                    ${outcomes}`,
    `faults injected:                                 ${faults}`,
    `wall-clock steps (1-3 h):                        ${r.clockSteps}`,
    `duration:                                        ${(r.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

const root = resolve(import.meta.dirname, '../..');

/** Sales this counter marked paid on a status answer whose amount was amount + fee. */
function paidOnTotal(c: { dir: string }): number {
  const db = new Database(join(c.dir, 'orders.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          `SELECT count(*) AS n FROM order_events e JOIN orders o ON o.order_id = e.order_id
           WHERE e.to_state = 'paid' AND e.from_state <> 'paid' AND o.total_payment <> o.amount
             AND json_extract(e.facts, '$.amount') = o.total_payment`,
        )
        .get() as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/** The child, bundled once: a kill-and-restart loop must not pay a TypeScript compile per start. */
async function bundleChild(dir: string): Promise<string> {
  const out = join(dir, 'soak-child.cjs');
  await build({
    entryPoints: [join(root, 'test/crash/soak-child.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    alias: { '@shared': join(root, 'src/shared') },
    logLevel: 'error',
  });
  return out;
}

interface Counter {
  name: string;
  version: 'v1' | 'v2';
  dir: string;
  terminal: string;
  plan: PlanItem[];
  wallOffsetMs: number;
  /** Every order id ever seen in its journal, with the states it was seen paid in. */
  seen: Set<string>;
  seenPaid: Set<string>;
}

const FAULTS: { kind: string; routes: (v: 'v1' | 'v2') => SimRoute[]; spec: Omit<FaultSpec, 'route'> }[] = [
  { kind: '429 (no Retry-After)', routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status'], spec: { status: 429 } },
  { kind: '5xx', routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status', `${v}.create`], spec: { status: 503 } },
  {
    kind: '502 with Retry-After',
    routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status'],
    spec: { status: 502, retryAfter: '1' },
  },
  { kind: 'timeout', routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status', `${v}.cancel`], spec: { hang: true } },
  { kind: 'dropped connection', routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status'], spec: { drop: true } },
  {
    kind: 'malformed answer',
    routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status', `${v}.create`],
    spec: { body: '{"transaction": {"amount": ' },
  },
  {
    kind: 'completed with the total',
    routes: (v) => [v === 'v1' ? 'v1.detail' : 'v2.status'],
    spec: { amountAsTotal: true },
  },
  { kind: 'lost create answer', routes: (v) => [`${v}.create`], spec: { afterHandling: true, status: 502 } },
  { kind: 'create answer timed out', routes: (v) => [`${v}.create`], spec: { afterHandling: true, hang: true } },
];

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const random = seededRandom(opts.seed);
  const work = mkdtempSync(join(tmpdir(), 'pos-soak-'));
  const project = { slug: 'toko-soak', apiKey: randomApiKey(), sandbox: false };
  const sim = await createLabSimulator({ projects: [project], expiryMs: 5 * 60_000 });
  const maxDelay = opts.maxKillDelayMs ?? { v1: 2500, v2: 14_000 };
  const report: SoakReport = {
    killsSurvived: 0,
    killsByVersion: { v1: 0, v2: 0 },
    sales: 0,
    salesByVersion: { v1: 0, v2: 0 },
    paidOnTotal: 0,
    ordersJournaled: 0,
    gatewayTransactions: 0,
    salesWithTwoTransactions: 0,
    salesLost: 0,
    paidAtGatewayNotInJournal: 0,
    rateLimitViolations: 0,
    unexpectedEndings: [],
    brokenRuns: [],
    journalsDamaged: 0,
    faultsInjected: {},
    clockSteps: 0,
    outcomes: {},
    durationMs: 0,
  };
  let faultTimer: NodeJS.Timeout | null = null;
  try {
    const child = await bundleChild(work);
    const fates: PlanItem['fate'][] = ['pay', 'pay', 'pay', 'cancel', 'expire'];
    const counters: Counter[] = [];
    const add = (version: 'v1' | 'v2', n: number) => {
      for (let i = 0; i < n; i++) {
        const name = `${version}-${i + 1}`;
        const dir = join(work, name);
        counters.push({
          name,
          version,
          dir,
          terminal: `SK${version === 'v1' ? 'A' : 'B'}${i + 1}`,
          // More sales than a counter can reach while it is being killed: it never runs out.
          plan: Array.from({ length: 5000 }, (_, k) => ({
            amount: 1000 + ((k * 137 + i * 7919) % 90_000),
            fate: fates[Math.floor(random() * fates.length)]!,
            payAfterMs: Math.floor(random() * 800),
          })),
          wallOffsetMs: 0,
          seen: new Set(),
          seenPaid: new Set(),
        });
      }
    };
    add('v1', opts.v1Counters);
    add('v2', opts.v2Counters);
    for (const c of counters) mkdirSync(c.dir, { recursive: true });

    // Faults arrive at random, whichever counter's request meets them.
    const versions = [...new Set(counters.map((c) => c.version))];
    const injectFault = () => {
      const f = FAULTS[Math.floor(random() * FAULTS.length)]!;
      const routes = f.routes(versions[Math.floor(random() * versions.length)]!);
      const route = routes[Math.floor(random() * routes.length)]!;
      sim.faults.add({ route, ...f.spec, times: 1 + Math.floor(random() * 2) });
      report.faultsInjected[f.kind] = (report.faultsInjected[f.kind] ?? 0) + 1;
      // About one fault per counter every three seconds, whatever the number of counters.
      faultTimer = setTimeout(injectFault, ((150 + random() * 900) * 5) / counters.length);
    };
    faultTimer = setTimeout(injectFault, 500);

    const runChild = (
      c: Counter,
      mode: SoakChildConfig['mode'],
      kill: { afterMs: number; from: 'spawn' | 'ready' } | null,
    ) =>
      new Promise<{ done: boolean; killed: boolean; ready: boolean }>((resolveRun) => {
        const cfg: SoakChildConfig = {
          dataDir: c.dir,
          baseUrl: sim.baseUrl,
          slug: project.slug,
          apiKey: project.apiKey,
          version: c.version,
          terminal: c.terminal,
          plan: c.plan,
          wallOffsetMs: c.wallOffsetMs,
          clockStepChance: mode === 'run' ? 0.03 : 0,
          mode,
          seed: Math.floor(random() * 2 ** 31),
        };
        const cfgFile = join(c.dir, 'child-config.json');
        writeFileSync(cfgFile, JSON.stringify(cfg));
        const p = spawn(process.execPath, [child, cfgFile], {
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: root,
          // The bundle lives in a temporary folder; its one native module is the project's.
          env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
        });
        // The simulator stands in for Pakasir's servers, which do not share a CPU with the
        // tills: on a busy machine the counters run at a lower priority, so the simulator
        // handles each request when it arrives. Otherwise a stall of this process would
        // delay one status call and not the next, and the simulator would count a gap the
        // engine never made (seen: 3.7 s gaps, three counters at the same millisecond).
        if (p.pid !== undefined) {
          try {
            setPriority(p.pid, 10);
          } catch {
            // Not allowed here: the soak still runs, only less like the real thing.
          }
        }
        let out = '';
        let err = '';
        let killed = false;
        let killTimer: NodeJS.Timeout | null = null;
        const arm = () => {
          if (kill && !killTimer) killTimer = setTimeout(() => (killed = p.kill('SIGKILL')), kill.afterMs);
        };
        if (kill?.from === 'spawn') arm();
        // A run that neither ends nor gets killed is stuck: that is a finding, not a wait.
        const guard = setTimeout(() => p.kill('SIGKILL'), mode === 'finish' ? 240_000 : 60_000);
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (kill?.from === 'ready' && out.includes('ready')) arm();
          for (const m of out.matchAll(/clock (-?\d+)\n/g)) c.wallOffsetMs = Number(m[1]);
        });
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('exit', (code, signal) => {
          if (killTimer) clearTimeout(killTimer);
          clearTimeout(guard);
          report.clockSteps += (out.match(/clock -?\d+\n/g) ?? []).length;
          const done = out.includes('done');
          const ready = out.includes('ready');
          if (!(code === 0 || (signal === 'SIGKILL' && killed)))
            report.brokenRuns.push(`${c.name} (${mode}) exit ${code ?? signal}: ${err.trim().slice(-300)}`);
          resolveRun({ done, killed: killed && signal === 'SIGKILL', ready });
        });
      });

    /** After every run: the journal is intact, nothing seen before is gone, no paid sale was unpaid. */
    const checkJournal = (c: Counter): { orders: { order_id: string; state: string; note: string }[] } => {
      const db = new Database(join(c.dir, 'orders.sqlite'), { readonly: true, fileMustExist: true });
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') report.journalsDamaged += 1;
        const orders = db.prepare('SELECT order_id, state, note FROM orders ORDER BY rowid').all() as {
          order_id: string;
          state: string;
          note: string;
        }[];
        const now = new Map(orders.map((o) => [o.order_id, o.state]));
        for (const id of c.seen) if (!now.has(id)) report.salesLost += 1;
        for (const id of c.seenPaid) if (now.get(id) !== 'paid') report.salesLost += 1;
        for (const o of orders) {
          c.seen.add(o.order_id);
          if (o.state === 'paid') c.seenPaid.add(o.order_id);
        }
        return { orders };
      } finally {
        db.close();
      }
    };

    let killsLeft = opts.kills;
    await Promise.all(
      counters.map(async (c) => {
        while (killsLeft > 0) {
          killsLeft -= 1;
          // One kill in seven lands while the counter starts and recovers its journal.
          const r = await runChild(
            c,
            'run',
            random() < 1 / 7
              ? { afterMs: Math.floor(random() * 300), from: 'spawn' }
              : { afterMs: Math.floor(random() * maxDelay[c.version]), from: 'ready' },
          );
          if (existsSync(join(c.dir, 'orders.sqlite'))) checkJournal(c);
          if (r.killed) {
            report.killsSurvived += 1;
            report.killsByVersion[c.version] += 1;
            if (report.killsSurvived % 50 === 0)
              log(`${report.killsSurvived} kills, ${((performance.now() - started) / 1000).toFixed(0)} s`);
          } else killsLeft += 1; // it was not killed (it had ended): that kill is still owed
          if (r.done) break;
        }
      }),
    );

    // The kills are over: the faults stop, and every counter brings what it started to an end.
    if (faultTimer) clearTimeout(faultTimer);
    sim.faults.clear();
    log('kills done; finishing the sales started');
    await Promise.all(
      counters.map(async (c) => {
        const r = await runChild(c, 'finish', null);
        if (!r.done) report.brokenRuns.push(`${c.name}: the final run did not finish`);
      }),
    );

    const wanted = { pay: 'paid', cancel: 'canceled', expire: 'expired' } as const;
    const creates = sim.stats().createsPerOrder;
    const journaled = new Map<string, string>();
    for (const c of counters) {
      if (!existsSync(join(c.dir, 'orders.sqlite'))) {
        report.brokenRuns.push(`${c.name}: no journal was ever written`);
        continue;
      }
      const { orders } = checkJournal(c);
      report.ordersJournaled += orders.length;
      const byItem = new Map<number, typeof orders>();
      for (const o of orders) {
        journaled.set(o.order_id, o.state);
        const i = Number(/^plan:(\d+);$/.exec(o.note)?.[1]);
        byItem.set(i, [...(byItem.get(i) ?? []), o]);
        if ((creates[o.order_id] ?? 0) > 1) report.salesWithTwoTransactions += 1;
      }
      report.sales += byItem.size;
      report.salesByVersion[c.version] += byItem.size;
      report.paidOnTotal += paidOnTotal(c);
      for (const [i, mine] of byItem) {
        const last = mine.at(-1)!;
        const want = wanted[c.plan[i]!.fate];
        report.outcomes[last.state] = (report.outcomes[last.state] ?? 0) + 1;
        if (last.state !== want)
          report.unexpectedEndings.push(`${c.name} ${last.order_id}: ${last.state}, wanted ${want}`);
        // Earlier attempts for the same sale may only have ended unpaid.
        for (const o of mine.slice(0, -1))
          if (!['failed', 'canceled'].includes(o.state))
            report.unexpectedEndings.push(`${c.name} ${o.order_id} (an earlier attempt): ${o.state}`);
      }
    }
    // The simulator serves only these counters: every transaction it holds belongs to a sale.
    for (const t of sim.transactions()) {
      report.gatewayTransactions += 1;
      const state = journaled.get(t.orderId);
      // A transaction at Pakasir whose sale no journal has is a lost sale.
      if (state === undefined) report.salesLost += 1;
      else if (t.status === 'completed' && state !== 'paid') report.paidAtGatewayNotInJournal += 1;
    }
    report.rateLimitViolations = sim.stats().rateLimitViolations;
    return report;
  } finally {
    if (faultTimer) clearTimeout(faultTimer);
    await sim.close();
    if (process.env.SOAK_KEEP) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    report.durationMs = performance.now() - started;
  }
}
