import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { message, type SimContext, type SimRequest, type SimStats } from './context';
import { parseBody, readBody, send } from './http-io';
import { Ledger, type SimProject, type SimTransaction } from './ledger';
import { routeRequest, type SimControls, type SimulatorHooks } from './routes';
import { sendWebhook, type SimWebhook } from './webhook';

export type { SimRoute } from './context';
export type { SimProject, SimTransaction, SimStatus } from './ledger';
export type { SimStats } from './context';
export type { SimWebhook } from './webhook';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Default: one sandbox and one production project with random keys. */
  projects?: SimProject[];
  clock?: () => number;
  /** Default 15 minutes. */
  expiryMs?: number;
  /** A scripted payer: every transaction is paid this long after it was created. */
  autoPayAfterMs?: number | null;
  /** v2 status limit per transaction (default 4 000 ms). */
  v2StatusIntervalMs?: number;
  /** Pakasir's payment webhook: POSTed when a transaction is paid. */
  webhook?: SimWebhook | null;
  /**
   * What `amount` means in status answers (v1 detail and v2 status): the order amount
   * (default), or the total the customer paid. Nobody has published a v2 status answer for a
   * sale with a fee, so the app must accept both.
   */
  statusAmount?: 'amount' | 'total';
  /**
   * What v2 status says about a QR whose time ran out: `expired` (default) or `canceled`,
   * as Pakasir is reported to answer for unpaid transactions.
   */
  v2ExpiredAs?: 'expired' | 'canceled';
}

export interface Simulator {
  readonly baseUrl: string;
  readonly projects: readonly SimProject[];
  /** Pays by order_id or txn_id (late payments after expiry or cancel included). */
  pay(orderIdOrTxnId: string, project?: string): SimTransaction;
  expire(orderIdOrTxnId: string, project?: string): SimTransaction;
  transactions(): readonly SimTransaction[];
  stats(): SimStats;
  reset(): void;
  /** Points the payment webhook somewhere else (or turns it off with null). */
  setWebhook(hook: SimWebhook | null): void;
  close(): Promise<void>;
}

/** Keys are made fresh per run: a literal demo key in the repository would get reused. */
export function randomApiKey(): string {
  return randomBytes(18).toString('base64url');
}

export function defaultProjects(): SimProject[] {
  return [
    { slug: 'toko-demo', apiKey: randomApiKey(), sandbox: true },
    { slug: 'toko-produksi', apiKey: randomApiKey(), sandbox: false },
  ];
}

interface Ledgered {
  ctx: SimContext;
  controls: SimControls;
  setWebhook(hook: SimWebhook | null): void;
  setBaseUrl(url: string): void;
}

/** The ledger and the state every route reads; the base URL is known once the server listens. */
function createState(options: SimulatorOptions, hooks: SimulatorHooks, projects: SimProject[]): Ledgered {
  const clock = options.clock ?? Date.now;
  let baseUrl = '';
  let webhook: SimWebhook | null = options.webhook ?? null;
  const ledger = new Ledger({
    onCompleted: (t) => {
      if (webhook) sendWebhook(webhook, t);
    },
    clock,
    expiryMs: options.expiryMs ?? 15 * 60_000,
    autoPayAfterMs: options.autoPayAfterMs ?? null,
    linkFor: (t) =>
      `${baseUrl}/pay/${encodeURIComponent(t.project)}/${t.amount}?order_id=${encodeURIComponent(t.orderId)}`,
  });
  const ctx: SimContext = {
    ledger,
    projects,
    takeFlip: (route) => hooks.takeFlip?.(route) ?? false,
    clock,
    v2StatusIntervalMs: options.v2StatusIntervalMs ?? 4000,
    statusAmount: options.statusAmount ?? 'amount',
    v2ExpiredAs: options.v2ExpiredAs ?? 'expired',
    counters: { createCalls: 0, statusCalls: 0, cancelCalls: 0, rateLimitViolations: 0 },
    lastStatusAt: new Map(),
    baseUrl: () => baseUrl,
  };
  const controls: SimControls = {
    stats: () => ({ ...ctx.counters, createsPerOrder: ledger.createsPerOrder }),
    transactions: () => ledger.all(),
    reset: () => {
      ledger.reset();
      hooks.reset?.();
      ctx.lastStatusAt.clear();
      ctx.counters = { createCalls: 0, statusCalls: 0, cancelCalls: 0, rateLimitViolations: 0 };
    },
  };
  return {
    ctx,
    controls,
    setWebhook: (hook) => {
      webhook = hook;
    },
    setBaseUrl: (url) => {
      baseUrl = url;
    },
  };
}

interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the routes over loopback HTTP; close() drops kept-alive sockets so it ends at once. */
async function listen(
  options: SimulatorOptions,
  hooks: SimulatorHooks,
  { ctx, controls }: Ledgered,
): Promise<Listening> {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const parsed = parseBody(await readBody(req), req.headers['content-type']);
    const simReq: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.split('/').filter(Boolean),
      query: url.searchParams,
      headers: req.headers,
      ...parsed,
    };
    const routed = routeRequest(ctx, simReq, hooks, controls);
    const answer = hooks.answer ? await hooks.answer(routed, req, res, ctx) : routed.handle();
    if (answer) send(res, answer);
  }

  const sockets = new Set<Socket>();
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) send(res, message(500, 'Terjadi kesalahan pada server'));
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    baseUrl: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function createSimulator(options: SimulatorOptions = {}, hooks: SimulatorHooks = {}): Promise<Simulator> {
  const projects = options.projects ?? defaultProjects();
  const state = createState(options, hooks, projects);
  const server = await listen(options, hooks, state);
  state.setBaseUrl(server.baseUrl);
  const { ledger } = state.ctx;
  const mustFind = (id: string, project?: string): SimTransaction => {
    const t = ledger.find(id, project);
    if (!t) throw new Error(`no simulated transaction ${id}`);
    return t;
  };

  return {
    baseUrl: server.baseUrl,
    projects,
    pay(id, project) {
      const t = mustFind(id, project);
      ledger.pay(t);
      return { ...t };
    },
    expire(id, project) {
      const t = mustFind(id, project);
      ledger.expire(t);
      return { ...t };
    },
    transactions: state.controls.transactions,
    stats: state.controls.stats,
    reset: state.controls.reset,
    setWebhook: state.setWebhook,
    close: server.close,
  };
}
