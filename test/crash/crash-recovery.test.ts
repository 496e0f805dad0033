import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../support/simulator';
import type { PlanItem } from './crash-child';
import { seededRandom } from '../support/random';

/**
 * The crash test: a child process runs the real payment engine against the simulator and
 * is killed with SIGKILL at random moments of many sales. After every kill the journal must
 * be intact and no sale may have two gateway transactions; after the last restart every sale
 * reaches the state its story calls for, and every payment Pakasir took is paid in the log.
 */
const root = resolve(import.meta.dirname, '../..');
const child = join(root, 'test/crash/crash-child.ts');

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ expiryMs: 10 * 60_000 });
});
afterAll(async () => {
  await sim.close();
});

function runChild(
  dir: string,
  plan: PlanItem[],
  version: 'v1' | 'v2',
  killAfterReadyMs: number | null,
): Promise<{ done: boolean; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    // tsx as a loader inside this node process (not its CLI wrapper), so SIGKILL hits the
    // process that runs the engine and nothing outlives the kill.
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', child, dir, sim.baseUrl, sim.sandbox.slug, sim.sandbox.apiKey, version, JSON.stringify(plan)],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: root },
    );
    let out = '';
    let err = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterReadyMs !== null && !timer && out.includes('ready')) {
        timer = setTimeout(() => {
          killed = p.kill('SIGKILL');
        }, killAfterReadyMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => p.kill('SIGKILL'), 90_000);
    p.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0)
        return resolvePromise({ done: out.includes('done'), killed: killed && signal === 'SIGKILL' });
      reject(new Error(`child exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

function journalChecks(dir: string): {
  orders: { order_id: string; note: string; state: string; reason: string | null; created_at: string }[];
} {
  const db = new Database(join(dir, 'orders.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orders = db
      .prepare('SELECT order_id, note, state, reason, created_at FROM orders ORDER BY created_at, order_id')
      .all() as { order_id: string; note: string; state: string; reason: string | null; created_at: string }[];
    return { orders };
  } finally {
    db.close();
  }
}

async function crashRun(version: 'v1' | 'v2', sales: number, kills: number, seed: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), `pos-crash-${version}-`));
  const random = seededRandom(seed);
  const fates: PlanItem['fate'][] = ['pay', 'pay', 'pay', 'cancel', 'expire'];
  const plan: PlanItem[] = Array.from({ length: sales }, (_, i) => ({
    amount: 1000 + i * 137 + Math.floor(random() * 500),
    fate: fates[Math.floor(random() * fates.length)]!,
  }));
  let survived = 0;
  try {
    for (let k = 0; k < kills; k++) {
      const r = await runChild(dir, plan, version, Math.floor(random() * (version === 'v2' ? 2500 : 250)));
      if (r.killed) survived += 1;
      journalChecks(dir);
      for (const [orderId, n] of Object.entries(sim.stats().createsPerOrder)) {
        if (orderId.startsWith('CRASH')) expect(n, `transactions for ${orderId}`).toBeLessThanOrEqual(1);
      }
      if (r.done) break;
    }
    // The last run goes to the end of the plan without a kill.
    const last = await runChild(dir, plan, version, null);
    expect(last.done).toBe(true);

    const { orders } = journalChecks(dir);
    const wanted = { pay: 'paid', cancel: 'canceled', expire: 'expired' } as const;
    plan.forEach((item, i) => {
      const mine = orders.filter((o) => o.note === `plan:${i};`);
      expect(mine.length, `sale ${i} was charged`).toBeGreaterThan(0);
      expect(mine.at(-1)!.state, `sale ${i} (${item.fate})`).toBe(wanted[item.fate]);
      // Earlier attempts for the same sale only ever ended unpaid.
      for (const o of mine.slice(0, -1)) expect(['failed', 'canceled'], JSON.stringify(mine)).toContain(o.state);
    });
    // Every payment Pakasir took is paid in the journal: nothing missed.
    const byId = new Map(orders.map((o) => [o.order_id, o]));
    for (const t of sim.transactions()) {
      if (!t.orderId.startsWith('CRASH') || !byId.has(t.orderId)) continue;
      if (t.status === 'completed') expect(byId.get(t.orderId)!.state).toBe('paid');
    }
    for (const [orderId, n] of Object.entries(sim.stats().createsPerOrder)) {
      if (byId.has(orderId)) expect(n).toBeLessThanOrEqual(1);
    }
    console.log(
      `crash test (${version}): ${survived} SIGKILLs survived over ${sales} sales, ${orders.length} orders journaled`,
    );
    return survived;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('crash recovery with SIGKILL', () => {
  it('API v1: survives many kills at random points with an intact journal and one transaction per sale', async () => {
    const survived = await crashRun('v1', 40, 40, 20261125);
    expect(survived).toBeGreaterThanOrEqual(20);
  }, 600_000);

  it('API v2: survives kills while the 4 s status limit is kept', async () => {
    const survived = await crashRun('v2', 5, 8, 7);
    expect(survived).toBeGreaterThanOrEqual(3);
    expect(sim.stats().rateLimitViolations).toBe(0);
  }, 600_000);
});
