import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

/**
 * The cashier window's own policy (src/shared/csp.ts), sent as a header so frame-ancestors
 * holds too; and no referrer: the page holds the shop's figures.
 */
export const OWNER_PAGE_CSP = CONTENT_SECURITY_POLICY;

/** Where `npm run build` leaves the owner's page, seen from the source tree, the bundle or the image. */
export function findOwnerPageDir(from: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.OWNER_PAGE_DIR,
    join(from, 'owner'),
    resolve(from, '../owner'),
    resolve(from, '../../out/owner'),
    resolve(from, '../../../out/owner'),
  ].filter((d): d is string => typeof d === 'string' && d.length > 0);
  return candidates.find((d) => existsSync(join(d, 'owner.html'))) ?? null;
}

/**
 * Serves the owner's page (a build of src/renderer/owner.html) at `/`. Without a build the
 * address says so in one sentence instead of a bare 404.
 */
export async function ownerPage(app: FastifyInstance, dir: string | null): Promise<void> {
  const secure = (reply: { header(k: string, v: string): unknown }) => {
    reply.header('content-security-policy', OWNER_PAGE_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  };
  if (!dir) {
    app.get('/', async (_request, reply) => {
      secure(reply);
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send("The owner's page is not built on this server: run `npm run build`, then start the server again.");
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['owner.html'],
    wildcard: false,
    // Hashed asset names change with every build; the page itself is always asked again.
    setHeaders: (reply, path) => {
      secure(reply);
      reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}
