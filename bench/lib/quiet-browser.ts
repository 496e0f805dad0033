import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { findChromium } from '../../scripts/lib/find-chromium.mjs';
import { HEADLESS_CHROMIUM_ARGS } from '../../testkit/chromium-args';
import { PAGE_PROBE } from './page-probe';
import { clockOffset, type ClockOffset, type ClockProbe } from './page-clock';
import { epochMs } from './stats';

/**
 * Chromium driven over the DevTools protocol with only what the bench asks for: pages are
 * opened, scripts run in them, the mouse clicks, and nothing is observed.
 *
 * Why not Playwright for the timed pages: Playwright turns on the protocol's Network domain in
 * every page it drives, so each WebSocket frame a page sends or gets is copied, payload and
 * all, from the browser into the Node process that runs the app's services. During a charge
 * that is every call, answer and event between the windows and main: work an Electron main
 * process never does (no test driver sits in it, and its windows talk over IPC), landing in
 * main's event loop and the browser's, on the same two cores, while the sale is timed. These
 * pages get nothing pushed to the bench between its own requests and their answers.
 */
export interface QuietPage {
  /** Runs `fn(arg)` in the page (a promise is awaited there) and gives back its JSON value. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** A real mouse click (move, press, release) at the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Waits inside the page (checked each frame) until `selector` matches an element that is laid out. */
  waitVisible(selector: string, timeoutMs?: number): Promise<void>;
  /**
   * Measures the page's clock against Node's; from then on the probe reports on Node's clock.
   * Asked for by a rig once its page is ready, not at every load: its round trips would land
   * in the page's start-up, which the cold-load figure times.
   */
  syncClock(): Promise<ClockOffset>;
  /** Chromium's own counters of the page's main-thread time, ms (cumulative). */
  mainThreadTime(): Promise<{ taskMs: number; scriptMs: number }>;
  close(): Promise<void>;
}

export interface QuietBrowser {
  /** A page in its own browser context (no shared cache), with the timing probe installed. */
  newPage(url: string, viewport?: { width: number; height: number }): Promise<QuietPage>;
  close(): Promise<void>;
}

const LOAD_TIMEOUT_MS = 30_000;

type Pending = { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void };
type SessionListener = (method: string) => void;

/** The page-side wrapper: esbuild (tsx) may name functions through a `__name` helper the page lacks. */
function expression<A>(fn: (arg: A) => unknown, arg: A | undefined): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
}

const WAIT_VISIBLE = (a: { selector: string; timeoutMs: number }) =>
  new Promise<void>((resolve, reject) => {
    const until = performance.now() + a.timeoutMs;
    const check = () => {
      const el = document.querySelector(a.selector);
      if (el && el.getClientRects().length > 0) return resolve();
      if (performance.now() > until) return reject(new Error(`${a.selector} not visible within ${a.timeoutMs} ms`));
      requestAnimationFrame(check);
    };
    check();
  });

const CENTER = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector} on the page`);
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
};

const CLOCK_PROBES = 30;

/** The page's clock against Node's, from the quickest of a few round trips (see page-clock.ts). */
async function measureClock(evaluate: QuietPage['evaluate']): Promise<ClockOffset> {
  const probes: ClockProbe[] = [];
  for (let i = 0; i < CLOCK_PROBES; i += 1) {
    const sentAt = epochMs();
    const pageAt = await evaluate(() => performance.timeOrigin + performance.now());
    probes.push({ sentAt, pageAt, receivedAt: epochMs() });
  }
  return clockOffset(probes);
}

export async function launchQuietChromium(): Promise<QuietBrowser> {
  const found = findChromium();
  if (found.path === null) throw new Error(found.problem);
  const profile = mkdtempSync(join(tmpdir(), 'pakasir-bench-chromium-'));
  const proc: ChildProcess = spawn(
    found.path,
    [...HEADLESS_CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text.slice(-500)}`)));
  });
  proc.stderr!.resume();
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, SessionListener>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
    };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result ?? {});
    } else if (msg.method && msg.sessionId) listeners.get(msg.sessionId)?.(msg.method);
  });
  // A browser that crashed or was closed answers nothing more: every waiting command fails
  // at once, so the bench stops with the reason instead of waiting for ever.
  let gone: Error | null = null;
  ws.on('close', () => {
    gone = new Error(`Chromium's DevTools connection closed (exit code ${proc.exitCode ?? 'none yet'})`);
    for (const p of pending.values()) p.reject(gone);
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
    });

  const newPage = async (pageUrl: string, viewport = { width: 1280, height: 800 }): Promise<QuietPage> => {
    const { browserContextId } = (await send('Target.createBrowserContext')) as { browserContextId: string };
    const { targetId } = (await send('Target.createTarget', { url: 'about:blank', browserContextId })) as {
      targetId: string;
    };
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const on = (s: string, m: string, p: Record<string, unknown> = {}) => send(m, p, s);
    let loaded: (() => void) | null = null;
    listeners.set(sessionId, (method) => {
      if (method === 'Page.loadEventFired') loaded?.();
    });
    await on(sessionId, 'Page.enable');
    await on(sessionId, 'Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    // As a window the cashier is looking at: focused, so the page runs as in front of them.
    await on(sessionId, 'Emulation.setFocusEmulationEnabled', { enabled: true });
    await on(sessionId, 'Page.addScriptToEvaluateOnNewDocument', { source: PAGE_PROBE });
    await on(sessionId, 'Performance.enable');
    // A page that cannot be reached says so at once (Chromium would show its error page and
    // fire load on that), and one that never finishes loading fails after LOAD_TIMEOUT_MS.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${pageUrl} did not load within ${LOAD_TIMEOUT_MS} ms`)),
        LOAD_TIMEOUT_MS,
      );
      loaded = () => {
        clearTimeout(timer);
        resolve();
      };
      on(sessionId, 'Page.navigate', { url: pageUrl }).then((r) => {
        if (typeof r.errorText === 'string' && r.errorText !== '') {
          clearTimeout(timer);
          reject(new Error(`${pageUrl} could not be opened: ${r.errorText}`));
        }
      }, reject);
    });
    const evaluate = async <A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
      const answer = (await on(sessionId, 'Runtime.evaluate', {
        expression: expression(fn, arg),
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: R }; exceptionDetails?: { exception?: { description?: string }; text: string } };
      if (answer.exceptionDetails)
        throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value as R;
    };
    const mouse = (type: string, x: number, y: number) =>
      on(sessionId, 'Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        buttons: type === 'mousePressed' ? 1 : 0,
        clickCount: 1,
      });
    return {
      evaluate,
      async syncClock() {
        const clock = await measureClock(evaluate);
        await evaluate((offset) => {
          (window as unknown as { __bench: { clockOffset: number } }).__bench.clockOffset = offset;
        }, clock.offsetMs);
        return clock;
      },
      async click(selector) {
        const { x, y } = await evaluate(CENTER, selector);
        await on(sessionId, 'Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
        await mouse('mousePressed', x, y);
        await mouse('mouseReleased', x, y);
      },
      waitVisible: (selector, timeoutMs = 15_000) => evaluate(WAIT_VISIBLE, { selector, timeoutMs }),
      async mainThreadTime() {
        const { metrics } = (await on(sessionId, 'Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
        return { taskMs: value('TaskDuration'), scriptMs: value('ScriptDuration') };
      },
      async close() {
        listeners.delete(sessionId);
        await send('Target.disposeBrowserContext', { browserContextId });
      },
    };
  };

  return {
    newPage,
    async close() {
      const exited = new Promise((resolve) => (proc.exitCode !== null ? resolve(null) : proc.once('exit', resolve)));
      // Asked to close, Chromium ends its child processes before it exits; killed, they could
      // still be writing into the profile while it is removed.
      await Promise.race([send('Browser.close').catch(() => undefined), exited]);
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      ws.close();
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (err) {
        process.stderr.write(`[bench] left Chromium's temporary profile ${profile}: ${String(err)}\n`);
      }
    },
  };
}
