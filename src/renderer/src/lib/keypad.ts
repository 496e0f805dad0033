import { MAX_AMOUNT } from '@shared/methods';

/**
 * Keypad arithmetic on the digit string. Pure, so the rules the cashier relies on (no
 * leading zeros, never beyond MAX_AMOUNT) are unit-tested without a browser.
 */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '000' | 'back' | 'clear';

export function pressKey(digits: string, key: KeypadKey, max: number = MAX_AMOUNT): string {
  if (key === 'clear') return '';
  if (key === 'back') return digits.slice(0, -1);
  const next = (digits + key).replace(/^0+/, '');
  // A key that would push the amount past the largest any method accepts is refused whole
  // (the amount stays as it was), so the cashier never sees a silently truncated number.
  if (next.length > 0 && Number(next) > max) return digits;
  return next;
}

export function digitsToAmount(digits: string): number {
  return digits === '' ? 0 : Number(digits);
}

/** Maps a physical key (KeyboardEvent.key) to a keypad key, or null. */
export function keyFromKeyboard(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadKey;
  if (key === 'Backspace') return 'back';
  if (key === 'Delete' || key === 'Escape') return 'clear';
  return null;
}
