import { describe, expect, it } from 'vitest';
import { PosError } from '@shared/errors';
import {
  pinActionFromKey,
  pinComplete,
  pinRefusal,
  pressPin,
  secondsToWait,
  type PinKey,
} from '../../../src/renderer/src/lib/pin-entry';

const type = (keys: string): string => [...keys].reduce((pin, k) => pressPin(pin, k as PinKey), '');

describe('the PIN pad', () => {
  it('takes digits up to eight, deletes the last one, and offers OK only for a whole PIN', () => {
    expect(type('123')).toBe('123');
    expect(pinComplete(type('123'))).toBe(false);
    expect(pinComplete(type('1234'))).toBe(true);
    expect(type('1234567890')).toBe('12345678');
    expect(pressPin('482916', 'back')).toBe('48291');
    expect(pressPin('', 'back')).toBe('');
    expect(pinComplete('12345678')).toBe(true);
    expect(pinComplete('123456789')).toBe(false);
  });

  it('reads the keyboard: digits, Backspace, Enter submits, Escape cancels, the rest is left alone', () => {
    expect(pinActionFromKey('7')).toEqual({ kind: 'key', key: '7' });
    expect(pinActionFromKey('Backspace')).toEqual({ kind: 'key', key: 'back' });
    expect(pinActionFromKey('Enter')).toEqual({ kind: 'submit' });
    expect(pinActionFromKey('Escape')).toEqual({ kind: 'cancel' });
    expect(pinActionFromKey('a')).toBeNull();
    expect(pinActionFromKey('Tab')).toBeNull();
    expect(pinActionFromKey('F2')).toBeNull();
  });

  it("says main's refusal plainly: a wrong PIN, or the wait it gave after too many", () => {
    expect(pinRefusal(new PosError('pin_wrong', 'Wrong PIN', [{ path: 'pin', message: 'wrong' }]))).toEqual({
      kind: 'wrong',
    });
    expect(pinRefusal(new PosError('pin_locked', 'Too many', [{ path: 'pin', message: 'locked:120' }]))).toEqual({
      kind: 'locked',
      seconds: 120,
    });
    // A lock without its wait still says to wait (the policy's first pause).
    expect(pinRefusal(new PosError('pin_locked', 'Too many'))).toEqual({ kind: 'locked', seconds: 30 });
    // Anything else is not about the PIN: the pad shows it as the error it is.
    expect(pinRefusal(new PosError('disk_full', 'full'))).toBeNull();
    expect(pinRefusal(new Error('x'))).toBeNull();
    expect(pinRefusal(null)).toBeNull();
  });

  it('counts the wait down in whole seconds on the monotonic clock, never below zero', () => {
    expect(secondsToWait(null, 5_000)).toBe(0);
    expect(secondsToWait(35_000, 5_000)).toBe(30);
    expect(secondsToWait(35_000, 5_001)).toBe(30);
    expect(secondsToWait(35_000, 34_001)).toBe(1);
    expect(secondsToWait(35_000, 35_000)).toBe(0);
    expect(secondsToWait(35_000, 90_000)).toBe(0);
  });
});
