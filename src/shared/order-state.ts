/**
 * The sale state machine. The journal refuses any transition not listed here, so a bug in
 * the payment engine cannot silently rewrite money state.
 */
export const ORDER_STATES = [
  'creating',
  'awaiting_payment',
  'paid',
  'canceled',
  'expired',
  'failed',
  'needs_review',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const TRANSITIONS: Record<OrderState, readonly OrderState[]> = {
  // creating -> canceled: the cashier abandoned a sale whose create answer never came and
  // the gateway confirms no transaction exists (or it was cancelled).
  creating: ['awaiting_payment', 'paid', 'failed', 'canceled', 'needs_review'],
  awaiting_payment: ['paid', 'canceled', 'expired', 'failed', 'needs_review'],
  // Late payments: a canceled or expired sale that Pakasir later reports completed is never
  // shown as paid automatically; a human looks at it.
  canceled: ['needs_review'],
  expired: ['needs_review'],
  // failed: the gateway refused the create, so no transaction exists; nothing follows.
  failed: [],
  paid: [],
  // A human resolves a review either way.
  needs_review: ['paid', 'canceled'],
};

export const FINAL_STATES: readonly OrderState[] = ['paid', 'canceled', 'expired', 'failed', 'needs_review'];
/** States the engine still polls as live transactions. */
export const LIVE_STATES: readonly OrderState[] = ['creating', 'awaiting_payment'];
/**
 * Final states whose sale is still watched for a late payment until its watch_until: a
 * canceled or expired QR can still be paid, and a sale under review keeps being checked.
 */
export const WATCHED_STATES: readonly OrderState[] = ['canceled', 'expired', 'needs_review'];

/**
 * `state IN ('a','b')` with the states written out, not bound: SQLite uses a partial index
 * only when the query's own text implies the index's condition, which needs literals.
 */
export function stateInSql(states: readonly OrderState[]): string {
  return `state IN (${states.map((s) => `'${s}'`).join(',')})`;
}

export function canTransition(from: OrderState, to: OrderState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinal(state: OrderState): boolean {
  return FINAL_STATES.includes(state);
}
