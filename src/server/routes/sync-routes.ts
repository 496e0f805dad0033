import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { MAX_PUSH_EVENTS, pairRequestSchema, type PairAnswer, type SyncStateAnswer } from '@shared/sync/protocol';
import { ingestPush, RevokedTillError, type RawEvent } from '../ingest/ingest';
import type { KindRegistry } from '../ingest/kinds';
import type { PushHub } from '../push/push-hub';
import { PairingError, redeemPairingCode } from '../tills/tills';
import { tillAuth } from './till-auth';

/** The envelope Fastify checks before any handler runs; each event's content is judged by the ingest. */
const pushBody = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_PUSH_EVENTS,
      items: {
        type: 'object',
        required: ['seq'],
        properties: { seq: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
      },
    },
  },
} as const;

const pairBody = {
  type: 'object',
  required: ['code', 'tillName', 'orderPrefix'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 4, maxLength: 32 },
    tillName: { type: 'string', minLength: 1, maxLength: 60 },
    orderPrefix: { type: 'string', maxLength: 64 },
    firstSeq: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  },
} as const;

export function syncRoutes(
  app: FastifyInstance,
  deps: { pool: Pool; kinds: KindRegistry; hub: PushHub; now: () => Date },
) {
  const { pool, kinds, hub, now } = deps;

  app.post(
    '/api/v1/pair',
    { schema: { body: pairBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = pairRequestSchema.safeParse(request.body);
      if (!input.success)
        return reply.code(400).send({ error: 'invalid_request', message: input.error.issues[0]?.message });
      try {
        const till = await redeemPairingCode(pool, input.data, now());
        const answer: PairAnswer = { ...till };
        return await reply.code(200).send(answer);
      } catch (err) {
        if (err instanceof PairingError) return reply.code(403).send({ error: err.code, message: err.message });
        throw err;
      }
    },
  );

  app.register(async (tillScope) => {
    tillScope.addHook('onRequest', tillAuth(pool));

    tillScope.get('/api/v1/sync/state', async (request) => {
      const till = request.till!;
      const answer: SyncStateAnswer = { tillId: till.id, tillName: till.name, hwm: till.hwm };
      return answer;
    });

    tillScope.post(
      '/api/v1/sync/events',
      { schema: { body: pushBody }, bodyLimit: 8 * 1024 * 1024 },
      async (request, reply) => {
        const { events } = request.body as { events: RawEvent[] };
        try {
          const answer = await ingestPush(pool, kinds, request.till!.id, events, now());
          if ('error' in answer) return await reply.code(409).send(answer);
          return answer;
        } catch (err) {
          if (err instanceof RevokedTillError)
            return reply
              .code(401)
              .send({ error: 'revoked', message: 'This till was removed from the shop server by the owner.' });
          throw err;
        }
      },
    );

    tillScope.get('/api/v1/sync/push', async (request, reply) => {
      const till = request.till!;
      const last = Number(request.headers['last-event-id']);
      reply.hijack();
      request.raw.socket.setKeepAlive(true, 10_000);
      await hub.attach(till.id, till.name, till.hwm, reply.raw, Number.isSafeInteger(last) && last > 0 ? last : null);
    });
  });
}
