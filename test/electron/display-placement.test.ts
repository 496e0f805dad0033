import { describe, expect, it } from 'vitest';
import { chooseCustomerDisplay, windowedBounds } from '../../src/main/windows/display-placement';

const d = (id: number, x = 0) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('chooseCustomerDisplay', () => {
  it('one screen: no full-screen target (a normal window instead)', () => {
    expect(chooseCustomerDisplay([d(1)], 1, null)).toBeNull();
    expect(chooseCustomerDisplay([d(1)], 1, 1)).toBeNull();
    expect(chooseCustomerDisplay([], null, null)).toBeNull();
  });

  it('two screens: the one that is not the cashier’s', () => {
    expect(chooseCustomerDisplay([d(1), d(2, 1920)], 1, null)?.id).toBe(2);
    expect(chooseCustomerDisplay([d(1), d(2, 1920)], 2, null)?.id).toBe(1);
  });

  it('honours the chosen screen while it is connected and not the cashier’s', () => {
    const three = [d(1), d(2, 1920), d(3, 3840)];
    expect(chooseCustomerDisplay(three, 1, 3)?.id).toBe(3);
    // The chosen screen was unplugged: fall back to another, never to the cashier's.
    expect(chooseCustomerDisplay([d(1), d(2, 1920)], 1, 3)?.id).toBe(2);
    // The chosen screen is where the register is now: pick another one.
    expect(chooseCustomerDisplay(three, 3, 3)?.id).toBe(1);
  });

  it('a plugged-in monitor becomes the target on the next placement', () => {
    const before = [d(10)];
    expect(chooseCustomerDisplay(before, 10, null)).toBeNull();
    expect(chooseCustomerDisplay([...before, d(11, 1920)], 10, null)?.id).toBe(11);
  });
});

describe('windowedBounds', () => {
  it('centres a normal window inside the work area', () => {
    expect(windowedBounds({ x: 0, y: 0, width: 1920, height: 1040 })).toEqual({
      x: 510,
      y: 170,
      width: 900,
      height: 700,
    });
    expect(windowedBounds({ x: 1920, y: 0, width: 800, height: 600 })).toEqual({
      x: 1920,
      y: 0,
      width: 800,
      height: 600,
    });
  });
});
