import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '@shared/methods';
import { digitsToAmount, keyFromKeyboard, pressKey, type KeypadKey } from '@renderer/lib/keypad';

const typeKeys = (keys: KeypadKey[]) => keys.reduce((d, k) => pressKey(d, k), '');

describe('keypad', () => {
  it('builds an amount from digits and 000', () => {
    expect(digitsToAmount(typeKeys(['2', '2', '000']))).toBe(22_000);
  });

  it('ignores leading zeros', () => {
    expect(typeKeys(['0', '0', '5'])).toBe('5');
    expect(typeKeys(['000'])).toBe('');
    expect(digitsToAmount('')).toBe(0);
  });

  it('backspace removes one digit and clear removes all', () => {
    expect(typeKeys(['1', '2', '3', 'back'])).toBe('12');
    expect(typeKeys(['1', '2', '3', 'clear'])).toBe('');
    expect(typeKeys(['back'])).toBe('');
  });

  it('refuses a digit that would go beyond MAX_AMOUNT and keeps the amount as it was', () => {
    const max = String(MAX_AMOUNT);
    expect(pressKey(max, '0')).toBe(max);
    expect(pressKey('5000000', '000')).toBe('5000000');
    expect(pressKey('5000000', '0')).toBe('50000000');
    expect(pressKey('50000001'.slice(0, 7), '1')).toBe('5000000');
  });

  it('maps the physical keyboard and numpad', () => {
    expect(keyFromKeyboard('7')).toBe('7');
    expect(keyFromKeyboard('Backspace')).toBe('back');
    expect(keyFromKeyboard('Delete')).toBe('clear');
    expect(keyFromKeyboard('Escape')).toBe('clear');
    expect(keyFromKeyboard('a')).toBeNull();
    expect(keyFromKeyboard('Enter')).toBeNull();
  });
});
