import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { sha256 } from '../tills/secrets';

/** A signed-in browser stays signed in for 12 hours, then signs in again. */
export const SESSION_TTL_MS = 12 * 3_600_000;
export const SESSION_COOKIE = 'pakasir_owner';

/** A new session: 256 random bits in the cookie, only their hash in the database. */
export async function openSession(pool: Pool, now: Date): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Sessions that ran out are cleared as new ones open: the table stays small without a job.
  await pool.query('DELETE FROM shop.owner_sessions WHERE expires_at <= $1', [now]);
  await pool.query('INSERT INTO shop.owner_sessions (token_sha256, created_at, expires_at) VALUES ($1, $2, $3)', [
    sha256(id),
    now,
    expiresAt,
  ]);
  return { id, expiresAt };
}

export async function sessionValid(pool: Pool, id: string | undefined, now: Date): Promise<boolean> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return false;
  const r = await pool.query('SELECT 1 FROM shop.owner_sessions WHERE token_sha256 = $1 AND expires_at > $2', [
    sha256(id),
    now,
  ]);
  return (r.rowCount ?? 0) > 0;
}

export async function closeSession(pool: Pool, id: string | undefined): Promise<void> {
  if (id) await pool.query('DELETE FROM shop.owner_sessions WHERE token_sha256 = $1', [sha256(id)]);
}
