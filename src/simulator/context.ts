import type { Ledger, SimProject } from './ledger';

/** The gateway's routes, by name: what a test simulator aims its faults at. */
export const SIM_ROUTES = [
  'v1.create',
  'v1.detail',
  'v1.cancel',
  'v1.simulate',
  'v2.create',
  'v2.status',
  'v2.cancel',
  'v2.fee',
] as const;
export type SimRoute = (typeof SIM_ROUTES)[number];

/** What one simulated answer is, before faults may spoil it. */
export interface SimAnswer {
  status: number;
  json?: unknown;
  /** Raw text body (HTML pages); json wins when both are set. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SimStats {
  createCalls: number;
  statusCalls: number;
  cancelCalls: number;
  /** v2 status calls that came faster than the per-transaction limit. */
  rateLimitViolations: number;
  /** Distinct gateway transactions created per order_id. */
  createsPerOrder: Record<string, number>;
}

export interface SimContext {
  ledger: Ledger;
  projects: readonly SimProject[];
  /** True when a completed transaction's status answer on this route should say `pending` (tests only). */
  takeFlip: (route: SimRoute) => boolean;
  clock: () => number;
  v2StatusIntervalMs: number;
  /** What `amount` means in status answers: the order amount or the total paid. */
  statusAmount: 'amount' | 'total';
  /** What v2 status calls an unpaid QR whose time ran out. */
  v2ExpiredAs: 'expired' | 'canceled';
  counters: { createCalls: number; statusCalls: number; cancelCalls: number; rateLimitViolations: number };
  /** Last accepted v2 status call per txn_id (for the rate limit). */
  lastStatusAt: Map<string, number>;
  baseUrl: () => string;
}

export interface SimRequest {
  method: string;
  path: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Set when the body was present but not JSON. */
  badJson: boolean;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimAnswer => ({
  status,
  json: body,
  ...(headers ? { headers } : {}),
});
export const message = (status: number, text: string): SimAnswer => json(status, { message: text });

export const MSG = {
  badKey: 'Api key tidak valid',
  noProject: 'Proyek tidak ditemukan',
  noTxn: 'Transaksi tidak ditemukan',
  badJson: 'Body JSON tidak valid',
} as const;

/** Amounts arrive as JSON numbers; the real gateway is lenient with digit strings too. */
export function readAmount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}
