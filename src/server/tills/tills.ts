import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newPairingCode, newTillToken, normalizeCode, sha256 } from './secrets';

export interface TillRow {
  id: string;
  name: string;
  hwm: number;
  created_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export class PairingError extends Error {
  constructor(
    readonly code: 'invalid_code',
    message: string,
  ) {
    super(message);
  }
}

/** The owner creates a one-time code for a new till (CLI or owner API). */
export async function createPairingCode(
  pool: Pool,
  tillName: string,
  now: Date = new Date(),
  ttlMs = PAIRING_CODE_TTL_MS,
): Promise<{ code: string; expiresAt: Date }> {
  const name = tillName.trim();
  if (name.length < 1 || name.length > 60) throw new RangeError('A till name has 1 to 60 characters.');
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await pool.query(
    'INSERT INTO shop.pairing_codes (code_sha256, till_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256(code), name, now, expiresAt],
  );
  return { code, expiresAt };
}

/**
 * Exchanges a code for a new till and its token, once: the code row is locked and marked
 * used in the same transaction that creates the till, so two tills racing with one code
 * cannot both win.
 */
export async function redeemPairingCode(
  pool: Pool,
  input: { code: string; tillName: string; orderPrefix: string; firstSeq?: number | undefined },
  now: Date = new Date(),
): Promise<{ tillId: string; tillName: string; token: string; hwm: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query<{ till_name: string; expires_at: Date; used_at: Date | null }>(
      'SELECT till_name, expires_at, used_at FROM shop.pairing_codes WHERE code_sha256 = $1 FOR UPDATE',
      [sha256(normalizeCode(input.code))],
    );
    const row = found.rows[0];
    if (!row || row.used_at !== null || row.expires_at.getTime() <= now.getTime()) {
      await client.query('ROLLBACK');
      // One answer for unknown, used and expired: nothing to learn by guessing.
      throw new PairingError('invalid_code', 'This pairing code is unknown, already used or expired.');
    }
    const tillId = randomUUID();
    const token = newTillToken();
    // The name the owner gave the code wins; the till's own name fills in when none was given.
    const tillName = row.till_name || input.tillName;
    const hwm = (input.firstSeq ?? 1) - 1;
    await client.query('INSERT INTO shop.tills (id, name, token_sha256, hwm, created_at) VALUES ($1, $2, $3, $4, $5)', [
      tillId,
      tillName,
      sha256(token),
      hwm,
      now,
    ]);
    await client.query('UPDATE shop.pairing_codes SET used_at = $2, till_id = $3 WHERE code_sha256 = $1', [
      sha256(normalizeCode(input.code)),
      now,
      tillId,
    ]);
    if (input.orderPrefix)
      await client.query(
        'INSERT INTO shop.till_prefixes (prefix, till_id, last_seen_at) VALUES ($1, $2, $3) ON CONFLICT (prefix, till_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at',
        [input.orderPrefix, tillId, now],
      );
    await client.query('COMMIT');
    return { tillId, tillName, token, hwm };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The till a bearer token belongs to, revoked or not (the caller decides what revoked means). */
export async function tillByToken(pool: Pool, token: string): Promise<TillRow | null> {
  const r = await pool.query<TillRow>(
    'SELECT id, name, hwm, created_at, last_seen_at, revoked_at FROM shop.tills WHERE token_sha256 = $1',
    [sha256(token)],
  );
  return r.rows[0] ?? null;
}

export async function revokeTill(pool: Pool, tillId: string, now: Date = new Date()): Promise<boolean> {
  const r = await pool.query('UPDATE shop.tills SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    tillId,
    now,
  ]);
  return (r.rowCount ?? 0) > 0;
}

export async function listTills(pool: Pool): Promise<(TillRow & { prefixes: string[] })[]> {
  const r = await pool.query<TillRow & { prefixes: string[] }>(
    `SELECT t.id, t.name, t.hwm, t.created_at, t.last_seen_at, t.revoked_at,
            coalesce(array_agg(p.prefix ORDER BY p.prefix) FILTER (WHERE p.prefix IS NOT NULL), '{}') AS prefixes
       FROM shop.tills t LEFT JOIN shop.till_prefixes p ON p.till_id = t.id
      GROUP BY t.id ORDER BY t.created_at`,
  );
  return r.rows;
}

export async function revokedAmong(pool: Pool, tillIds: string[]): Promise<string[]> {
  if (tillIds.length === 0) return [];
  const r = await pool.query<{ id: string }>(
    'SELECT id FROM shop.tills WHERE id = ANY($1::uuid[]) AND revoked_at IS NOT NULL',
    [tillIds],
  );
  return r.rows.map((x) => x.id);
}
