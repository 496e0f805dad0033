import { describe, expect, it } from 'vitest';
import { ORDER_STATES } from '@shared/order-state';
import { flushedByNextCommit } from '../../../src/main/orders/commit-flush';

describe('which change of a sale may wait for the next flush', () => {
  it('only the QR being up (awaiting_payment); every outcome is flushed before it is shown', () => {
    const waits = ORDER_STATES.filter((s) => flushedByNextCommit(s));
    expect(waits).toEqual(['awaiting_payment']);
    for (const s of ['paid', 'canceled', 'expired', 'failed', 'needs_review', 'creating'] as const)
      expect(flushedByNextCommit(s)).toBe(false);
  });
});
