import type { GatewayUse } from './gateway-use';
import type { ExportFigure, JournalFigures, Paired } from './journal-scale';
import type { Contention } from './lib/host-contention';
import type { LoadInfo, MachineInfo } from './lib/machine';
import { summarize, type Summary } from './lib/stats';
import type { BundleFigures } from './renderer-load';

export interface Row {
  figure: string;
  median: string;
  /** p95 of the samples, or the spread (min-max) of whole runs. */
  p95: string;
  /** The peer's name and its figure for the same job, measured in the same run. */
  peer: string;
  /** Ours divided by the peer's (below 1: we take less). */
  ratio: string;
  target: string;
  verdict: 'pass' | 'MISS' | 'info';
}

interface ChargeFigures {
  app: Summary;
  both: Summary;
  gateway: Summary;
  beforeCreate: Summary;
  toJournal: Summary;
  journal: Summary;
  journalToCreate: Summary;
  /** The sale with the most app time, whole: where an outlier's time went. */
  slowest: SlowestCharge;
  afterCreate: Summary;
  deliver: Summary;
  customerFill: Summary;
  cashierFill: Summary;
  /** Renderer main-thread time per charge (click to frame), all tasks and script. */
  cashierTask: Summary;
  customerTask: Summary;
  cashierScript: Summary;
  customerScript: Summary;
  /** The app time's p95 of each round. */
  roundP95: number[];
  /** What ran beside the bench during each of the app's rounds (null off Linux). */
  roundHost: (Contention | null)[];
  /** The bare counter's rounds, each run right after the app's round of the same index. */
  bare: BareFigures;
}

interface SlowestCharge {
  appMs: number;
  toJournalMs: number;
  journalMs: number;
  journalToCreateMs: number;
  afterCreateMs: number;
  deliverMs: number;
}

/** The bare counter (bench/bare-counter.ts): the same job with nothing of the app's own. */
interface BareFigures {
  app: Summary;
  gateway: Summary;
  roundP95: number[];
}

export interface Figures {
  chargeToQr: { gateway0: ChargeFigures; gateway50: ChargeFigures };
  paidToShown: {
    floorMs: number;
    engine: Summary;
    sdk: Summary;
    sdkStatusPerSale: number;
    browserBoth: Summary;
    browserDelivery: Summary;
    engineRateLimitViolations: number;
    harnessRateLimitViolations: number;
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
          : x >= 10
            ? `${x.toFixed(1)} ms`
            : `${x.toFixed(2)} ms`;
const mib = (x: number): string => `${Math.round(x)} MiB`;
const kib = (x: number): string => `${(x / 1024).toFixed(1)} KiB`;
const n = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
/** "0.21 / 0.35 / 0.18 cores (steal 0.0 / 0.4 / 0.0 %)", or why there is no figure. */
const hostRounds = (rounds: readonly (Contention | null)[]): string =>
  rounds.every((r) => r !== null)
    ? `${rounds.map((r) => r!.othersCores.toFixed(2)).join(' / ')} cores (steal ${rounds.map((r) => r!.stealPct.toFixed(1)).join(' / ')} %)`
    : 'not measured (needs Linux /proc)';

const ratio = (ours: number, peer: number): string =>
  Number.isFinite(ours) && Number.isFinite(peer) && peer > 0 ? `${(ours / peer).toFixed(2)}x` : '—';
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'pass' : 'MISS');
const spread = (s: Summary): string => `${ms(s.min)}–${ms(s.max)}`;
const count = (x: number): string => x.toLocaleString('en');

export function buildTable(
  f: Figures,
  plan: { counters: number; salesPerCounter: number; journalCount: number; chargeSamples: number },
): Row[] {
  const rows: Row[] = [];
  const add = (
    figure: string,
    median: string,
    p95: string,
    more: Partial<Pick<Row, 'peer' | 'ratio' | 'target' | 'verdict'>> = {},
  ) =>
    rows.push({
      figure,
      median,
      p95,
      peer: more.peer ?? '',
      ratio: more.ratio ?? '',
      target: more.target ?? '—',
      verdict: more.verdict ?? 'info',
    });

  for (const [label, c] of [
    ['+0 ms', f.chargeToQr.gateway0],
    ['+50 ms', f.chargeToQr.gateway50],
  ] as const) {
    const rounds = c.roundP95;
    const bare = c.bare;
    add(
      `Charge to QR on both windows, app time (gateway ${label}; ${rounds.length} rounds of ${plan.chargeSamples})`,
      ms(c.app.median),
      `${ms(c.app.p95)} (rounds ${rounds.map(ms).join(' / ')})`,
      {
        peer: `bare counter, same rig: p95 ${ms(bare.app.p95)} (rounds ${bare.roundP95.map(ms).join(' / ')}), median ${ms(bare.app.median)}`,
        ratio: `${ratio(c.app.p95, bare.app.p95)} p95, ${ratio(c.app.median, bare.app.median)} median`,
        target: '< 30 ms p95, every round',
        verdict: verdict(rounds.length >= 3 && rounds.every((x) => x < 30)),
      },
    );
    add(
      '  machine during each round: CPU used outside the bench, in cores (hypervisor steal)',
      hostRounds(c.roundHost),
      '',
    );
    const s = c.slowest;
    add(
      '  slowest sale: to journal / journal write / to create sent | create answer to published | to drawn',
      ms(s.appMs),
      `${ms(s.toJournalMs)} / ${ms(s.journalMs)} / ${ms(s.journalToCreateMs)} | ${ms(s.afterCreateMs)} | ${ms(s.deliverMs)}`,
    );
    if (label === '+0 ms') {
      add('  of which: click to create request sent', ms(c.beforeCreate.median), ms(c.beforeCreate.p95));
      add('    of which: click to the sale journaled (harness, checks)', ms(c.toJournal.median), ms(c.toJournal.p95));
      add(
        "    of which: the sale's journal write, flushed before Pakasir is called",
        ms(c.journal.median),
        ms(c.journal.p95),
      );
      add('    of which: journaled to create request sent', ms(c.journalToCreate.median), ms(c.journalToCreate.p95));
      add('  of which: create answer to QR published', ms(c.afterCreate.median), ms(c.afterCreate.p95));
      add('  of which: published to both windows drawn', ms(c.deliver.median), ms(c.deliver.p95));
      add(
        '    of which: QR pixel fill, customer display / cashier',
        `${ms(c.customerFill.median)} / ${ms(c.cashierFill.median)}`,
        `${ms(c.customerFill.p95)} / ${ms(c.cashierFill.p95)}`,
      );
      add(
        '  renderer main thread per charge, click to frame: cashier / customer display (of which script)',
        `${ms(c.cashierTask.median)} / ${ms(c.customerTask.median)} (${ms(c.cashierScript.median)} / ${ms(c.customerScript.median)})`,
        `${ms(c.cashierTask.p95)} / ${ms(c.customerTask.p95)}`,
      );
      add('  (gateway create round trip, subtracted)', ms(c.gateway.median), ms(c.gateway.p95));
    } else {
      add('  (total incl. gateway, +50 ms)', ms(c.both.median), ms(c.both.p95));
    }
  }

  const p = f.paidToShown;
  const overFloor = p.engine.mean / p.floorMs;
  add(
    `Paid to shown, engine, ${plan.counters * plan.salesPerCounter} sales v2 (mean ${ms(p.engine.mean)} = ${overFloor.toFixed(3)} x floor ${ms(p.floorMs)})`,
    ms(p.engine.median),
    ms(p.engine.p95),
    {
      peer: `pakasir-sdk watchPayment: mean ${ms(p.sdk.mean)}`,
      ratio: ratio(p.engine.mean, p.sdk.mean),
      target: 'mean <= 1.05 x floor',
      verdict: verdict(overFloor <= 1.05),
    },
  );
  add(
    `  pakasir-sdk 1.0.5 watchPayment, unchanged (v1, every 3 s; ${p.sdk.n} sales, ${n(p.sdkStatusPerSale)} status calls per sale)`,
    ms(p.sdk.median),
    ms(p.sdk.p95),
  );
  add(
    `Paid to shown, both windows in Chromium (${p.browserBoth.n} sales)`,
    ms(p.browserBoth.median),
    ms(p.browserBoth.p95),
  );
  add('  of which: engine published to both windows drawn', ms(p.browserDelivery.median), ms(p.browserDelivery.p95));
  const violations = p.engineRateLimitViolations + p.harnessRateLimitViolations;
  add('Rate-limit violations (engine and harness)', String(violations), '', {
    target: '0',
    verdict: verdict(violations === 0),
  });

  const g = f.gatewayUse;
  add('Creates per sale', n(g.createsPerSale.median), n(g.createsPerSale.p95), {
    target: '1 (max 1)',
    verdict: verdict(g.createsPerSale.max === 1 && p.engineSimStats.maxCreatesPerOrder === 1),
  });
  add('Status calls per sale', n(g.statusPerSale.median), n(g.statusPerSale.p95));
  add('Cancel calls per sale', n(g.cancelsPerSale.median), n(g.cancelsPerSale.p95), {
    target: '0 (paid sales)',
    verdict: verdict(g.cancelsPerSale.max === 0),
  });
  add('Shortest gap between two status calls, one transaction', ms(g.minStatusGapMs), '', {
    target: '>= 4.00 s',
    verdict: verdict(g.minStatusGapMs >= 4000),
  });
  add('Most creates by one project in one second', String(g.peakCreatesPerSecond), '', {
    target: '<= 2',
    verdict: verdict(g.peakCreatesPerSecond <= 2),
  });

  journalRows(f.journal, plan.journalCount, add);

  const r = f.renderer;
  add('Renderer JavaScript, gzip (both windows)', kib(r.bundle.jsGzipBytes), '', { target: '' });
  add('Cold load to an interactive keypad', ms(r.keypadReady.median), ms(r.keypadReady.p95));
  return rows;
}

type Add = (
  figure: string,
  median: string,
  p95: string,
  more?: Partial<Pick<Row, 'peer' | 'ratio' | 'target' | 'verdict'>>,
) => void;

function journalRows(j: JournalFigures, journalCount: number, add: Add): void {
  const missing = j.shellMissing ? `MISSING: ${j.shellMissing}` : null;
  const timed = (figure: string, x: Paired, peerName: string, limitMs: number | null) =>
    add(figure, ms(x.ours.median), ms(x.ours.p95), {
      peer: x.peer ? `${peerName}: ${ms(x.peer.median)}` : (missing ?? ''),
      ratio: x.peer ? ratio(x.ours.median, x.peer.median) : '—',
      target: limitMs === null ? '—' : `< ${ms(limitMs)} p95`,
      verdict: limitMs === null ? 'info' : verdict(x.ours.p95 < limitMs),
    });
  timed(
    `Journal open + recovery, ${count(journalCount)} sales (${Math.round(j.fileMiB)} MiB)`,
    j.openRecover,
    'sqlite3 shell, same two lists',
    100,
  );
  const before = 'every row read (before)';
  timed('History first page (50, with total)', j.firstPage, before, 5);
  timed('History first page, filtered (month, paid, QRIS)', j.firstPageFiltered, before, 5);
  add('History deep page (cursor half-way)', ms(j.deepPage.median), ms(j.deepPage.p95));
  timed(`History search, note text (${count(j.searchNote.matches)} matches)`, j.searchNote, before, 10);
  timed(`History search, order id tail (${count(j.searchOrderId.matches)} match)`, j.searchOrderId, before, 10);
  timed(`History search, amount (${count(j.searchAmount.matches)} matches)`, j.searchAmount, before, 10);
  add('Daily report', ms(j.dailyReport.median), ms(j.dailyReport.p95));

  const time = (xs: { ms: number }[]) => summarize(xs.map((x) => x.ms));
  const ours = time(j.csvAll.ours);
  const peer = j.csvAll.peer.length > 0 ? time(j.csvAll.peer) : null;
  const rowsAll = j.csvAll.ours[0]?.rows ?? 0;
  add(`CSV export, all ${count(rowsAll)} sales (${j.csvAll.ours.length} runs)`, ms(ours.median), spread(ours), {
    peer: peer ? `sqlite3 shell: ${ms(peer.median)} (${spread(peer)})` : (missing ?? ''),
    ratio: peer ? ratio(ours.median, peer.median) : '—',
    target: '<= 1.5x sqlite3 shell',
    verdict: peer ? verdict(ours.median <= 1.5 * peer.median) : 'MISS',
  });
  const above = (x: ExportFigure) => x.maxRssMiB - x.baselineRssMiB;
  const worstAbove = Math.max(...j.csvAll.ours.map(above));
  const peerRss = j.csvAll.peer.map((x) => x.maxRssMiB).filter((x): x is number => x !== null);
  add(
    `  peak memory above the process's baseline (${mib(j.csvAll.ours[0]?.baselineRssMiB ?? NaN)}), worst run`,
    mib(worstAbove),
    '',
    {
      peer: peerRss.length > 0 ? `sqlite3 shell peak RSS: ${mib(Math.max(...peerRss))}` : '',
      target: '<= 64 MiB',
      verdict: verdict(worstAbove <= 64),
    },
  );
  const csv100 = time(j.csv100k);
  const xlsx100 = time(j.xlsx100k);
  const rows100 = count(j.csv100k[0]?.rows ?? 0);
  add(`CSV export, ${rows100} sales (${j.csv100k.length} runs)`, ms(csv100.median), spread(csv100));
  add(`XLSX export, ${rows100} sales (${j.xlsx100k.length} runs)`, ms(xlsx100.median), spread(xlsx100), {
    peer: `our CSV of the same rows: ${ms(csv100.median)}`,
    ratio: ratio(xlsx100.median, csv100.median),
    target: '<= 2x CSV',
    verdict: verdict(xlsx100.median <= 2 * csv100.median),
  });
  add('  peak memory above baseline, worst run', mib(Math.max(...j.xlsx100k.map(above))), '');
}

function widths(rows: string[][]): number[] {
  return rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
}

const HEAD = ['Figure', 'Ours, median', 'p95 / spread', 'Peer, same run', 'Ratio', 'Target', 'Verdict'];
const cells = (r: Row): string[] => [r.figure, r.median, r.p95, r.peer, r.ratio, r.target, r.verdict];

export function renderText(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const w = widths(all);
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  return [line(HEAD), w.map((x) => '-'.repeat(x)).join('-+-'), ...all.slice(1).map(line)].join('\n');
}

/** The README's "Performance" section: the table, the machine, how to reproduce, what is measured. */
export function renderMarkdown(rows: Row[], machine: MachineInfo, quick: boolean, load: LoadInfo): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const table = [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
  return `## Performance

Reproduce with \`npm run bench\` (about 8 minutes on 2 cores, plus one to several minutes the first time to seed
the journal; \`npm run bench -- --quick\` takes about 5).
It prints this table, writes every number to \`bench/results.json\` and this section to
\`bench/RESULTS.md\`. The 1,000,000-sale journal is seeded once into \`bench/tmp/\` and reused.
Each row puts beside our figure the best tool we know for the same job, measured in the same run on the
same machine, and the ratio (ours / peer; below 1 we take less). The CSV peer needs the \`sqlite3\` shell
(Debian/Ubuntu: \`apt-get install sqlite3\`); without it the bench says so and those rows miss.

${table}

Measured ${machine.date.slice(0, 10)} with \`${load.command}\` on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}${quick ? ' (quick run)' : ''}.
Load average (1 min) ${load.before.toFixed(1)} at the start and ${load.after.toFixed(1)} at the end of the run, on ${machine.cores} cores shared with other work: figures from a busy machine are slower and wider than from an idle one, and the peers ran under the same load.

What is measured:

- **Charge to QR**: the app as \`npm run dev:web\` runs it (real services, demo simulator over
  loopback HTTP, API v2) with the cashier window and the customer display as two headless
  Chromium tabs on the built renderer, each talking to the services over one loopback
  WebSocket (calls and events), as each Electron window does over IPC. The clock starts in the cashier page just before its
  "charge" button is clicked and stops, per window, at the first animation frame after the QR
  is drawn on the \`qr\` / \`customer-qr\` canvas (its pixels are put); the slower window
  counts. Both waits run inside the pages and are sent before the click, so the bench (which
  drives Chromium from the same Node process that runs the app's services) sends the browser
  nothing while a sale is timed, as no test driver sits in a real Electron main process. For
  the same reason the bench drives these pages over the DevTools protocol itself
  (\`bench/lib/quiet-browser.ts\`) and observes nothing: a driver that watches the network
  (Playwright does, in every page it drives) gets a copy of every WebSocket frame, payload and
  all, in the very Node process that runs the app's services, while the sale is timed.
  The amount is typed on the keypad before each sale, then the bench pauses 150 ms, as a
  cashier's hand moves to "charge" (clicked at once, the window was still drawing the last
  key's frames, and the QR's frame waited for the next refresh; the bare counter has no keys).
  The create call's round trip, timed at the app's HTTP client, is subtracted. One
  warm-up sale after start is not counted. Every time is put on Node's clock: each page's offset
  from it is measured once the page is ready (the quickest of 30 round trips) and taken off what
  the page reports. Page and Node each count from the wall clock at their own start, and a system
  correcting its wall clock slews it (5 ms a second on this machine once): pages opened a second
  later read several ms ahead (\`bench/lib/page-clock.ts\`; the offsets are in the log and
  \`results.json\`). Each window's renderer main-thread time per
  charge is Chromium's own count (\`Performance.getMetrics\`: TaskDuration, ScriptDuration), read
  just before the click and after both frames: on 2 cores, that time, the app's services and
  Chromium's other processes take turns. Beside each round, the CPU that processes outside the
  bench's own tree (other programs, kernel threads) used meanwhile, in cores, and the
  hypervisor's steal, from \`/proc\`: a round slowed by a neighbour shows it there.
  The peer is the **bare counter** (\`bench/bare-counter.ts\`): the least that can do the same job
  on the same rig. Two plain pages (a button and a canvas; a canvas), a plain Node HTTP server,
  the same loopback WebSocket for the charge and for the QR sent to both windows, the same
  simulator's v2 create, the same QR library drawn the same way, timed by the same clock with
  the same warm-up and spacing; no journal, no checks of the input or of Pakasir's answer, no
  framework, no screens. Each round of the app is followed by a round of the bare counter, so
  both see the same machine and the same gateway latency. Its time is the floor of this machine and transport; the ratio is
  what the app's own work costs on top.
- **Paid to shown**: the simulator marks a sale paid at a uniformly random moment 0-12 s after
  its QR is up. Statistics come from many counters at once (each a real PaymentService with
  its own journal file, terminal prefix and Pakasir project, against one simulator with the
  v2 limit of one status call per 4 s per transaction), timed to the engine publishing
  \`paid\`; a few sales on the harness add what the two windows take after that (to the frame
  showing \`outcome-paid\` and the customer display's paid state). The floor is half the
  allowed interval plus one status round trip (2 s + RTT), the expected wait for a poller
  that is never over the limit; the target compares the engine's mean with it. The peer is
  the \`pakasir-sdk\` package's own \`watchPayment\`, run unchanged with its defaults (a status
  call every 3 s) on as many counters and sales, against its own simulator: the SDK speaks
  only API v1 and fixes the production host, so only that origin is sent to the simulator.
  v1 has no published rate limit, so the SDK is not held to v2's one call per 4 s; the
  engine is, which is why its floor is higher than what the SDK can reach.
- **Gateway calls**: every request the engine sent, timed at its HTTP client, per sale and per
  transaction, and the simulator's own count of status calls over the limit.
- **Journal**: the cheap checks before opening (\`precheckJournal\`) + \`openOrderStore\` (migrations) +
  \`listLive\` + \`listWatched\`; the full integrity check runs afterwards in a worker thread and is not counted.
  Its peer is the sqlite3 shell opening the same file and counting the same two lists (process start included).
  History pages of 50 including their total count, and three searches (a note text about one sale in ten
  carries, the tail of one order id, an amount; a search's total is counted up to 1,000, past that the
  page says "more than 1,000", while the table's match counts are exact); their peer is the same answer the way the app gave it
  before (every row counted, the text search by LIKE over every row). Each of our history reads is timed
  200 times (a p95 of fewer samples is decided by the two or three reads the shared machine stalls), the
  peer's as many times as the run plan says.
  The daily report of a day in the middle of the year. Warm page cache (the file is read through first).
- **Exports**: \`runExport\` in a child process each, three runs, each started on a warm journal (the file
  is read through first: this virtual machine hands back file pages it has not seen used for a few minutes,
  and an export that finds the journal on disk measures the disk); peak memory is that process's
  \`process.resourceUsage().maxRSS\` minus the same mark right after the journal opened (the runtime and
  the open journal). The CSV peer is the sqlite3 shell's own CSV mode writing the same rows and columns,
  local times included (\`datetime(..., '+7 hours')\`), to a file, alternating with ours; its peak memory
  comes from GNU time. The one column it leaves out is what was sold: the seeded sales carry no item
  lines, so ours writes that field empty, after looking each sale's lines up all the same. The XLSX
  peer is our own CSV of the same rows.
- **Renderer**: every \`.js\` file in \`out/renderer/assets\`, gzip level 9; load time is
  navigation start to the keypad's \`key-1\` visible and enabled, in a fresh browser context
  each time.
`;
}
