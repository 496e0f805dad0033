import type { GatewayCall } from './lib/gateway-calls';
import { summarize, type Summary } from './lib/stats';

/** How the engine used Pakasir during the paid-to-shown run, against Pakasir's limits. */
export interface GatewayUse {
  sales: number;
  createsPerSale: Summary;
  statusPerSale: Summary;
  cancelsPerSale: Summary;
  /** Shortest gap between two status calls for one transaction (v2 allows one per 4 s). */
  minStatusGapMs: number;
  /** Most creates any one project sent within one second (Pakasir allows about 2/s). */
  peakCreatesPerSecond: number;
  /** Round trip of one status call, for the rate-limit floor. */
  statusRtt: Summary;
}

export function gatewayUse(
  calls: readonly GatewayCall[],
  orderOfTxn: Map<string, string>,
  orderIds: string[],
): GatewayUse {
  const per = new Map(orderIds.map((id) => [id, { create: 0, status: 0, cancel: 0 }]));
  const statusTimes = new Map<string, number[]>();
  const createTimes = new Map<string, number[]>();
  for (const c of calls) {
    const orderId = c.route === 'create' ? c.key : orderOfTxn.get(c.key);
    const row = orderId ? per.get(orderId) : undefined;
    if (c.route === 'create') {
      if (row) row.create += 1;
      createTimes.set(c.project, [...(createTimes.get(c.project) ?? []), c.startedAt]);
    } else if (c.route === 'status') {
      if (row) row.status += 1;
      statusTimes.set(c.key, [...(statusTimes.get(c.key) ?? []), c.startedAt]);
    } else if (c.route === 'cancel' && row) row.cancel += 1;
  }
  let minGap = Infinity;
  for (const times of statusTimes.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i += 1) minGap = Math.min(minGap, times[i]! - times[i - 1]!);
  }
  let peak = 0;
  for (const times of createTimes.values()) {
    times.sort((a, b) => a - b);
    let lo = 0;
    for (let hi = 0; hi < times.length; hi += 1) {
      while (times[hi]! - times[lo]! >= 1000) lo += 1;
      peak = Math.max(peak, hi - lo + 1);
    }
  }
  const rows = [...per.values()];
  return {
    sales: rows.length,
    createsPerSale: summarize(rows.map((r) => r.create)),
    statusPerSale: summarize(rows.map((r) => r.status)),
    cancelsPerSale: summarize(rows.map((r) => r.cancel)),
    minStatusGapMs: minGap,
    peakCreatesPerSecond: peak,
    statusRtt: summarize(calls.filter((c) => c.route === 'status').map((c) => c.endedAt - c.startedAt)),
  };
}
