import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OWNER_API, ownerSignInSchema } from '@shared/owner/contract';
import { ownerEnabled, parseOr400, type OwnerAuthDeps } from '../owner/owner-guard';
import { storedOwnerPassword, verifyPassword } from '../owner/owner-password';
import { closeSession, openSession, SESSION_COOKIE, sessionValid, SESSION_TTL_MS } from '../owner/owner-sessions';
import { secretMatches } from '../tills/secrets';

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    // Behind the reverse proxy (TRUST_PROXY) the page is https and the cookie never leaves it.
    secure: request.protocol === 'https',
  };
}

/**
 * Signing the owner's page in and out. The owner types either secret the server knows: the
 * owner token, or the password set with `npm run server -- owner-password`. A right one opens
 * a session kept in PostgreSQL and sets its cookie; a wrong one is refused the same way
 * whichever secret was meant, and ten tries a minute per address is all anyone gets.
 */
export function ownerSessionRoutes(app: FastifyInstance, deps: OwnerAuthDeps) {
  app.get(`${OWNER_API}/session`, async (request) => ({
    enabled: await ownerEnabled(deps),
    signedIn: await sessionValid(deps.pool, request.cookies[SESSION_COOKIE], deps.now()),
  }));

  app.post(
    `${OWNER_API}/session`,
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const input = parseOr400(ownerSignInSchema, request.body, reply);
      if (!input) return reply;
      const stored = await storedOwnerPassword(deps.pool);
      if (deps.ownerToken === null && stored === null)
        return reply.code(404).send({ error: 'owner_off', message: 'The owner API is off on this server.' });
      const byToken = deps.ownerToken !== null && secretMatches(input.secret, deps.ownerToken);
      const byPassword = !byToken && stored !== null && (await verifyPassword(input.secret, stored));
      if (!byToken && !byPassword) {
        request.log.warn('owner sign-in refused');
        return reply.code(401).send({ error: 'unauthorized', message: 'Wrong password or owner token.' });
      }
      const session = await openSession(deps.pool, deps.now());
      return reply
        .setCookie(SESSION_COOKIE, session.id, { ...cookieOptions(request), maxAge: SESSION_TTL_MS / 1000 })
        .send({ signedIn: true, expiresAt: session.expiresAt.toISOString() });
    },
  );

  app.delete(`${OWNER_API}/session`, async (request, reply) => {
    await closeSession(deps.pool, request.cookies[SESSION_COOKIE]);
    return reply.clearCookie(SESSION_COOKIE, cookieOptions(request)).send({ signedIn: false });
  });
}
