import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openOrderStore } from '../../src/main/orders/journal';
import { businessDayOf } from '../../src/main/orders/local-time';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import { pairWithServer } from '../../src/main/sync/pair-with-server';
import { ShopServerLinkStore } from '../../src/main/sync/shop-server-link';
import { buildShopServer, type ShopServer } from '../../src/server/app';
import { shopDailyReport, type ShopDailyReport } from '../../src/server/reports/daily-report';
import { createPairingCode } from '../../src/server/tills/tills';
import type { DailyReport } from '../../src/shared/domain';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { seededRandom } from '../../testkit/random';
import { startTcpProxy } from '../support/tcp-proxy';
import { checkCounter, type CounterCheck } from './chaos-counter-check';
import { OWNER_TOKEN, startServerRig, WEBHOOK_SECRET } from '../server/support';

/**
 * Several tills push their sales to one shop server while the run kills them (SIGKILL, at
 * random moments, mid-push or mid-write) and cuts them off (connections dropped mid-request,
 * connection refused, a black hole that accepts and never answers, the server itself
 * restarted). Afterwards the server must hold every event of every till exactly once, the
 * same sales in the same states, and a daily report equal to the sum of the tills' own.
 */
export interface ChaosOptions {
  sales: number;
  tills: number;
  seed: number;
  /** Spacing of sales on the tills' clocks (spreads them over several business days). */
  spacingMs?: number;
  log?: (line: string) => void;
  /** Longest the run may take to converge once writing is done. */
  settleTimeoutMs?: number;
  /** Kills stop after this many (each restart costs a second of start-up): keeps the run's length bounded. */
  maxKills?: number;
}

export interface TillCheck {
  till: number;
  lastSeq: number;
  serverHwm: number;
  serverEvents: number;
  distinctSeqs: number;
  minSeq: number;
  maxSeq: number;
  ordersMatch: boolean;
  orderCount: number;
  mismatches: string[];
  counter: CounterCheck;
}

export interface ChaosResult {
  kills: number;
  drops: number;
  refusals: number;
  blackholes: number;
  serverRestarts: number;
  tills: TillCheck[];
  days: { day: string; server: ShopDailyReport; tills: DailyReport[] }[];
  /** Sales of the plans found in the tills' journals (a split sale is one, with two parts). */
  totalSales: number;
  /** Payment parts (shop.orders rows) across the tills. */
  totalParts: number;
  totalEvents: number;
  writeMs: number;
  settleMs: number;
}

const root = resolve(import.meta.dirname, '../..');
const CHILD = join(root, 'test/sync/chaos-till.ts');
const ZONE = 'Asia/Jakarta';
const CUTOFF = 4;
/** 01:30 in Jakarta: the first sales fall before the 04:00 cutoff, so they belong to the day before. */
const BASE = Date.parse('2026-11-24T18:30:00.000Z');

interface Till {
  index: number;
  dir: string;
  count: number;
  child: ChildProcess | null;
  written: boolean;
  tillId: string;
  /** The child's last stderr lines (its sync warnings), for a failure message. */
  lastErr: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lastSeqOf(dir: string): number {
  const db = new Database(join(dir, 'orders.sqlite'), { readonly: true });
  try {
    return (
      (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").get() as { seq: number } | undefined)
        ?.seq ?? 0
    );
  } finally {
    db.close();
  }
}

/** How many distinct plan entries the till's journal holds a payment part of. */
function plannedSalesIn(dir: string): number {
  const db = new Database(join(dir, 'orders.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT count(DISTINCT note) AS n FROM orders WHERE note LIKE 'plan:%'").get() as { n: number })
      .n;
  } finally {
    db.close();
  }
}

export async function runChaos(opts: ChaosOptions, given?: TestPostgres): Promise<ChaosResult> {
  const log = opts.log ?? (() => undefined);
  const random = seededRandom(opts.seed);
  const spacing = opts.spacingMs ?? 50_000;
  const pgs = given ?? (await startPostgres());
  const rig = await startServerRig(pgs, { listen: true, heartbeatMs: 1_000 });
  let server: ShopServer = rig.server;
  const proxy = await startTcpProxy(Number(new URL(rig.url).port));
  const tills: Till[] = [];
  const result = { kills: 0, drops: 0, refusals: 0, blackholes: 0, serverRestarts: 0 };
  try {
    for (let t = 0; t < opts.tills; t += 1) {
      const dir = mkdtempSync(join(tmpdir(), `pos-chaos-${t}-`));
      openOrderStore({ file: join(dir, 'orders.sqlite') }).close();
      const { code } = await createPairingCode(rig.pool, `Kasir ${t + 1}`);
      const answer = await pairWithServer(fetch, {
        serverUrl: proxy.url,
        code,
        tillName: `Kasir ${t + 1}`,
        orderPrefix: `CH${t}`,
        firstSeq: 1,
      });
      new ShopServerLinkStore({ dataDir: dir, safeStorage: memorySafeStorage() }).save(
        { url: proxy.url, tillId: answer.tillId, tillName: answer.tillName, token: answer.token },
        { acceptInsecure: true, at: new Date().toISOString() },
      );
      const count = Math.floor(opts.sales / opts.tills) + (t < opts.sales % opts.tills ? 1 : 0);
      tills.push({ index: t, dir, count, child: null, written: false, tillId: answer.tillId, lastErr: '' });
    }

    const start = (till: Till) => {
      // tsx as a loader inside this node process, so SIGKILL hits the process that writes.
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          CHILD,
          till.dir,
          String(opts.seed),
          String(till.index),
          String(till.count),
          String(BASE),
          String(spacing),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], cwd: root },
      );
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('written')) till.written = true;
      });
      child.stderr!.on('data', (d: Buffer) => {
        err = (err + d.toString()).slice(-4000);
        till.lastErr = (till.lastErr + d.toString()).slice(-4000);
      });
      child.on('exit', (code, signal) => {
        if (till.child === child) till.child = null;
        if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0)
          log(`till ${till.index} exited ${code ?? signal}: ${err}`);
      });
      till.child = child;
    };
    for (const till of tills) start(till);

    const began = Date.now();
    // Chaos while the tills write: one disruption at a time, at random moments.
    while (tills.some((t) => !t.written)) {
      await sleep(150 + random() * 600);
      const roll = random();
      if (roll < 0.45) {
        const victim = tills[Math.floor(random() * tills.length)]!;
        if (victim.child && !victim.written && result.kills < (opts.maxKills ?? 25)) {
          victim.child.kill('SIGKILL');
          result.kills += 1;
          const child = victim.child;
          await new Promise<void>((r) =>
            child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r()),
          );
          await sleep(50 + random() * 300);
          start(victim);
        }
      } else if (roll < 0.6) {
        proxy.dropAll();
        result.drops += 1;
      } else if (roll < 0.72) {
        await proxy.setMode('refuse');
        result.refusals += 1;
        await sleep(300 + random() * 900);
        await proxy.setMode('pass');
      } else if (roll < 0.82) {
        await proxy.setMode('blackhole');
        result.blackholes += 1;
        await sleep(800 + random() * 1200);
        await proxy.setMode('pass');
      } else if (roll < 0.87 && result.serverRestarts < 2) {
        // The server goes away and comes back on another port behind the same address.
        await proxy.setMode('refuse');
        await server.app.close();
        server = await buildShopServer({
          pool: rig.pool,
          webhookSecret: WEBHOOK_SECRET,
          ownerToken: OWNER_TOKEN,
          logLevel: 'silent',
          heartbeatMs: 1_000,
        });
        const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
        proxy.setTarget(Number(new URL(url).port));
        await proxy.setMode('pass');
        result.serverRestarts += 1;
      }
      // A till that died on its own would never finish: restart it.
      for (const till of tills) if (!till.child && !till.written) start(till);
    }
    const writeMs = Date.now() - began;
    await proxy.setMode('pass');
    log(
      `written in ${writeMs} ms; kills ${result.kills}, drops ${result.drops}, refused ${result.refusals}, black holes ${result.blackholes}, server restarts ${result.serverRestarts}`,
    );

    // Converge: every till's last sequence held by the server.
    const settleStart = Date.now();
    const deadline = settleStart + (opts.settleTimeoutMs ?? 90_000);
    for (;;) {
      const hwms = await rig.pool.query<{ id: string; hwm: number }>('SELECT id, hwm FROM shop.tills');
      const done = tills.every((t) => hwms.rows.find((r) => r.id === t.tillId)?.hwm === lastSeqOf(t.dir));
      if (done) break;
      if (Date.now() > deadline) {
        const state = tills
          .map((t) => {
            const db = new Database(join(t.dir, 'orders.sqlite'), { readonly: true });
            const mark = db.prepare("SELECT value FROM sync_state WHERE key = 'server_hwm'").get() as
              { value: string } | undefined;
            db.close();
            const server = hwms.rows.find((r) => r.id === t.tillId)?.hwm;
            return `till ${t.index}: journal ${lastSeqOf(t.dir)}, till's mark ${mark?.value ?? 'none'}, server ${server}, running ${t.child !== null}; ${t.lastErr.slice(-600)}`;
          })
          .join('\n');
        throw new Error(`the tills did not catch up with the server in time:\n${state}`);
      }
      for (const till of tills) if (!till.child) start(till);
      await sleep(200);
    }
    const settleMs = Date.now() - settleStart;
    await Promise.all(
      tills.map(
        (t) =>
          new Promise<void>((r) => {
            if (!t.child) return r();
            t.child.once('exit', () => r());
            t.child.kill('SIGTERM');
          }),
      ),
    );

    // Verify.
    const checks: TillCheck[] = [];
    const days = new Set<string>();
    let totalEvents = 0;
    for (const till of tills) {
      const lastSeq = lastSeqOf(till.dir);
      totalEvents += lastSeq;
      const ev = await rig.pool.query<{ n: number; d: number; lo: number; hi: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, min(seq) AS lo, max(seq) AS hi FROM shop.events WHERE till_id = $1',
        [till.tillId],
      );
      const hwm = await rig.pool.query<{ hwm: number }>('SELECT hwm FROM shop.tills WHERE id = $1', [till.tillId]);
      const db = new Database(join(till.dir, 'orders.sqlite'), { readonly: true });
      const local = db
        .prepare(
          'SELECT order_id, state, amount, fee, total_payment, revision, created_at FROM orders ORDER BY order_id',
        )
        .all() as {
        order_id: string;
        state: string;
        amount: number;
        fee: number | null;
        total_payment: number | null;
        revision: number;
        created_at: string;
      }[];
      db.close();
      const remote = await rig.pool.query<{
        order_id: string;
        state: string;
        amount: number;
        fee: number | null;
        total_payment: number | null;
        revision: number;
      }>(
        'SELECT order_id, state, amount, fee, total_payment, revision FROM shop.orders WHERE till_id = $1 ORDER BY order_id',
        [till.tillId],
      );
      const byId = new Map(remote.rows.map((r) => [r.order_id, r]));
      const mismatches: string[] = [];
      for (const l of local) {
        days.add(businessDayOf(new Date(l.created_at), CUTOFF, ZONE));
        const r = byId.get(l.order_id);
        const same =
          r &&
          r.state === l.state &&
          r.amount === l.amount &&
          r.fee === l.fee &&
          r.total_payment === l.total_payment &&
          r.revision === l.revision;
        if (!same && mismatches.length < 5)
          mismatches.push(
            `${l.order_id}: till ${l.state}/${l.revision}, server ${r ? `${r.state}/${r.revision}` : 'missing'}`,
          );
      }
      if (remote.rows.length !== local.length)
        mismatches.push(`till has ${local.length} sales, server ${remote.rows.length}`);
      checks.push({
        till: till.index,
        lastSeq,
        serverHwm: hwm.rows[0]!.hwm,
        serverEvents: ev.rows[0]!.n,
        distinctSeqs: ev.rows[0]!.d,
        minSeq: ev.rows[0]!.lo,
        maxSeq: ev.rows[0]!.hi,
        ordersMatch: mismatches.length === 0,
        orderCount: local.length,
        mismatches,
        counter: await checkCounter(rig.pool, till.dir, till.tillId),
      });
    }
    const reports: ChaosResult['days'] = [];
    for (const day of [...days].sort()) {
      const server = await shopDailyReport(rig.pool, { day, cutoffHour: CUTOFF, timeZone: ZONE });
      const own = tills.map((t) => {
        const store = openOrderStore({ file: join(t.dir, 'orders.sqlite'), timeZone: ZONE });
        try {
          return store.dailyReport(day, CUTOFF, ZONE);
        } finally {
          store.close();
        }
      });
      reports.push({ day, server, tills: own });
    }
    return {
      ...result,
      tills: checks,
      days: reports,
      totalSales: tills.reduce((s, t) => s + plannedSalesIn(t.dir), 0),
      totalParts: checks.reduce((s, c) => s + c.orderCount, 0),
      totalEvents,
      writeMs,
      settleMs,
    };
  } finally {
    for (const t of tills) t.child?.kill('SIGKILL');
    await proxy.close().catch(() => undefined);
    await server.app.close().catch(() => undefined);
    await rig.pool.end().catch(() => undefined);
    if (!given) await pgs.stop();
    for (const t of tills) rmSync(t.dir, { recursive: true, force: true });
  }
}
