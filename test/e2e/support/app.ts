import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppServices, AppServicesOptions } from '../../../src/main/app/service-types';
import { assembleHarness } from '../../../src/harness/assemble';
import type { Harness } from '../../../src/harness/harness-server';
import { FAST_PRINTING } from '../../support/printing';
import { createLabSimulator, type LabSimulator } from '../../../src/simulator/lab/lab-simulator';
import { launchChromium } from './chromium';

const root = resolve(import.meta.dirname, '../../..');

export interface RunningApp {
  services: AppServices;
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  cashier: Page;
  customer: Page;
  dataDir: string;
  /** The in-process demo simulator (demo mode is the default with no credentials). */
  sim: LabSimulator;
  /** The pinned wall clock main and both windows run on. */
  clock: () => Date;
  /** Calls the contract over the harness, as any HTTP client can. */
  call<T = unknown>(
    name: string,
    input?: unknown,
  ): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  close(): Promise<void>;
}

/**
 * The whole app as a user meets it: main's real services (demo mode, real SQLite, the
 * in-process simulator over real HTTP) behind the harness, and the built renderer in two
 * Chromium tabs, cashier (1366x768) and customer display (1920x1080).
 */
export interface StartOptions {
  tuning?: AppServicesOptions['tuning'];
  syncTuning?: AppServicesOptions['syncTuning'];
  language?: 'id' | 'en';
  dataDir?: string;
  /**
   * The shop's wall time when the app starts, as an instant (ISO with offset). Main, the
   * demo simulator and both Chromium windows start there and run at real speed from it.
   * Default: 2026-11-25 14:00 in Jakarta, so no e2e run depends on when it runs.
   */
  at?: string;
  /** The shop's time zone: main's business days and the windows' clocks. Default Asia/Jakarta. */
  timeZone?: string;
  /** Tests only: the journal's connection, to make its disk full or read-only for real. */
  inspectJournal?: AppServicesOptions['inspectJournal'];
  sheetSalesLimit?: number;
}

export const DEFAULT_AT = '2026-11-25T14:00:00+07:00';

export async function startApp(opts: StartOptions = {}): Promise<RunningApp> {
  const timeZone = opts.timeZone ?? 'Asia/Jakarta';
  const pinned = Date.parse(opts.at ?? DEFAULT_AT);
  if (Number.isNaN(pinned)) throw new Error(`not an instant: ${opts.at}`);
  const startedAt = performance.now();
  const clock = () => new Date(pinned + (performance.now() - startedAt));
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'pos-e2e-'));
  let lab: LabSimulator | null = null;
  const {
    services,
    harness,
    close: stopHarness,
  } = await assembleHarness({
    dataDir,
    version: 'e2e',
    rendererDir: join(root, 'out', 'renderer'),
    services: {
      quiet: true,
      // Demo mode's simulator with fault knobs: the tests make the gateway fail on purpose.
      startDemoSimulator: async (o) => (lab = await createLabSimulator(o)),
      timeZone,
      clock,
      tuning: { v1StatusIntervalMs: 300, watchFirstMs: 500, expiryGraceMs: 300, ...opts.tuning },
      printingTuning: FAST_PRINTING,
      ...(opts.syncTuning ? { syncTuning: opts.syncTuning } : {}),
      ...(opts.inspectJournal ? { inspectJournal: opts.inspectJournal } : {}),
      ...(opts.sheetSalesLimit !== undefined ? { sheetSalesLimit: opts.sheetSalesLimit } : {}),
    },
  });
  if (opts.language) services.settings.update({ language: opts.language });
  const browser = await launchChromium();
  // Two windows, as at a real counter: each page is the visible one in its own context, so
  // neither has its frames throttled as a background tab.
  // The windows live in the shop's zone and on main's clock (Playwright's clock, which then
  // runs at real speed), whatever the machine's own zone and date.
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    timezoneId: timeZone,
  });
  const customerContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: timeZone });
  for (const c of [context, customerContext]) await c.clock.install({ time: clock() });
  const cashier = await context.newPage();
  const customer = await customerContext.newPage();
  await cashier.goto(harness.cashierUrl);
  await customer.goto(harness.customerUrl);
  if (!lab || services.demoSimulator() !== lab) throw new Error('demo mode did not start its simulator');
  const sim: LabSimulator = lab;

  return {
    services,
    harness,
    browser,
    context,
    cashier,
    customer,
    dataDir,
    sim,
    clock,
    async call(name, input = {}) {
      const res = await fetch(`${harness.origin}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pos-token': harness.token },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await stopHarness();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
