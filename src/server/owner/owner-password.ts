import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * The owner's password, kept as a scrypt hash (Node's own crypto: memory-hard, no native
 * add-on to build on a VPS). Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised
 * later without invalidating passwords already set.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export class PasswordError extends Error {}

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new PasswordError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Sets (or replaces) the password; every browser signed in with the old one is signed out. */
export async function setOwnerPassword(pool: Pool, password: string, now: Date = new Date()): Promise<void> {
  const hashed = await hashPassword(password);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO shop.owner_password (id, scrypt, updated_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET scrypt = EXCLUDED.scrypt, updated_at = EXCLUDED.updated_at`,
      [hashed, now],
    );
    await client.query('DELETE FROM shop.owner_sessions');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function storedOwnerPassword(pool: Pool): Promise<string | null> {
  const r = await pool.query<{ scrypt: string }>('SELECT scrypt FROM shop.owner_password WHERE id = 1');
  return r.rows[0]?.scrypt ?? null;
}
