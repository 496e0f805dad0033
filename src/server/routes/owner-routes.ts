import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import {
  OWNER_API,
  ownerOrderPageSchema,
  ownerPairingCodeSchema,
  ownerTillIdSchema,
  type OwnerOverview,
  type OwnerTill,
} from '@shared/owner/contract';
import { businessDayAt, ReportInputError } from '../reports/day-bounds';
import type { PushHub } from '../push/push-hub';
import { guardOwner, parseOr400 } from '../owner/owner-guard';
import { CursorError, listShopOrders } from '../owner/order-query';
import { createPairingCode, listTills, revokeTill } from '../tills/tills';
import type { OwnerRouteDeps } from './owner-route-deps';
import { ownerReportRoutes } from './owner-report-routes';

export type { OwnerRouteDeps } from './owner-route-deps';

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
 * The owner's API over every till: the tills (pair, revoke), the history, its exports (sales
 * with their cash parts, and refunds), the daily and Z reports and the reconciliation. Inputs are parsed with the schemas the owner's page
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
      return { timeZone: deps.day.timeZone, cutoffHour: deps.day.cutoffHour, today, tills, xlsxRows: deps.sheetRows };
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

    ownerReportRoutes(owner, deps);
  });
}
