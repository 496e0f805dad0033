import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { bearer } from '../routes/till-auth';
import { secretMatches } from '../tills/secrets';
import { storedOwnerPassword } from './owner-password';
import { SESSION_COOKIE, sessionValid } from './owner-sessions';

export interface OwnerAuthDeps {
  pool: Pool;
  ownerToken: string | null;
  now: () => Date;
}

/** The owner API is on when the server has an owner token or a password set. */
export async function ownerEnabled(deps: OwnerAuthDeps): Promise<boolean> {
  return deps.ownerToken !== null || (await storedOwnerPassword(deps.pool)) !== null;
}

/**
 * Who may call the owner API: a request carrying the owner token (scripts, the CLI's work
 * over HTTP), or the signed-in owner's page (its session cookie). The cookie is httpOnly and
 * SameSite=Strict, so another site cannot send it; as a second wall, a cookie-carried change
 * must be JSON (a cross-site form cannot send that without the browser asking first) and,
 * when the browser names its origin, come from this server's own.
 */
export async function guardOwner(deps: OwnerAuthDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!(await ownerEnabled(deps)))
    return reply.code(404).send({ error: 'owner_off', message: 'The owner API is off on this server.' });
  if (deps.ownerToken && secretMatches(bearer(request), deps.ownerToken)) return;
  const session = request.cookies[SESSION_COOKIE];
  if (!(await sessionValid(deps.pool, session, deps.now())))
    return reply.code(401).send({ error: 'unauthorized', message: 'Sign in as the owner first.' });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const type = request.headers['content-type'] ?? '';
    if (!type.startsWith('application/json'))
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'Send JSON.' });
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request.headers.host))
      return reply.code(403).send({ error: 'unauthorized', message: 'This request did not come from this page.' });
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Parses a query or body with the shared schema; on failure answers 400 with the fields at fault. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.infer<S> | null {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data as z.infer<S>;
  void reply.code(400).send({
    error: 'invalid_request',
    message: parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; '),
  });
  return null;
}
