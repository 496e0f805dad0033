import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import {
  OWNER_API,
  ownerDaySchema,
  ownerExportSchema,
  ownerOrderPageSchema,
  ownerPairingCodeSchema,
  ownerTillIdSchema,
  type OwnerOverview,
  type OwnerTill,
} from '@shared/owner/contract';
import { businessDayAt, ReportInputError, type DayRules } from '../reports/day-bounds';
import { shopDailyReport } from '../reports/daily-report';
import type { PushHub } from '../push/push-hub';
import { guardOwner, parseOr400 } from '../owner/owner-guard';
import { CursorError, eachShopOrder, listShopOrders } from '../owner/order-query';
import { streamExport } from '../owner/order-export';
import { reconcileDay } from '../owner/reconciliation';
import { createPairingCode, listTills, revokeTill } from '../tills/tills';

export interface OwnerRouteDeps {
  pool: Pool;
  hub: PushHub;
  ownerToken: string | null;
  now: () => Date;
  day: DayRules;
}

async function tillsWithState(pool: Pool, hub: PushHub): Promise<OwnerTill[]> {
  const [tills, rejected] = await Promise.all([
    listTills(pool),
    pool.query<{ till_id: string; n: number }>(
      'SELECT till_id, count(*)::int AS n FROM shop.events WHERE rejected_code IS NOT NULL GROUP BY till_id',
    ),
  ]);
  const rejectedBy = new Map(rejected.rows.map((r) => [r.till_id, r.n]));
  return tills.map((t) => ({
    id: t.id,
    name: t.name,
    hwm: t.hwm,
    prefixes: t.prefixes,
    createdAt: t.created_at.toISOString(),
    lastSeenAt: t.last_seen_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
    connected: hub.connected(t.id),
    rejected: rejectedBy.get(t.id) ?? 0,
  }));
}

/**
 * The owner's API over every till: the tills (pair, revoke), the history, its exports, the
 * daily report and the reconciliation. Inputs are parsed with the schemas the owner's page
 * shares (src/shared/owner/contract.ts); access is the owner token or the page's session
 * (owner-guard.ts). The CLI does the same work with a database connection.
 */
export function ownerRoutes(app: FastifyInstance, deps: OwnerRouteDeps) {
  const { pool, hub, now } = deps;
  app.register(async (owner) => {
    owner.addHook('onRequest', (request, reply) => guardOwner(deps, request, reply));
    owner.setErrorHandler((err: { statusCode?: number; message: string }, request, reply) => {
      if (err instanceof ReportInputError || err instanceof CursorError)
        return reply.code(400).send({ error: 'invalid_request', message: err.message });
      if (err.statusCode === 400) return reply.code(400).send({ error: 'invalid_request', message: err.message });
      request.log.error({ err }, 'owner request failed');
      return reply.code(500).send({ error: 'internal', message: 'The server could not complete this request.' });
    });

    owner.get(`${OWNER_API}/overview`, async (): Promise<OwnerOverview> => {
      const [today, tills] = await Promise.all([businessDayAt(pool, now(), deps.day), tillsWithState(pool, hub)]);
      return { timeZone: deps.day.timeZone, cutoffHour: deps.day.cutoffHour, today, tills };
    });

    owner.get(`${OWNER_API}/tills`, async () => ({ tills: await tillsWithState(pool, hub) }));

    owner.post(`${OWNER_API}/pairing-codes`, async (request, reply) => {
      const input = parseOr400(ownerPairingCodeSchema, request.body, reply);
      if (!input) return reply;
      const code = await createPairingCode(pool, input.tillName, now());
      return { code: code.code, expiresAt: code.expiresAt.toISOString() };
    });

    owner.post(`${OWNER_API}/tills/:id/revoke`, async (request, reply) => {
      const input = ownerTillIdSchema.safeParse(request.params);
      if (!input.success) return reply.code(404).send({ error: 'not_found', message: 'No such till.' });
      const revoked = await revokeTill(pool, input.data.id, now());
      hub.disconnect(input.data.id);
      return { revoked };
    });

    owner.get(`${OWNER_API}/orders`, async (request, reply) => {
      const input = parseOr400(ownerOrderPageSchema, request.query, reply);
      if (!input) return reply;
      return listShopOrders(pool, input, deps.day);
    });

    owner.get(`${OWNER_API}/exports/orders`, async (request, reply) => {
      const input = parseOr400(ownerExportSchema, request.query, reply);
      if (!input) return reply;
      const { format, ...filter } = input;
      const name = `penjualan-${filter.day ?? 'semua'}${filter.tillId ? `-${filter.tillId.slice(0, 8)}` : ''}.${format}`;
      const body = streamExport(eachShopOrder(pool, filter, deps.day), format, deps.day.timeZone, (err) =>
        request.log.error({ err }, 'owner export failed part-way'),
      );
      return reply
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(body);
    });

    owner.get(`${OWNER_API}/reports/daily`, async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const input = parseOr400(ownerDaySchema, { day: q.day, tillId: q.tillId }, reply);
      if (!input) return reply;
      // The day rules may be given (scripts comparing with a till set otherwise); the server's own by default.
      return shopDailyReport(pool, {
        day: input.day,
        tillId: input.tillId ?? null,
        cutoffHour: q.cutoffHour === undefined ? deps.day.cutoffHour : Number(q.cutoffHour),
        timeZone: q.timeZone ?? deps.day.timeZone,
      });
    });

    owner.get(`${OWNER_API}/reconciliation`, async (request, reply) => {
      const input = parseOr400(ownerDaySchema, request.query, reply);
      if (!input) return reply;
      return reconcileDay(pool, input.day, deps.day);
    });
  });
}
