import { describe, expect, it } from 'vitest';
import { validateQrisPayload } from '@shared/qris';
import {
  encodeQr,
  keepQrEncoderWarm,
  REWARM_EVERY_MS,
  WARM_RUNS,
  warmPayload,
  warmQrEncoder,
  type IdleDeadline,
  type WarmClock,
} from '@renderer/lib/qr-encode';
import { buildQrisPayload } from '../../../src/shared/qris-payload';

/** Idle moments and an interval run by hand: each idle moment lasts `sliceMs` of pretend time. */
function handClock(sliceMs: number) {
  const idle: ((d: IdleDeadline) => void)[] = [];
  let interval: { ms: number; fn: () => void } | null = null;
  const clock: WarmClock = {
    whenIdle: (fn) => void idle.push(fn),
    every(ms, fn) {
      interval = { ms, fn };
      return () => {
        interval = null;
      };
    },
  };
  return {
    clock,
    pendingIdle: () => idle.length,
    interval: () => interval,
    /** Runs one idle moment in which every encode takes 1 ms; returns how many it ran. */
    runIdle(count: { n: number }): number {
      const fn = idle.shift();
      if (!fn) throw new Error('no idle work is waiting');
      const before = count.n;
      fn({ timeRemaining: () => sliceMs - (count.n - before) });
      return count.n - before;
    },
  };
}

describe('encodeQr', () => {
  it('encodes a QRIS payload and refuses text no QR can hold', () => {
    const qr = encodeQr(buildQrisPayload({ total: 25_000, reference: 'ORD-1', merchantId: '123456' }));
    expect(qr).not.toBeNull();
    expect(qr!.data.length).toBe(qr!.size * qr!.size);
    expect(encodeQr('9'.repeat(8000))).toBeNull();
  });
});

describe('warm-up payloads', () => {
  it('are QRIS payloads for their amount, of the QR size a real sale gets', () => {
    const real = encodeQr(buildQrisPayload({ total: 25_000, reference: 'PKS-20261201-0001', merchantId: '123456' }))!;
    for (const i of [0, 7, WARM_RUNS - 1]) {
      const payload = warmPayload(i);
      expect(validateQrisPayload(payload, 25_000 + i)).toEqual({ ok: true });
      // The same QR version: the warm-up compiles the paths a real sale's QR takes.
      expect(encodeQr(payload)!.size).toBe(real.size);
    }
    expect(new Set([0, 1, 2].map(warmPayload)).size).toBe(3);
  });
});

describe('warmQrEncoder', () => {
  it('encodes in idle moments only, leaving each with time to spare, and ends after the set number', async () => {
    const hand = handClock(10);
    const count = { n: 0 };
    let finished = false;
    const done = warmQrEncoder(hand.clock, 25, () => {
      count.n += 1;
      return null;
    }).then(() => {
      finished = true;
    });
    // Nothing runs before the window is idle.
    expect(count.n).toBe(0);
    const perSlice: number[] = [];
    while (hand.pendingIdle() > 0) perSlice.push(hand.runIdle(count));
    await done;
    expect(finished).toBe(true);
    expect(count.n).toBe(25);
    // A 10 ms moment at 1 ms an encode: stops while 2 ms are left, so 8 a moment.
    expect(perSlice).toEqual([8, 8, 8, 1]);
  });

  it('runs at least one encode in a moment with no time left, so it always ends', async () => {
    const hand = handClock(0);
    const count = { n: 0 };
    const done = warmQrEncoder(hand.clock, 3, () => {
      count.n += 1;
      return null;
    });
    while (hand.pendingIdle() > 0) expect(hand.runIdle(count)).toBe(1);
    await done;
    expect(count.n).toBe(3);
  });
});

describe('keepQrEncoderWarm', () => {
  it('warms at start and again every few minutes, never twice at once, until stopped', async () => {
    const hand = handClock(1_000);
    const stop = keepQrEncoderWarm(hand.clock);
    expect(hand.pendingIdle()).toBe(1);
    expect(hand.interval()?.ms).toBe(REWARM_EVERY_MS);
    // The interval comes round while the first warm-up still waits for an idle moment.
    hand.interval()!.fn();
    expect(hand.pendingIdle()).toBe(1);
    hand.runIdle({ n: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    hand.interval()!.fn();
    expect(hand.pendingIdle()).toBe(1);
    stop();
    expect(hand.interval()).toBeNull();
  });
});
