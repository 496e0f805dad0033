import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { createAppServices } from '../../src/main/app/create-services';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import type { CounterChildConfig } from './counter-child';

/**
 * SIGKILL during cash sales and during the shift's close: a counter process (the app's own
 * services, demo mode) is killed at random moments, restarted, and picks up from its
 * journal. After every kill the journal is whole (no sale half written, no cash part
 * without its sale, no shift closed without its report); at the end every planned sale is
 * there exactly once, the shift is closed exactly once, and the drawer's expected cash is
 * the opening plus every sale to the rupiah.
 */
const root = resolve(import.meta.dirname, '../..');
let work = '';
let child = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pos-counter-crash-'));
  child = join(work, 'counter-child.cjs');
  await build({
    entryPoints: [join(root, 'test/crash/counter-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    alias: { '@shared': join(root, 'src/shared') },
    logLevel: 'error',
  });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Run = { done: boolean; killed: boolean; closing: boolean; err: string };

function runChild(cfg: CounterChildConfig, kill: { after: 'ready' | 'closing'; ms: number } | null): Promise<Run> {
  const file = join(cfg.dataDir, '..', `cfg-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  return new Promise((done) => {
    const p = spawn(process.execPath, [child, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: root,
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    let out = '';
    let err = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    // A run that neither ends nor gets killed is stuck: a finding, not a wait.
    const guard = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (kill && !timer && out.includes(`${kill.after}\n`))
        timer = setTimeout(() => (killed = p.kill('SIGKILL')), kill.ms);
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      done({
        done: code === 0 && out.includes('done\n'),
        killed: killed && signal === 'SIGKILL',
        closing: out.includes('closing\n'),
        err,
      });
    });
  });
}

function read<T>(dataDir: string, sql: string): T[] {
  const db = new Database(join(dataDir, 'orders.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** What must hold after any kill: whole entries only. */
function checkWhole(dataDir: string): void {
  // Every cash part has its sale and is paid; every sale has its parts.
  expect(
    read(
      dataDir,
      "SELECT order_id FROM orders WHERE method = 'cash' AND (state <> 'paid' OR sale_id NOT IN (SELECT sale_id FROM sales))",
    ),
  ).toEqual([]);
  expect(
    read(
      dataDir,
      'SELECT sale_id FROM sales WHERE sale_id NOT IN (SELECT sale_id FROM orders WHERE sale_id IS NOT NULL)',
    ),
  ).toEqual([]);
  // No tag sold twice.
  expect(read(dataDir, 'SELECT note, count(*) AS n FROM orders GROUP BY note HAVING n > 1')).toEqual([]);
  // A closed shift has its counted cash and its frozen report.
  expect(
    read(dataDir, "SELECT shift_id FROM shifts WHERE state = 'closed' AND (counted_cash IS NULL OR report IS NULL)"),
  ).toEqual([]);
  // Each sale is queued for the shop server exactly once.
  expect(
    read(
      dataDir,
      "SELECT entity_id, count(*) AS n FROM sync_outbox WHERE kind = 'sale.opened' GROUP BY entity_id HAVING n > 1",
    ),
  ).toEqual([]);
}

describe('the counter under SIGKILL', () => {
  it('kills during cash sales and during the shift close lose nothing, double nothing, and the drawer adds up', async () => {
    const random = seeded(20261125);
    const dataDir = join(work, 'till');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir);
    const plan = Array.from({ length: 80 }, (_, i) => {
      const amount = 1_000 * (3 + Math.floor(random() * 90)) + (i % 2 ? 500 : 0);
      return { amount, tendered: Math.ceil(amount / 50_000) * 50_000 };
    });
    const base = Date.parse('2026-11-25T10:00:00+07:00');
    let killsInSales = 0;
    let killsInClose = 0;
    let runs = 0;
    for (;;) {
      const cfg: CounterChildConfig = {
        dataDir,
        plan,
        openingCash: 150_000,
        countedOffset: -500,
        startAt: new Date(base + runs * 60_000).toISOString(),
      };
      // First kills somewhere in the sales, then kills just as the close begins, then a run to the end.
      const kill =
        runs < 10
          ? { after: 'ready' as const, ms: Math.floor(random() * 150) }
          : runs < 14
            ? { after: 'closing' as const, ms: Math.floor(random() * 4) }
            : null;
      const run = await runChild(cfg, kill);
      runs += 1;
      if (run.killed) {
        if (run.closing) killsInClose += 1;
        else killsInSales += 1;
        checkWhole(dataDir);
        continue;
      }
      expect(run.err, 'the counter failed').toBe('');
      if (run.done) break;
    }
    checkWhole(dataDir);
    expect(killsInSales).toBeGreaterThan(3);
    expect(killsInClose).toBeGreaterThan(0);

    const orders = read<{ note: string; price: number; tendered: number; change: number }>(
      dataDir,
      "SELECT note, price, cash_tendered AS tendered, cash_change AS change FROM orders WHERE method = 'cash' ORDER BY note",
    );
    expect(orders.map((o) => o.note).sort()).toEqual(plan.map((_, i) => `plan:${i};`).sort());
    for (const o of orders) {
      const item = plan[Number(/plan:(\d+);/.exec(o.note)![1])]!;
      expect(o).toMatchObject({ price: item.amount, tendered: item.tendered, change: item.tendered - item.amount });
    }
    const shifts = read<{ state: string; counted_cash: number; report: string }>(dataDir, 'SELECT * FROM shifts');
    expect(shifts).toHaveLength(1);
    const expected = 150_000 + plan.reduce((s, p) => s + p.amount, 0);
    const z = JSON.parse(shifts[0]!.report) as { drawer: { expected: number; counted: number; difference: number } };
    expect(shifts[0]).toMatchObject({ state: 'closed', counted_cash: expected - 500 });
    expect(z.drawer).toEqual(expect.objectContaining({ expected, counted: expected - 500, difference: -500 }));
    expect(read(dataDir, "SELECT count(*) AS n FROM sync_outbox WHERE kind = 'shift.closed'")).toEqual([{ n: 1 }]);
    // The Z report can be printed, whether or not the kill came between the close and its recording.
    const app = await createAppServices({
      dataDir,
      shell: 'browser',
      safeStorage: memorySafeStorage(),
      version: 'test',
      quiet: true,
      timeZone: 'Asia/Jakarta',
      clock: () => new Date(base + runs * 60_000),
      listDisplays: () => [],
      exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
    });
    try {
      const shiftId = read<{ shift_id: string }>(dataDir, 'SELECT shift_id FROM shifts')[0]!.shift_id;
      // No printer is set up here: the call says so, and the report is recorded for when one is.
      const printed = await dispatch(app.handlers, 'printZReport', { shiftId });
      expect(printed.ok ? 'printed' : printed.error.message).toMatch(/printed|No printer is set up/);
      expect(app.printing.receipt('z_report', shiftId)).not.toBeNull();
    } finally {
      await app.stop();
    }
    console.log(`counter crash: ${runs} runs, ${killsInSales} kills in sales, ${killsInClose} in the close`);
  }, 240_000);
});
