import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { PushHub } from '../push/push-hub';
import { secretMatches } from '../tills/secrets';
import { receiveWebhook, webhookSchema } from '../webhook/pakasir-webhook';

/**
 * POST /webhooks/pakasir: Pakasir's payment webhook, v1 or v2 shape. The X-Secret header
 * must equal the configured secret (compared in constant time); without a configured secret
 * the route refuses everything rather than accept unauthenticated calls.
 */
export function webhookRoutes(
  app: FastifyInstance,
  deps: { pool: Pool; hub: PushHub; secret: string | null; now: () => Date },
) {
  app.post(
    '/webhooks/pakasir',
    { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } },
    async (request, reply) => {
      if (!deps.secret)
        return reply.code(503).send({ error: 'not_configured', message: 'This server has no webhook secret set.' });
      const given = request.headers['x-secret'];
      if (!secretMatches(typeof given === 'string' ? given : null, deps.secret))
        return reply.code(401).send({ error: 'unauthorized', message: 'Missing or wrong X-Secret.' });
      const body = webhookSchema.safeParse(request.body);
      if (!body.success)
        return reply.code(400).send({
          error: 'invalid_request',
          message: body.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
            .join('; '),
        });
      const result = await receiveWebhook(deps.pool, deps.hub, body.data, deps.now());
      request.log.info(
        {
          orderId: body.data.order_id,
          version: result.version,
          tills: result.tills.length,
          delivered: result.delivered,
        },
        'pakasir webhook',
      );
      return { received: true, matched: result.tills.length > 0 };
    },
  );
}
