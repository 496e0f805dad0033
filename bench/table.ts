import type { GatewayUse } from './gateway-use';
import type { JournalFigures } from './journal-scale';
import type { MachineInfo } from './lib/machine';
import type { Summary } from './lib/stats';
import type { BundleFigures } from './renderer-load';

export interface Row {
  figure: string;
  median: string;
  p95: string;
  target: string;
  verdict: 'pass' | 'MISS' | 'info';
}

interface ChargeFigures {
  app: Summary;
  both: Summary;
  gateway: Summary;
  beforeCreate: Summary;
  afterCreate: Summary;
  deliver: Summary;
  customerFill: Summary;
  cashierFill: Summary;
}

export interface Figures {
  chargeToQr: { gateway0: ChargeFigures; gateway50: ChargeFigures };
  paidToShown: {
    floorMs: number;
    engine: Summary;
    naive: Summary;
    browserBoth: Summary;
    browserDelivery: Summary;
    engineRateLimitViolations: number;
    harnessRateLimitViolations: number;
    naiveRateLimited: number;
    naiveStatusCalls: number;
    engineSimStats: { maxCreatesPerOrder: number };
  };
  gatewayUse: GatewayUse;
  journal: JournalFigures;
  renderer: { bundle: BundleFigures; keypadReady: Summary };
}

const ms = (x: number): string =>
  !Number.isFinite(x)
    ? '—'
    : x >= 10_000
      ? `${(x / 1000).toFixed(1)} s`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} s`
        : x >= 100
          ? `${Math.round(x)} ms`
          : `${x.toFixed(1)} ms`;
const mib = (x: number): string => `${Math.round(x)} MiB`;
const kib = (x: number): string => `${(x / 1024).toFixed(1)} KiB`;
const n = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'pass' : 'MISS');

export function buildTable(
  f: Figures,
  plan: { counters: number; salesPerCounter: number; journalCount: number },
): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, median: string, p95: string, target = '—', v: Row['verdict'] = 'info') =>
    rows.push({ figure, median, p95, target, verdict: v });
  const c0 = f.chargeToQr.gateway0;
  const c50 = f.chargeToQr.gateway50;
  add(
    'Charge to QR on both windows, app time (gateway +0 ms)',
    ms(c0.app.median),
    ms(c0.app.p95),
    '< 30 ms p95',
    verdict(c0.app.p95 < 30),
  );
  add('  of which: click to create request sent', ms(c0.beforeCreate.median), ms(c0.beforeCreate.p95));
  add('  of which: create answer to QR published', ms(c0.afterCreate.median), ms(c0.afterCreate.p95));
  add('  of which: published to both windows drawn', ms(c0.deliver.median), ms(c0.deliver.p95));
  add(
    '    of which: QR pixel fill, customer display / cashier',
    `${ms(c0.customerFill.median)} / ${ms(c0.cashierFill.median)}`,
    `${ms(c0.customerFill.p95)} / ${ms(c0.cashierFill.p95)}`,
  );
  add('  (gateway create round trip, subtracted)', ms(c0.gateway.median), ms(c0.gateway.p95));
  add(
    'Charge to QR on both windows, app time (gateway +50 ms)',
    ms(c50.app.median),
    ms(c50.app.p95),
    '< 30 ms p95',
    verdict(c50.app.p95 < 30),
  );
  add('  (total incl. gateway, +50 ms)', ms(c50.both.median), ms(c50.both.p95));

  const p = f.paidToShown;
  const within = p.engine.mean <= p.floorMs * 1.1;
  add(
    `Paid to shown, engine, ${plan.counters * plan.salesPerCounter} sales v2 (mean ${ms(p.engine.mean)})`,
    ms(p.engine.median),
    ms(p.engine.p95),
    `mean <= 1.1 x floor ${ms(p.floorMs)}`,
    verdict(within),
  );
  add(
    `Paid to shown, both windows in Chromium (${p.browserBoth.n} sales)`,
    ms(p.browserBoth.median),
    ms(p.browserBoth.p95),
  );
  add('  of which: engine published to both windows drawn', ms(p.browserDelivery.median), ms(p.browserDelivery.p95));
  add(`Paid to shown, naive 3 s poller (mean ${ms(p.naive.mean)})`, ms(p.naive.median), ms(p.naive.p95));
  const violations = p.engineRateLimitViolations + p.harnessRateLimitViolations;
  add('Rate-limit violations (engine and harness)', String(violations), '', '0', verdict(violations === 0));
  add(`  naive 3 s poller: calls refused 429`, `${p.naiveRateLimited} of ${p.naiveStatusCalls}`, '');

  const g = f.gatewayUse;
  add(
    'Creates per sale',
    n(g.createsPerSale.median),
    n(g.createsPerSale.p95),
    '1 (max 1)',
    verdict(g.createsPerSale.max === 1 && p.engineSimStats.maxCreatesPerOrder === 1),
  );
  add('Status calls per sale', n(g.statusPerSale.median), n(g.statusPerSale.p95));
  add(
    'Cancel calls per sale',
    n(g.cancelsPerSale.median),
    n(g.cancelsPerSale.p95),
    '0 (paid sales)',
    verdict(g.cancelsPerSale.max === 0),
  );
  add(
    'Shortest gap between two status calls, one transaction',
    ms(g.minStatusGapMs),
    '',
    '>= 4.00 s',
    verdict(g.minStatusGapMs >= 4000),
  );
  add(
    'Most creates by one project in one second',
    String(g.peakCreatesPerSecond),
    '',
    '<= 2',
    verdict(g.peakCreatesPerSecond <= 2),
  );

  const j = f.journal;
  const count = plan.journalCount.toLocaleString('en');
  add(
    `Journal open + recovery, ${count} sales (${Math.round(j.fileMiB)} MiB)`,
    ms(j.openRecover.median),
    ms(j.openRecover.p95),
  );
  add('History first page (50, with total)', ms(j.firstPage.median), ms(j.firstPage.p95));
  add('History first page, filtered (month, paid, QRIS)', ms(j.firstPageFiltered.median), ms(j.firstPageFiltered.p95));
  add('History deep page (cursor half-way)', ms(j.deepPage.median), ms(j.deepPage.p95));
  add('History search (note text)', ms(j.search.median), ms(j.search.p95));
  add('Daily report', ms(j.dailyReport.median), ms(j.dailyReport.p95));
  add(`CSV export, all ${j.csvAll.rows.toLocaleString('en')} sales (one run)`, ms(j.csvAll.ms), '');
  add(`CSV export, ${j.csv100k.rows.toLocaleString('en')} sales (one run)`, ms(j.csv100k.ms), '');
  const flat = j.csvAll.maxRssMiB <= j.csv100k.maxRssMiB * 1.2;
  add(
    `Peak RSS, CSV ${j.csv100k.rows.toLocaleString('en')} vs ${j.csvAll.rows.toLocaleString('en')} rows`,
    `${mib(j.csv100k.maxRssMiB)} vs ${mib(j.csvAll.maxRssMiB)}`,
    '',
    'flat (<= 1.2x)',
    verdict(flat),
  );
  add('  (same process before any row: runtime + open journal)', mib(j.childBaseline.maxRssMiB), '');
  add(`XLSX export, ${j.xlsx100k.rows.toLocaleString('en')} sales (one run)`, ms(j.xlsx100k.ms), '');
  add('  peak RSS', mib(j.xlsx100k.maxRssMiB), '');

  const r = f.renderer;
  add('Renderer JavaScript, gzip (both windows)', kib(r.bundle.jsGzipBytes), '', '');
  add('Cold load to an interactive keypad', ms(r.keypadReady.median), ms(r.keypadReady.p95));
  return rows;
}

function widths(rows: string[][]): number[] {
  return rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
}

const HEAD = ['Figure', 'Median', 'p95', 'Target', 'Verdict'];
const cells = (r: Row): string[] => [r.figure, r.median, r.p95, r.target, r.verdict];

export function renderText(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const w = widths(all);
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  return [line(HEAD), w.map((x) => '-'.repeat(x)).join('-+-'), ...all.slice(1).map(line)].join('\n');
}

/** The README's "Performance" section: the table, the machine, how to reproduce, what is measured. */
export function renderMarkdown(rows: Row[], machine: MachineInfo, quick: boolean): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const table = [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
  return `## Performance

Reproduce with \`npm run bench\` (about 4 minutes on 2 cores, plus about 20 s the first time to seed the journal;
\`npm run bench -- --quick\` takes about 2).
It prints this table, writes every number to \`bench/results.json\` and this section to
\`bench/RESULTS.md\`. The 1,000,000-sale journal is seeded once into \`bench/tmp/\` and reused.

${table}

Measured ${machine.date.slice(0, 10)} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${quick ? ' (quick run)' : ''}.

What is measured:

- **Charge to QR**: the app as \`npm run dev:web\` runs it (real services, demo simulator over
  loopback HTTP, API v2) with the cashier window and the customer display as two headless
  Chromium tabs on the built renderer. The clock starts in the cashier page just before its
  "charge" button is clicked and stops, per window, at the first animation frame after the QR
  is drawn on the \`qr\` / \`customer-qr\` canvas (the batch of fill calls ends); the slower window
  counts. The create call's round trip, timed at the app's HTTP client, is subtracted. One
  warm-up sale after start is not counted. Page and Node clocks are both
  \`performance.timeOrigin + performance.now()\`.
- **Paid to shown**: the simulator marks a sale paid at a uniformly random moment 0-12 s after
  its QR is up. Statistics come from many counters at once (each a real PaymentService with
  its own journal file, terminal prefix and Pakasir project, against one simulator with the
  v2 limit of one status call per 4 s per transaction), timed to the engine publishing
  \`paid\`; a few sales on the harness add what the two windows take after that (to the frame
  showing \`outcome-paid\` and the customer display's paid state). The floor is half the
  allowed interval plus one status round trip (2 s + RTT), the expected wait for a poller
  that is never over the limit; the target compares the engine's mean with it. The naive
  poller asks every 3 s like common SDK examples, with the same gateway client, against its
  own simulator.
- **Gateway calls**: every request the engine sent, timed at its HTTP client, per sale and per
  transaction, and the simulator's own count of status calls over the limit.
- **Journal**: the cheap checks before opening (\`precheckJournal\`) + \`openOrderStore\` (migrations) +
  \`listLive\` + \`listWatched\`; the full integrity check runs afterwards in a worker thread and is not counted;
  history pages of 50 including their total count; the daily report of a day in the middle
  of the year. Warm page cache.
- **Exports**: \`runExport\` in a child process each; peak memory is that process's
  \`process.resourceUsage().maxRSS\` (runtime included; the baseline row is the same mark
  right after the journal opened).
- **Renderer**: every \`.js\` file in \`out/renderer/assets\`, gzip level 9; load time is
  navigation start to the keypad's \`key-1\` visible and enabled, in a fresh browser context
  each time.
`;
}
