import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A till's token: 256 random bits. The server stores only its hash. */
export function newTillToken(): string {
  return randomBytes(32).toString('base64url');
}

/** No 0/O, 1/I/L: the owner reads the code off one screen and types it on another. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `K7QX-M4PD`: 8 characters from 31 (about 40 bits), short-lived and usable once. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the owner typed, in the form it was issued: case, spaces and dashes do not matter. */
export function normalizeCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

/**
 * Compares a presented secret with the expected one in constant time. Both are hashed
 * first so the lengths match and the comparison does not reveal the expected length.
 */
export function secretMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
