import { describe, expect, it } from 'vitest';
import { ExpiryClock } from '../../../src/main/payments/expiry-clock';
import { ManualClock } from '../../support/manual-clock';

const HOUR = 3_600_000;

describe('ExpiryClock: the earlier of our wall clock and Pakasir’s', () => {
  it('is our wall clock until Pakasir has said what time it is', () => {
    const clock = new ExpiryClock(() => 5_000, new ManualClock());
    expect(clock.now()).toBe(5_000);
  });

  it('does not jump when our wall clock is set hours ahead, and follows it back', async () => {
    const pace = new ManualClock();
    let wall = Date.parse('2026-11-25T03:00:00.000Z');
    const clock = new ExpiryClock(() => wall, pace);
    clock.noteServerDate(new Date(wall).toUTCString());
    await pace.advance(10_000);
    wall += 10_000 + 3 * HOUR; // the cashier sets the clock three hours ahead
    expect(clock.now()).toBe(Date.parse('2026-11-25T03:00:10.000Z'));
    wall -= 6 * HOUR; // ...then six hours back
    expect(clock.now()).toBe(wall);
  });
});
