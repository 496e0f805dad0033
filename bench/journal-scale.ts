import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { OrderFilter } from '../src/shared/domain';
import { openOrderStore } from '../src/main/orders/journal';
import { migrationHash } from '../src/main/orders/migrate';
import { MIGRATIONS } from '../src/main/orders/migrations';
import { precheckJournal } from '../src/main/orders/journal-precheck';
import { encodeCursor, filterParts, partsToSql } from '../src/main/orders/order-query';
import { LIVE_STATES, stateInSql, WATCHED_STATES } from '../src/shared/order-state';
import { shellExport, sqliteShellMissing, type PeerExport } from './export-peer';
import { seedOrders } from '../testkit/orders';
import { warmFile } from './lib/page-cache';
import { summarize, type Summary } from './lib/stats';

/**
 * The order journal at a year of a busy shop: `count` sales (default 1,000,000) seeded once
 * into bench/tmp/ and reused by later runs. Timings are with a warm page cache (the file is
 * read through before the reads are timed and before each export), as on a counter that has
 * been running.
 */

const TZ = 'Asia/Jakarta';
/** A fixed end, so a reused file and a fresh one hold the same sales. */
const SEED_END = new Date('2026-10-31T12:00:00Z');
const SEED_DAYS = 365;
/**
 * Samples of each of our history reads (pages, searches). On a shared 2-core machine a few reads
 * in a hundred stall for 5-18 ms (the median is about 1 ms): of 40 samples the p95 is the
 * third slowest, so two or three stalls decided it from one run to the next; of 200 it takes
 * ten, and the p95 is the reads' own.
 */
const HISTORY_RUNS = 200;

export interface ExportFigure {
  format: string;
  rows: number;
  bytes: number;
  ms: number;
  maxRssMiB: number;
  baselineRssMiB: number;
}

/** Our figure and, where there is one, the same job done by the peer. */
export interface Paired {
  ours: Summary;
  peer: Summary | null;
}

export interface JournalFigures {
  count: number;
  fileMiB: number;
  seededNow: boolean;
  seedMs: number | null;
  live: number;
  watched: number;
  /** The sqlite3 shell cannot run here: why, in one sentence. */
  shellMissing: string | null;
  openRecover: Paired;
  firstPage: Paired;
  firstPageFiltered: Paired;
  deepPage: Summary;
  searchNote: Paired & { matches: number };
  searchOrderId: Paired & { matches: number };
  searchAmount: Paired & { matches: number };
  dailyReport: Summary;
  csvAll: { ours: ExportFigure[]; peer: PeerExport[] };
  csv100k: ExportFigure[];
  xlsx100k: ExportFigure[];
  childBaseline: ExportFigure;
}

/** Sales in a journal seeded earlier, or null when there is none or it has other migrations than this code. */
function storedCount(file: string): number | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true });
    try {
      const applied = db.prepare('SELECT version, sha256 FROM schema_migrations ORDER BY version').all() as {
        version: number;
        sha256: string;
      }[];
      const current = MIGRATIONS.map((m) => ({ version: m.version, sha256: migrationHash(m.sql) }));
      if (JSON.stringify(applied) !== JSON.stringify(current)) return null;
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

/** The answer as the app gave it before migration 7: every row counted, the text search by LIKE over every row. */
function fullScan(db: Database.Database, filter: OrderFilter, limit: number): number {
  const sql = partsToSql(filterParts(filter, TZ), 'scan');
  db.prepare(`SELECT * FROM orders ${sql.where} ORDER BY created_at DESC, order_id DESC LIMIT ?`).all(
    ...sql.params,
    limit,
  );
  return (db.prepare(`SELECT count(*) AS n FROM orders ${sql.where}`).get(...sql.params) as { n: number }).n;
}

/** The peer for start-up: the sqlite3 shell opening the journal and reading the same two lists. */
function shellOpen(file: string): void {
  const sql = `SELECT count(*) FROM orders WHERE ${stateInSql(LIVE_STATES)};
SELECT count(*) FROM orders WHERE watch_until IS NOT NULL AND ${stateInSql(WATCHED_STATES)} AND watch_until > '${new Date().toISOString()}';`;
  const r = spawnSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
}

export async function runJournalScale(opts: {
  root: string;
  tmpRoot: string;
  count: number;
  runs: number;
  /** Runs of each export (ours and the shell's), for the spread. */
  exportRuns: number;
  log: (line: string) => void;
}): Promise<JournalFigures> {
  const file = join(opts.tmpRoot, `orders-${opts.count}.sqlite`);
  opts.log(`journal: ${existsSync(file) ? 'checking' : 'seeding'} ${opts.count.toLocaleString('en')} sales in ${file}`);
  const seed = ensureSeeded(file, opts.count);
  if (seed.seeded) opts.log(`journal: seeded in ${Math.round(seed.ms! / 1000)} s`);
  const shellMissing = sqliteShellMissing();
  if (shellMissing) opts.log(`PEER MISSING: ${shellMissing}; the rows that compare with it say so`);

  let live = 0;
  let watched = 0;
  warmFile(file);
  const openRecover = timeRuns(opts.runs, () => {
    // What the app does before it takes sales: the cheap checks, then open and recover.
    // The full integrity check runs later, in the background.
    if (!precheckJournal(file, true).ok) throw new Error(`the bench journal ${file} failed its checks`);
    const store = openOrderStore({ file, timeZone: TZ, holdCheckpoints: true });
    live = store.listLive().length;
    watched = store.listWatched(new Date().toISOString()).length;
    store.close();
  });
  const openPeer = shellMissing ? null : timeRuns(opts.runs, () => shellOpen(file));

  warmFile(file);
  const store = openOrderStore({ file, timeZone: TZ });
  const raw = new Database(file, { readonly: true });
  const endMs = SEED_END.getTime();
  const dayMs = 86_400_000;
  // A month of paid QRIS sales, as an owner filters the history.
  const filtered: OrderFilter = {
    from: localDay(endMs - 30 * dayMs),
    to: localDay(endMs),
    states: ['paid'],
    methods: ['qris'],
  };
  // Our history reads take milliseconds, so each is timed HISTORY_RUNS times (see there). The
  // peer reads every row (a second or more each) and keeps the plan's run count.
  const paired = (filter: OrderFilter, runs: number): Paired => ({
    ours: timeRuns(Math.max(runs, HISTORY_RUNS), () => store.list(filter, 50)),
    peer: timeRuns(runs, () => fullScan(raw, filter, 51)),
  });
  const firstPage = paired({}, opts.runs * 2);
  const firstPageFiltered = paired(filtered, opts.runs * 2);
  // A page half-way through the log: the cursor of the sale in the middle.
  const middle = raw
    .prepare('SELECT created_at, order_id FROM orders ORDER BY created_at DESC, order_id DESC LIMIT 1 OFFSET ?')
    .get(Math.floor(opts.count / 2)) as { created_at: string; order_id: string };
  const cursor = encodeCursor(middle.created_at, middle.order_id);
  const deepPage = timeRuns(Math.max(opts.runs * 2, HISTORY_RUNS), () => store.list({}, 50, cursor));
  // Three searches a cashier types: a note text about one sale in ten carries, the tail of
  // one order id, and an amount.
  const search = (text: string) => ({
    ...paired({ search: text }, opts.runs),
    // The exact number: the page itself says "more than" past its cap.
    matches: store.count({ search: text }),
  });
  const searchNote = search('Nasi goreng');
  const searchOrderId = search(middle.order_id.slice(-8));
  const searchAmount = search('110.000');
  const reportDay = localDay(endMs - 180 * dayMs);
  const dailyReport = timeRuns(opts.runs * 2, () => store.dailyReport(reportDay, 4, TZ));
  raw.close();
  store.close();

  // About 100,000 sales: the newest tenth of the year.
  const tenth: OrderFilter = {
    from: localDay(endMs - Math.round(SEED_DAYS / 10) * dayMs + dayMs),
    to: localDay(endMs),
  };
  const out = (name: string) => join(opts.tmpRoot, name);
  opts.log(
    `journal: exports in child processes, ${opts.exportRuns} runs each (baseline, CSV ~100k, XLSX ~100k, CSV all, sqlite3 shell all)`,
  );
  const childBaseline = childExport(opts.root, file, 'none', out('none.out'), {});
  // Each pair compared below alternates (CSV and XLSX of the same rows; ours and the shell's),
  // so a burst of load or a slower minute on the machine hits both alike; each export starts
  // on a warm journal (warmFile), so neither side measures the disk.
  const warm = <T>(run: () => T): T => {
    warmFile(file);
    return run();
  };
  const csv100k: ExportFigure[] = [];
  const xlsx100k: ExportFigure[] = [];
  for (let i = 0; i < opts.exportRuns; i += 1) {
    csv100k.push(warm(() => childExport(opts.root, file, 'csv', out('export-100k.csv'), tenth)));
    xlsx100k.push(warm(() => childExport(opts.root, file, 'xlsx', out('export-100k.xlsx'), tenth)));
  }
  const csvAll: { ours: ExportFigure[]; peer: PeerExport[] } = { ours: [], peer: [] };
  for (let i = 0; i < opts.exportRuns; i += 1) {
    csvAll.ours.push(warm(() => childExport(opts.root, file, 'csv', out('export-all.csv'), {})));
    if (!shellMissing) csvAll.peer.push(warm(() => shellExport(file, out('export-all-shell.csv'))));
  }

  return {
    count: opts.count,
    fileMiB: statSync(file).size / 1024 ** 2,
    seededNow: seed.seeded,
    seedMs: seed.ms,
    live,
    watched,
    shellMissing,
    openRecover: { ours: openRecover, peer: openPeer },
    firstPage,
    firstPageFiltered,
    deepPage,
    searchNote,
    searchOrderId,
    searchAmount,
    dailyReport,
    csvAll,
    csv100k,
    xlsx100k,
    childBaseline,
  };
}
