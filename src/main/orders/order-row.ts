import type { OrderEventView, OrderReason, OrderView } from '@shared/domain';
import type { FeePayer } from '@shared/fees';
import type { ApiVersion, SaleMethod } from '@shared/methods';
import type { OrderState } from '@shared/order-state';
import type { GatewayFacts, OrderRecord } from './order-store';

/** The orders table row as SQLite returns it. */
export interface OrderRow {
  order_id: string;
  state: string;
  method: string;
  amount: number;
  fee: number | null;
  total_payment: number | null;
  note: string;
  terminal: string;
  api_version: string;
  sandbox: number;
  project: string;
  txn_id: string | null;
  payment_number: string | null;
  payment_url: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  paid_at: string | null;
  reason: string | null;
  reason_detail: string | null;
  last_checked_at: string | null;
  create_attempts: number;
  watch_until: string | null;
  replaces_order_id: string | null;
  /** NULL on rows written before migration 4: the price was the amount. */
  price: number | null;
  fee_payer: string | null;
  base_url: string | null;
  /** NULL on rows written before migration 9, and on payments taken outside a counter sale. */
  sale_id: string | null;
  cash_tendered: number | null;
  cash_change: number | null;
  shift_id: string | null;
}

export interface EventRow {
  id: number;
  order_id: string;
  at: string;
  from_state: string | null;
  to_state: string;
  reason: string;
  facts: string | null;
}

export function toRecord(r: OrderRow): OrderRecord {
  return {
    orderId: r.order_id,
    state: r.state as OrderState,
    method: r.method as SaleMethod,
    amount: r.amount,
    price: r.price ?? r.amount,
    // Before the choice existed, the customer paid Pakasir's fee on top of the price.
    feePayer: (r.fee_payer ?? 'customer') as FeePayer,
    fee: r.fee,
    totalPayment: r.total_payment,
    note: r.note,
    terminal: r.terminal,
    apiVersion: r.api_version as ApiVersion,
    sandbox: r.sandbox === 1,
    txnId: r.txn_id,
    paymentNumber: r.payment_number,
    paymentUrl: r.payment_url,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
    paidAt: r.paid_at,
    reason: r.reason as OrderReason | null,
    reasonDetail: r.reason_detail,
    lastCheckedAt: r.last_checked_at,
    saleId: r.sale_id,
    cash: r.cash_tendered === null ? null : { tendered: r.cash_tendered, change: r.cash_change ?? 0 },
    project: r.project,
    baseUrl: r.base_url,
    createAttempts: r.create_attempts,
    watchUntil: r.watch_until,
    replacesOrderId: r.replaces_order_id,
  };
}

/** The renderer's view: the record without the engine's bookkeeping. */
export function toView(r: OrderRow): OrderView {
  const { project: _p, baseUrl: _b, createAttempts: _c, watchUntil: _w, replacesOrderId: _r, ...view } = toRecord(r);
  // Lists and history never offer a simulation; the counter's own view comes from the engine.
  return { ...view, canSimulate: false };
}

export function toEventView(r: EventRow): OrderEventView {
  return {
    id: r.id,
    orderId: r.order_id,
    at: r.at,
    from: r.from_state as OrderState | null,
    to: r.to_state as OrderState,
    reason: r.reason,
    facts: r.facts === null ? null : (JSON.parse(r.facts) as Record<string, unknown>),
  };
}

/** GatewayFacts key -> column. */
export const FACT_COLUMNS = {
  txnId: 'txn_id',
  fee: 'fee',
  totalPayment: 'total_payment',
  paymentNumber: 'payment_number',
  paymentUrl: 'payment_url',
  expiresAt: 'expires_at',
  paidAt: 'paid_at',
  lastCheckedAt: 'last_checked_at',
  reason: 'reason',
  reasonDetail: 'reason_detail',
  watchUntil: 'watch_until',
} as const satisfies Record<keyof GatewayFacts, keyof OrderRow>;

/** Facts about money: once set, a different value is only written together with an event that records old and new. */
export const MONEY_FACTS: ReadonlySet<keyof GatewayFacts> = new Set([
  'fee',
  'totalPayment',
  'txnId',
  'paymentNumber',
  'paidAt',
]);
