import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from '@renderer/lib/format';

describe('countdown', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  it('shows minutes and seconds left, and 0:00 once past', () => {
    expect(formatCountdown('2026-01-01T10:04:05Z', now)).toBe('4:05');
    expect(formatCountdown('2026-01-01T11:01:02Z', now)).toBe('1:01:02');
    expect(formatCountdown('2026-01-01T09:59:00Z', now)).toBe('0:00');
    expect(secondsLeft('2026-01-01T09:59:00Z', now)).toBe(0);
  });
  it('shows nothing without a usable expiry', () => {
    expect(formatCountdown(null, now)).toBeNull();
    expect(formatCountdown('soon', now)).toBeNull();
  });
});
