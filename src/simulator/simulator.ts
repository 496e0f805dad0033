import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { v1Cancel, v1Create, v1Detail, v1Simulate } from './api-v1';
import { v2Cancel, v2Create, v2Fee, v2Status } from './api-v2';
import { message, type SimAnswer, type SimContext, type SimRequest, type SimRoute, type SimStats } from './context';
import { Ledger, type SimProject, type SimTransaction } from './ledger';
import { payPage } from './pay-page';
import { plainControl } from './sim-pay';
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

const MAX_BODY = 256 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string, contentType: string | undefined): { body: unknown; badJson: boolean } {
  if (text.trim() === '') return { body: null, badJson: false };
  if (contentType?.startsWith('application/x-www-form-urlencoded'))
    return { body: Object.fromEntries(new URLSearchParams(text)), badJson: false };
  try {
    return { body: JSON.parse(text), badJson: false };
  } catch {
    return { body: null, badJson: true };
  }
}

export function send(res: ServerResponse, answer: SimAnswer): void {
  const payload = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
  const type = answer.json !== undefined ? 'application/json' : (answer.contentType ?? 'text/plain; charset=utf-8');
  res.writeHead(answer.status, {
    'content-type': type,
    'content-length': Buffer.byteLength(payload),
    ...answer.headers,
  });
  res.end(payload);
}

export interface Routed {
  route: SimRoute | null;
  handle: () => SimAnswer;
}

/**
 * How a test simulator (lab/) spoils answers and adds its control plane; the simulator
 * demo mode ships has none of it.
 */
export interface SimulatorHooks {
  /** Whether a completed transaction's status on this route should say `pending`. */
  takeFlip?(route: SimRoute): boolean;
  /** The answer to send, or null when the hook already answered (or dropped) the request. */
  answer?(routed: Routed, req: IncomingMessage, res: ServerResponse, ctx: SimContext): Promise<SimAnswer | null>;
  /** `/__sim/{action}` beyond the payer. */
  control?(ctx: SimContext, controls: SimControls, req: SimRequest, action: string): SimAnswer;
  reset?(): void;
}

export interface SimControls {
  stats(): SimStats;
  transactions(): readonly SimTransaction[];
  reset(): void;
}

export async function createSimulator(options: SimulatorOptions = {}, hooks: SimulatorHooks = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const projects = options.projects ?? defaultProjects();
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
  const stats = (): SimStats => ({ ...ctx.counters, createsPerOrder: ledger.createsPerOrder });
  const transactions = (): readonly SimTransaction[] => ledger.all();
  const reset = (): void => {
    ledger.reset();
    hooks.reset?.();
    ctx.lastStatusAt.clear();
    ctx.counters = { createCalls: 0, statusCalls: 0, cancelCalls: 0, rateLimitViolations: 0 };
  };

  function route(req: SimRequest): Routed {
    const [a, b, c, d, e] = req.path;
    const m = req.method;
    const seg = (s: string | undefined): string => decodeURIComponent(s ?? '');
    if (a === 'api' && b === 'v2') {
      if (m === 'POST' && c === 'create-transaction' && d && e)
        return { route: 'v2.create', handle: () => v2Create(ctx, req, seg(d), seg(e)) };
      if (m === 'GET' && c === 'transaction-status' && d && e)
        return { route: 'v2.status', handle: () => v2Status(ctx, req, seg(d), seg(e)) };
      if (m === 'POST' && c === 'cancel-transaction' && d && e)
        return { route: 'v2.cancel', handle: () => v2Cancel(ctx, req, seg(d), seg(e)) };
      if (m === 'GET' && c === 'payment-fee' && d) return { route: 'v2.fee', handle: () => v2Fee(seg(d)) };
    } else if (a === 'api') {
      if (m === 'POST' && b === 'transactioncreate' && c)
        return { route: 'v1.create', handle: () => v1Create(ctx, req, seg(c)) };
      if (m === 'GET' && b === 'transactiondetail') return { route: 'v1.detail', handle: () => v1Detail(ctx, req) };
      if (m === 'POST' && b === 'transactioncancel') return { route: 'v1.cancel', handle: () => v1Cancel(ctx, req) };
      if (m === 'POST' && b === 'paymentsimulation')
        return { route: 'v1.simulate', handle: () => v1Simulate(ctx, req) };
    } else if ((a === 'pay' || a === 'paypal') && m === 'GET' && b && c) {
      return { route: null, handle: () => payPage(ctx, req, a === 'paypal', seg(b), seg(c)) };
    } else if (a === '__sim' && b) {
      const controls = { stats, transactions, reset };
      return {
        route: null,
        handle: () => (hooks.control ? hooks.control(ctx, controls, req, b) : plainControl(ctx, req, b)),
      };
    }
    return { route: null, handle: () => message(404, 'Not found') };
  }

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
    const routed = route(simReq);
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
  baseUrl = `http://${host}:${address.port}`;

  const mustFind = (id: string, project?: string): SimTransaction => {
    const t = ledger.find(id, project);
    if (!t) throw new Error(`no simulated transaction ${id}`);
    return t;
  };

  return {
    baseUrl,
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
    transactions,
    stats,
    reset,
    setWebhook(hook) {
      webhook = hook;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
