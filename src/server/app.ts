import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { SHEET_DATA_ROWS } from '@shared/sheet-limit';
import { counterKinds } from './ingest/counter-kinds';
import { registry, type KindRegistry } from './ingest/kinds';
import { orderSnapshotKind } from './ingest/order-projection';
import { saleLinesKind } from './ingest/sale-lines-kind';
import { PushHub } from './push/push-hub';
import { ownerPage } from './owner/owner-page';
import type { DayRules } from './reports/day-bounds';
import { ownerRoutes } from './routes/owner-routes';
import { ownerSessionRoutes } from './routes/owner-session-routes';
import { syncRoutes } from './routes/sync-routes';
import { webhookRoutes } from './routes/webhook-routes';

/** Every event kind this server can apply. A kind not listed is kept and reported to the till, never dropped. */
export const EVENT_KINDS: KindRegistry = registry([orderSnapshotKind, saleLinesKind, ...counterKinds]);

export interface ShopServerOptions {
  pool: Pool;
  webhookSecret: string | null;
  ownerToken: string | null;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for rate limits and logs). */
  trustProxy?: boolean;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  kinds?: KindRegistry;
  now?: () => Date;
  heartbeatMs?: number;
  /** The shop's business day for the owner's page (default Asia/Jakarta, days ending at 04:00). */
  day?: DayRules;
  /** The built owner's page (out/owner), or null when there is none. */
  ownerPageDir?: string | null;
  /** Tests: the most rows an Excel download holds (default SHEET_DATA_ROWS, one sheet). */
  sheetRowsLimit?: number;
}

export interface ShopServer {
  app: FastifyInstance;
  hub: PushHub;
}

/**
 * The shop server as a Fastify app. Fastify because it checks request shapes with JSON
 * schemas before a handler runs, answers in-process through inject() for tests, is small
 * and well kept, and hijacks a reply cleanly for the push channel's event stream.
 */
export async function buildShopServer(options: ShopServerOptions): Promise<ShopServer> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    trustProxy: options.trustProxy ?? false,
    // Tokens travel in headers only, so the URLs in request logs never carry one.
    bodyLimit: 1024 * 1024,
  });
  const hub = new PushHub(options.pool, app.log, options.heartbeatMs);
  await app.register(rateLimit, { global: false });
  await app.register(cookie);

  app.setErrorHandler((err: { statusCode?: number; validation?: unknown; message: string }, request, reply) => {
    if (err.validation || err.statusCode === 400)
      return reply.code(400).send({ error: 'invalid_request', message: err.message });
    if (err.statusCode === 413) return reply.code(413).send({ error: 'too_large', message: err.message });
    if (err.statusCode === 429) return reply.code(429).send({ error: 'rate_limited', message: err.message });
    if (err.statusCode === 415) return reply.code(415).send({ error: 'unsupported_media_type', message: err.message });
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'The server could not complete this request.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found', message: 'Not found.' }));

  app.get('/healthz', async () => {
    await options.pool.query('SELECT 1');
    return { ok: true };
  });
  const deps = { pool: options.pool, hub, now };
  syncRoutes(app, { ...deps, kinds: options.kinds ?? EVENT_KINDS });
  webhookRoutes(app, { ...deps, secret: options.webhookSecret });
  const day = options.day ?? { timeZone: 'Asia/Jakarta', cutoffHour: 4 };
  ownerSessionRoutes(app, { pool: options.pool, ownerToken: options.ownerToken, now });
  ownerRoutes(app, {
    ...deps,
    ownerToken: options.ownerToken,
    day,
    sheetRows: options.sheetRowsLimit ?? SHEET_DATA_ROWS,
  });
  await ownerPage(app, options.ownerPageDir ?? null);
  // Before the listener closes: open event streams would otherwise hold it open.
  app.addHook('preClose', async () => hub.close());
  return { app, hub };
}
