import { PIN_PATTERN } from '@shared/counter';

/**
 * Typing a PIN on the pad or the keyboard. Pure, so what the cashier relies on (never more
 * than 8 digits, OK only for a whole PIN, a refusal said plainly with its wait) is
 * unit-tested without a browser. Main checks every PIN; this only shapes the pad.
 */
export const PIN_MAX = 8;

export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back';
export type PinAction = { kind: 'key'; key: PinKey } | { kind: 'submit' } | { kind: 'cancel' };

export function pressPin(pin: string, key: PinKey): string {
  if (key === 'back') return pin.slice(0, -1);
  return pin.length >= PIN_MAX ? pin : pin + key;
}

/** OK is offered only for a PIN main could accept (4 to 8 digits). */
export function pinComplete(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** A physical key (KeyboardEvent.key) to what it does on the pad, or null (left alone). */
export function pinActionFromKey(key: string): PinAction | null {
  if (/^[0-9]$/.test(key)) return { kind: 'key', key: key as PinKey };
  if (key === 'Backspace') return { kind: 'key', key: 'back' };
  if (key === 'Enter') return { kind: 'submit' };
  if (key === 'Escape') return { kind: 'cancel' };
  return null;
}

/** Why main refused a PIN, as the pad says it. */
export type PinRefusal = { kind: 'wrong' } | { kind: 'locked'; seconds: number };

/**
 * Main answers a wrong PIN with pin_wrong, and a PIN paused by too many wrong ones with
 * pin_locked, whose issue carries the wait ("locked:30"). Anything else is not a refusal of
 * the PIN (a full disk...) and is shown as the error it is.
 */
export function pinRefusal(err: unknown): PinRefusal | null {
  const e = err as { code?: unknown; issues?: { path: string; message: string }[] } | null;
  if (e?.code === 'pin_wrong') return { kind: 'wrong' };
  if (e?.code !== 'pin_locked') return null;
  const said = e.issues?.find((i) => i.path === 'pin' && /^locked:\d+$/.test(i.message));
  const seconds = said ? Number(said.message.slice('locked:'.length)) : 30;
  return { kind: 'locked', seconds: Math.max(1, seconds) };
}

/** Whole seconds still to wait from a lock that ends at `until` on the monotonic clock. */
export function secondsToWait(until: number | null, now: number): number {
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}
