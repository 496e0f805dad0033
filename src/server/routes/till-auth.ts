import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { tillByToken, type TillRow } from '../tills/tills';

declare module 'fastify' {
  interface FastifyRequest {
    till: TillRow | null;
  }
}

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return m ? m[1]! : null;
}

/**
 * Every till call carries its own token. A revoked till is told so in words it can show
 * (error `revoked`), distinct from a token the server never issued (`unauthorized`).
 */
export function tillAuth(pool: Pool) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearer(request);
    const till = token ? await tillByToken(pool, token) : null;
    if (!till) {
      await reply.code(401).send({ error: 'unauthorized', message: 'This till is not paired with this server.' });
      return;
    }
    if (till.revoked_at) {
      await reply
        .code(401)
        .send({ error: 'revoked', message: 'This till was removed from the shop server by the owner.' });
      return;
    }
    request.till = till;
  };
}
