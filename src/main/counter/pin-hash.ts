import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs are stored only as scrypt hashes (node:crypto; memory-hard, so a copied journal does
 * not give up a 6-digit PIN to a graphics card in seconds), each with its own random salt
 * and its parameters beside it, so they can be raised later without breaking stored PINs:
 * `scrypt$N$r$p$salt$hash`, base64url. N = 2^15 with r = 8 costs 32 MiB and about 60-100 ms
 * per check: nothing at the counter, a wall for anyone guessing offline.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Node refuses scrypt above 32 MiB of memory unless told: 128 * N * r bytes plus headroom. */
const maxmem = (n: number, r: number) => 128 * n * r + 1024 * 1024;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: maxmem(n, r) };
  // The asynchronous form runs on libuv's pool: the main process keeps answering the windows.
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison; a stored value that is not one of ours never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((x) => Number.isSafeInteger(x) && x > 0) || n > 2 ** 20 || r > 32 || p > 4) return false;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || expected.length !== KEY_BYTES) return false;
  const key = await derive(pin, salt, n, r, p);
  return timingSafeEqual(key, expected);
}

/**
 * PINs a passer-by guesses first: one digit repeated, or a run up or down ("1234", "9876").
 * Refused when a PIN is set, so the rate limit protects something worth protecting.
 */
export function weakPin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}
