import { describe, expect, it } from 'vitest';
import { clockOffset } from '../../../bench/lib/page-clock';

describe("a page's clock against Node's", () => {
  it('takes the midpoint of the quickest round trip', () => {
    const probes = [
      { sentAt: 1000, pageAt: 1012, receivedAt: 1006 },
      { sentAt: 2000, pageAt: 2008.4, receivedAt: 2000.8 },
      { sentAt: 3000, pageAt: 3010, receivedAt: 3003 },
    ];
    const { offsetMs, uncertaintyMs } = clockOffset(probes);
    expect(offsetMs).toBeCloseTo(8, 6);
    expect(uncertaintyMs).toBeCloseTo(0.4, 6);
  });

  it('finds a page behind Node as a negative offset', () => {
    expect(clockOffset([{ sentAt: 500, pageAt: 497.5, receivedAt: 501 }]).offsetMs).toBeCloseTo(-3, 6);
  });

  it('skips probes that cannot be right, and refuses when none is left', () => {
    const bad = [
      { sentAt: 10, pageAt: 20, receivedAt: 9 },
      { sentAt: 10, pageAt: Number.NaN, receivedAt: 11 },
    ];
    expect(() => clockOffset(bad)).toThrow(/no usable clock probe/);
    expect(clockOffset([...bad, { sentAt: 10, pageAt: 15, receivedAt: 12 }]).offsetMs).toBeCloseTo(4, 6);
  });
});
