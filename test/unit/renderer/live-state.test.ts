import { describe, expect, it } from 'vitest';
import { liveState } from '@renderer/lib/live-state';
import { order } from './fixtures';

describe('liveState: what the payment screen says it is doing', () => {
  it('says offline first, whatever else is true: checks are not reaching Pakasir', () => {
    expect(liveState(order({ state: 'creating' }), 'offline', true)).toBe('offline');
    expect(liveState(order(), 'offline', false)).toBe('offline');
  });

  it('says the QR is being made while the sale is creating, even when a check runs', () => {
    expect(liveState(order({ state: 'creating' }), 'online', true)).toBe('creating');
    expect(liveState(order({ state: 'creating' }), 'degraded', false)).toBe('creating');
  });

  it('says checking only while a check is in flight, waiting otherwise', () => {
    expect(liveState(order(), 'online', true)).toBe('checking');
    expect(liveState(order(), 'online', false)).toBe('waiting');
    expect(liveState(order(), 'degraded', false)).toBe('waiting');
  });
});
