import type { OrderReason } from '@shared/domain';
import type { GatewayFacts, OrderRecord } from '../orders/order-store';
import {
  GatewayError,
  type GatewayStatus,
  type GatewayTransaction,
  type PakasirGateway,
  type TransactionRef,
} from '../pakasir/gateway';
import { stepCheck } from './check-step';
import { displayProblem } from './display-check';
import type { Engine } from './engine';
import { MAX_REFUSED_CREATE_ANSWERS } from './engine-tuning';
import { askStatus, bestEffortCancel } from './gateway-calls';
import type { GatewayContext } from './gateway-selection';
import { finishPaid } from './outcomes';
import { retryDelay } from './poll-schedule';
import { createFacts, gatewayMethodOf, refOf, statusFacts } from './sale-facts';
import { judgeStatus, saleFacts } from './verify';

/**
 * A sale in `creating`: its transaction is made at Pakasir exactly once. A create whose
 * answer was lost is resolved before another is sent (v2: the same find-or-create; v1:
 * the status by order_id and amount), and an answer is shown only once it is verified.
 */
export async function stepCreate(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
  ctx: GatewayContext,
): Promise<void> {
  // v2's create is find-or-create by order_id, so repeating it is the resolution.
  if (!(order.createAttempts > 0 && gateway.version === 'v1' && order.method !== 'paypal'))
    return sendCreate(e, order, gateway, ctx);
  // A create was sent before and its answer is unknown: find out before sending another.
  const status = await askStatus(e, order, gateway);
  if (status instanceof GatewayError) {
    // The earlier create never reached Pakasir: sending it now is the first transaction.
    if (status.kind === 'not_found') return sendCreate(e, order, gateway, ctx);
    return createFailed(e, order, status);
  }
  const verdict = judgeStatus(saleFacts(order), status);
  if (verdict.kind === 'paid') return finishPaid(e, order, status);
  return failLostCreate(e, order, gateway, status);
}

/**
 * It exists but its QR payload is lost (or was refused): nobody can have seen it, so cancel
 * it at the gateway and let the cashier start a new sale (a new order_id, never a second
 * transaction under this one: v1 has no find-or-create).
 */
async function failLostCreate(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
  status: GatewayStatus,
): Promise<void> {
  await bestEffortCancel(e, gateway, refOf(order), order.orderId);
  const refused = lastCreateProblem(e, order.orderId);
  const reason: OrderReason = refused ? 'invalid_payload' : 'create_lost';
  const failed = e.store.transition(
    order.orderId,
    'failed',
    reason,
    { reason, reasonDetail: refused ?? `gateway status ${status.rawStatus}` },
    statusFacts(status),
    ['creating'],
  );
  e.settle(failed);
  e.publish(failed);
  if (refused) e.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
}

export async function sendCreate(
  e: Engine,
  order: OrderRecord,
  gateway: PakasirGateway,
  ctx: GatewayContext,
  attemptNoted = false,
): Promise<void> {
  await e.pacer.turn();
  // Journaled before the request leaves: after a crash we know a create may exist.
  const noted = attemptNoted ? order : e.store.noteCreateAttempt(order.orderId);
  let tx: GatewayTransaction;
  try {
    tx = await gateway.create({
      orderId: order.orderId,
      amount: order.amount,
      method: gatewayMethodOf(order),
      link: ctx.link,
    });
    if (e.connectivity.ok().cameBack) e.resumeAll();
  } catch (err) {
    return createFailed(e, noted, err);
  }
  return acceptCreate(e, noted, tx, gateway);
}

async function acceptCreate(
  e: Engine,
  order: OrderRecord,
  tx: GatewayTransaction,
  gateway: PakasirGateway,
): Promise<void> {
  e.expiry.noteServerDate(tx.serverDate);
  // The shop promised the customer the round price: a fee that moved since it was looked
  // up must not make the customer pay more. That transaction is canceled like any answer
  // we cannot show; the cashier makes a new QR, which asks for the fee again.
  const overPrice = order.feePayer === 'shop' && tx.totalPayment > order.price;
  const problem = overPrice
    ? `total_payment ${tx.totalPayment} is above the price ${order.price}`
    : displayProblem(order, tx);
  if (problem) return refuseAnswer(e, order, tx, gateway, problem, overPrice);
  const facts: GatewayFacts = {
    txnId: tx.txnId,
    fee: tx.fee,
    totalPayment: tx.totalPayment,
    paymentNumber: tx.paymentNumber,
    paymentUrl: tx.paymentUrl,
    expiresAt: tx.expiresAt,
    lastCheckedAt: e.nowIso(),
  };
  const awaiting = e.store.transition(order.orderId, 'awaiting_payment', 'created', facts, createFacts(tx), [
    'creating',
  ]);
  e.publish(awaiting);
  // A find-or-create of a transaction that was paid meanwhile.
  if (tx.status === 'completed') return stepCheck(e, awaiting, gateway, true);
  e.schedule(order.orderId, e.livePace(gateway).baseIntervalMs);
}

/** Never show what we could not verify: cancel it (best effort) and fail the sale. */
async function refuseAnswer(
  e: Engine,
  order: OrderRecord,
  tx: GatewayTransaction,
  gateway: PakasirGateway,
  problem: string,
  overPrice: boolean,
): Promise<void> {
  const reason: OrderReason = overPrice ? 'fee_above_price' : 'invalid_payload';
  const ref: TransactionRef = { ...refOf(order), txnId: tx.txnId };
  await bestEffortCancel(e, gateway, ref, order.orderId);
  const failed = e.store.transition(
    order.orderId,
    'failed',
    reason,
    { txnId: tx.txnId, reason, reasonDetail: problem },
    createFacts(tx),
    ['creating'],
  );
  e.publish(failed);
  if (!overPrice) e.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
}

async function createFailed(e: Engine, order: OrderRecord, err: unknown): Promise<void> {
  if (!(err instanceof GatewayError)) throw err;
  e.connectivity.failed(err);
  if (err.transient || err.kind === 'invalid_answer') return createUnanswered(e, order, err);
  const reason: OrderReason = err.kind === 'auth' ? 'auth' : 'gateway_rejected';
  const failed = e.store.transition(
    order.orderId,
    'failed',
    reason,
    { reason, reasonDetail: err.gatewayMessage ?? err.message },
    { error: err.kind, httpStatus: err.httpStatus },
    ['creating'],
  );
  e.publish(failed);
}

/** The create may or may not exist: stay in `creating`, resolve it on the next step. */
async function createUnanswered(e: Engine, order: OrderRecord, err: GatewayError): Promise<void> {
  const n = (e.errors.get(order.orderId) ?? 0) + 1;
  e.errors.set(order.orderId, n);
  const refused = err.kind === 'invalid_answer' ? { detail: err.message, txnId: err.txnId } : {};
  e.store.recordFacts(
    order.orderId,
    {},
    { reason: 'create_unanswered', facts: { error: err.kind, httpStatus: err.httpStatus, ...refused } },
  );
  if (err.kind === 'invalid_answer' && refusedCreates(e, order.orderId) >= MAX_REFUSED_CREATE_ANSWERS) {
    return createRefused(e, order, err);
  }
  e.schedule(order.orderId, retryDelay(err.kind, n, e.paceFor(e.context().gateway), e.random, err.retryAfterMs));
}

/** Create answers this sale got that the app could not accept (journaled, so a restart keeps count). */
function refusedCreates(e: Engine, orderId: string): number {
  return e.store
    .events(orderId)
    .filter((ev) => ev.reason === 'create_unanswered' && ev.facts?.error === 'invalid_answer').length;
}

/** Why the last create answer was refused, when the last create problem was a refusal. */
function lastCreateProblem(e: Engine, orderId: string): string | null {
  const last = e.store
    .events(orderId)
    .filter((ev) => ev.reason === 'create_unanswered')
    .at(-1);
  return last?.facts?.error === 'invalid_answer' && typeof last.facts.detail === 'string' ? last.facts.detail : null;
}

/**
 * Pakasir keeps answering the create with something we cannot show (another amount, no QR,
 * an unreadable body): asking again will not change it. The sale fails with the reason
 * shown, and a transaction made for it is canceled (best effort: without a txn_id a v2
 * transaction cannot be named; its QR was never shown, so nobody can pay it).
 */
async function createRefused(e: Engine, order: OrderRecord, err: GatewayError): Promise<void> {
  const gateway = e.gatewayFor(order);
  const ref: TransactionRef = { ...refOf(order), txnId: order.txnId ?? err.txnId };
  if (gateway && (order.apiVersion === 'v1' || ref.txnId)) await bestEffortCancel(e, gateway, ref, order.orderId);
  const failed = e.store.transition(
    order.orderId,
    'failed',
    'invalid_payload',
    { reason: 'invalid_payload', reasonDetail: err.message, ...(ref.txnId ? { txnId: ref.txnId } : {}) },
    { error: err.kind, refusedAnswers: MAX_REFUSED_CREATE_ANSWERS },
    ['creating'],
  );
  e.settle(failed);
  e.publish(failed);
  e.notify('warning', 'notice.invalidPayload', { orderId: order.orderId }, order.orderId);
}
