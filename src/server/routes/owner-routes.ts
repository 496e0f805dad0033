import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { ReportInputError, shopDailyReport } from '../reports/daily-report';
import type { PushHub } from '../push/push-hub';
import { secretMatches } from '../tills/secrets';
import { createPairingCode, listTills, revokeTill } from '../tills/tills';
import { bearer } from './till-auth';

/**
 * The owner's API, behind the owner token (OWNER_TOKEN): pairing codes, the list of tills,
 * revoking one, and the daily report over all tills. Without an owner token configured the
 * routes are off; the CLI does the same work with a database connection.
 */
export function ownerRoutes(
  app: FastifyInstance,
  deps: { pool: Pool; hub: PushHub; ownerToken: string | null; now: () => Date },
) {
  const { pool, hub, ownerToken, now } = deps;
  app.register(async (owner) => {
    owner.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!ownerToken)
        return reply.code(404).send({ error: 'not_found', message: 'The owner API is off on this server.' });
      if (!secretMatches(bearer(request), ownerToken))
        return reply.code(401).send({ error: 'unauthorized', message: 'Missing or wrong owner token.' });
    });

    owner.post(
      '/api/v1/owner/pairing-codes',
      {
        schema: {
          body: {
            type: 'object',
            required: ['tillName'],
            additionalProperties: false,
            properties: { tillName: { type: 'string', minLength: 1, maxLength: 60 } },
          },
        },
      },
      async (request) => {
        const { tillName } = request.body as { tillName: string };
        const code = await createPairingCode(pool, tillName, now());
        return { code: code.code, expiresAt: code.expiresAt.toISOString() };
      },
    );

    owner.get('/api/v1/owner/tills', async () => ({
      tills: (await listTills(pool)).map((t) => ({
        id: t.id,
        name: t.name,
        hwm: t.hwm,
        prefixes: t.prefixes,
        createdAt: t.created_at.toISOString(),
        lastSeenAt: t.last_seen_at?.toISOString() ?? null,
        revokedAt: t.revoked_at?.toISOString() ?? null,
        connected: hub.connected(t.id),
      })),
    }));

    owner.post('/api/v1/owner/tills/:id/revoke', async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!/^[0-9a-f-]{36}$/.test(id)) return reply.code(404).send({ error: 'not_found', message: 'No such till.' });
      const revoked = await revokeTill(pool, id, now());
      hub.disconnect(id);
      return { revoked };
    });

    owner.get('/api/v1/owner/reports/daily', async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      try {
        return await shopDailyReport(pool, {
          day: q.day ?? '',
          cutoffHour: Number(q.cutoffHour ?? 4),
          timeZone: q.timeZone ?? 'Asia/Jakarta',
        });
      } catch (err) {
        if (err instanceof ReportInputError)
          return reply.code(400).send({ error: 'invalid_request', message: err.message });
        throw err;
      }
    });
  });
}
