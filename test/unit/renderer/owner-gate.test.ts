import { describe, expect, it } from 'vitest';
import { PosError } from '@shared/errors';
import type { PosApi } from '../../../src/renderer/src/api/pos-api';
import type { AccessView } from '@shared/counter';
import { ownerLocked, sharedAsk, withOwnerGate } from '../../../src/renderer/src/lib/owner-gate';

/** A stand-in for main: owner-only calls refused until the owner's PIN unlocked the till. */
function fakeMain() {
  const state = { unlocked: false, refunds: 0, calls: 0 };
  const api = {
    refundSale: async () => {
      state.calls += 1;
      if (!state.unlocked) throw new PosError('owner_required', 'owner only');
      state.refunds += 1;
      return { refunded: state.refunds };
    },
    moveCash: async () => {
      state.calls += 1;
      throw new PosError('owner_required', 'not an owner call: never gated');
    },
    startExport: async () => {
      state.calls += 1;
      throw new PosError('disk_full', 'full');
    },
    on: () => () => undefined,
  } as unknown as PosApi;
  return { api, state };
}

const refund = { saleId: 's1', amount: 1_000, channel: 'cash', note: 'x' } as const;

describe('owner-only calls on a locked till', () => {
  it('ask for the PIN, then go on once: the refund is made after a good PIN', async () => {
    const { api, state } = fakeMain();
    let asked = 0;
    const gated = withOwnerGate(api, async () => {
      asked += 1;
      state.unlocked = true;
      return true;
    });
    await expect(gated.refundSale(refund)).resolves.toEqual({ refunded: 1 });
    expect(asked).toBe(1);
    expect(state.calls).toBe(2);
  });

  it('stand refused when the cashier backs out of the pad: nothing is retried', async () => {
    const { api, state } = fakeMain();
    const gated = withOwnerGate(api, async () => false);
    await expect(gated.refundSale(refund)).rejects.toMatchObject({ code: 'owner_required' });
    expect(state.calls).toBe(1);
    expect(state.refunds).toBe(0);
  });

  it('leave other errors and other calls alone', async () => {
    const { api, state } = fakeMain();
    let asked = 0;
    const gated = withOwnerGate(api, async () => {
      asked += 1;
      return true;
    });
    await expect(gated.startExport({ format: 'csv', filter: {} })).rejects.toMatchObject({ code: 'disk_full' });
    await expect(gated.moveCash({ kind: 'out', amount: 1, reason: 'x' })).rejects.toMatchObject({
      code: 'owner_required',
    });
    expect(asked).toBe(0);
    expect(state.calls).toBe(2);
  });

  it('retry only once: a till locked again meanwhile answers the refusal', async () => {
    const { api, state } = fakeMain();
    let asked = 0;
    const gated = withOwnerGate(api, async () => {
      asked += 1;
      return true; // the pad said yes, but main still refuses
    });
    await expect(gated.refundSale(refund)).rejects.toMatchObject({ code: 'owner_required' });
    expect(asked).toBe(1);
    expect(state.calls).toBe(2);
  });

  it('open one pad for calls refused together', async () => {
    let opened = 0;
    let answer: (v: boolean) => void = () => undefined;
    const ask = sharedAsk(
      () =>
        new Promise<boolean>((resolve) => {
          opened += 1;
          answer = resolve;
        }),
    );
    const a = ask();
    const b = ask();
    answer(true);
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
    expect(opened).toBe(1);
    // Once answered, the next refusal opens the pad again.
    void ask();
    expect(opened).toBe(2);
  });
});

describe('ownerLocked', () => {
  const access = (ownerPinSet: boolean, ownerUnlocked: boolean) =>
    ({ seq: 1, ownerPinSet, ownerUnlocked, staff: [] }) as unknown as AccessView;

  it('is locked only when an owner PIN exists and the owner has not unlocked', () => {
    expect(ownerLocked(access(true, false))).toBe(true);
    expect(ownerLocked(access(true, true))).toBe(false);
    // No owner yet: the till is open for a first look (main still refuses money back).
    expect(ownerLocked(access(false, false))).toBe(false);
  });

  it('does not claim a lock before main has said who may do what', () => {
    expect(ownerLocked(null)).toBe(false);
  });
});
