import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { OrderFilter } from '../src/shared/domain';
import { openOrderStore } from '../src/main/orders/journal';
import { precheckJournal } from '../src/main/orders/journal-precheck';
import { encodeCursor } from '../src/main/orders/order-query';
import { seedOrders } from '../test/support/orders';
import { summarize, type Summary } from './lib/stats';

/**
 * The order journal at a year of a busy shop: `count` sales (default 1,000,000) seeded once
 * into bench/tmp/ and reused by later runs. Timings are with a warm page cache (the file was
 * just written or read), as on a counter that has been running.
 */

const TZ = 'Asia/Jakarta';
/** A fixed end, so a reused file and a fresh one hold the same sales. */
const SEED_END = new Date('2026-10-31T12:00:00Z');
const SEED_DAYS = 365;

export interface ExportFigure {
  format: string;
  rows: number;
  bytes: number;
  ms: number;
  maxRssMiB: number;
  baselineRssMiB: number;
}

export interface JournalFigures {
  count: number;
  fileMiB: number;
  seededNow: boolean;
  seedMs: number | null;
  live: number;
  watched: number;
  openRecover: Summary;
  firstPage: Summary;
  firstPageFiltered: Summary;
  deepPage: Summary;
  search: Summary;
  dailyReport: Summary;
  csvAll: ExportFigure;
  csv100k: ExportFigure;
  xlsx100k: ExportFigure;
  childBaseline: ExportFigure;
}

function storedCount(file: string): number | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function removeJournal(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function ensureSeeded(file: string, count: number): { seeded: boolean; ms: number | null } {
  if (storedCount(file) === count) return { seeded: false, ms: null };
  removeJournal(file);
  // The schema comes from the real migrations; the rows from the shared test seeder.
  openOrderStore({ file, timeZone: TZ }).close();
  const started = performance.now();
  seedOrders(file, count, { end: SEED_END, days: SEED_DAYS, seed: 42, terminal: 'BENCH' });
  const ms = performance.now() - started;
  // Leave the file as a closed app would: WAL folded back into the database.
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { seeded: true, ms };
}

function timeRuns(runs: number, fn: () => void): Summary {
  fn(); // first run warms the statement cache; it is not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

function childExport(root: string, file: string, format: string, out: string, filter: OrderFilter): ExportFigure {
  const text = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'export-child.ts'), file, format, out, JSON.stringify(filter)],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(text.trim().split('\n').pop()!) as ExportFigure;
}

/** The local date YYYY-MM-DD of an instant in the benchmark's zone. */
function localDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(ms),
  );
}

export async function runJournalScale(opts: {
  root: string;
  tmpRoot: string;
  count: number;
  runs: number;
  log: (line: string) => void;
}): Promise<JournalFigures> {
  const file = join(opts.tmpRoot, `orders-${opts.count}.sqlite`);
  opts.log(`journal: ${existsSync(file) ? 'checking' : 'seeding'} ${opts.count.toLocaleString('en')} sales in ${file}`);
  const seed = ensureSeeded(file, opts.count);
  if (seed.seeded) opts.log(`journal: seeded in ${Math.round(seed.ms! / 1000)} s`);

  let live = 0;
  let watched = 0;
  const openRecover = timeRuns(opts.runs, () => {
    // What the app does before it takes sales: the cheap checks, then open and recover.
    // The full integrity check runs later, in the background.
    if (!precheckJournal(file, true).ok) throw new Error(`the bench journal ${file} failed its checks`);
    const store = openOrderStore({ file, timeZone: TZ, holdCheckpoints: true });
    live = store.listLive().length;
    watched = store.listWatched(new Date().toISOString()).length;
    store.close();
  });

  const store = openOrderStore({ file, timeZone: TZ });
  const endMs = SEED_END.getTime();
  const dayMs = 86_400_000;
  // A month of paid QRIS sales, as an owner filters the history.
  const filtered: OrderFilter = {
    from: localDay(endMs - 30 * dayMs),
    to: localDay(endMs),
    states: ['paid'],
    methods: ['qris'],
  };
  const firstPage = timeRuns(opts.runs * 2, () => store.list({}, 50));
  const firstPageFiltered = timeRuns(opts.runs * 2, () => store.list(filtered, 50));
  // A page half-way through the log: the cursor of the sale in the middle.
  const db = new Database(file, { readonly: true });
  const middle = db
    .prepare('SELECT created_at, order_id FROM orders ORDER BY created_at DESC, order_id DESC LIMIT 1 OFFSET ?')
    .get(Math.floor(opts.count / 2)) as { created_at: string; order_id: string };
  db.close();
  const cursor = encodeCursor(middle.created_at, middle.order_id);
  const deepPage = timeRuns(opts.runs * 2, () => store.list({}, 50, cursor));
  const search = timeRuns(opts.runs, () => store.list({ search: 'Nasi goreng' }, 50));
  const reportDay = localDay(endMs - 180 * dayMs);
  const dailyReport = timeRuns(opts.runs * 2, () => store.dailyReport(reportDay, 4, TZ));
  store.close();

  // About 100,000 sales: the newest tenth of the year.
  const tenth: OrderFilter = {
    from: localDay(endMs - Math.round(SEED_DAYS / 10) * dayMs + dayMs),
    to: localDay(endMs),
  };
  const out = (name: string) => join(opts.tmpRoot, name);
  opts.log('journal: export child processes (baseline, CSV ~100k, CSV all, XLSX ~100k)');
  const childBaseline = childExport(opts.root, file, 'none', out('none.out'), {});
  const csv100k = childExport(opts.root, file, 'csv', out('export-100k.csv'), tenth);
  const csvAll = childExport(opts.root, file, 'csv', out('export-all.csv'), {});
  const xlsx100k = childExport(opts.root, file, 'xlsx', out('export-100k.xlsx'), tenth);

  return {
    count: opts.count,
    fileMiB: statSync(file).size / 1024 ** 2,
    seededNow: seed.seeded,
    seedMs: seed.ms,
    live,
    watched,
    openRecover,
    firstPage,
    firstPageFiltered,
    deepPage,
    search,
    dailyReport,
    csvAll,
    csv100k,
    xlsx100k,
    childBaseline,
  };
}
