import type { ReconcileDifference, ReconcileResult } from '@shared/domain';
import { isGatewayMethod, type PaymentMethod } from '@shared/methods';
import { PosError } from '@shared/errors';
import type { GatewayStatus, TransactionRef } from '../pakasir/gateway';
import { businessDayBounds, machineTimeZone } from '../orders/local-time';
import type { OrderRecord, OrderStore } from '../orders/order-store';
import { classify, type CheckOutcome } from './classify';

export interface ReconcileDeps {
  /** The engine's status call; it already paces calls per the gateway's rate limits. */
  checkStatus: (ref: TransactionRef, signal?: AbortSignal) => Promise<GatewayStatus>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  cutoffHour: number;
  timeZone?: string;
  now?: () => Date;
}

/** At most two calls in flight: reconciliation must never crowd out the live sale's polls. */
const MAX_IN_FLIGHT = 2;
/** This many network/timeout failures with no answer at all means Pakasir is unreachable: stop trying. */
const OFFLINE_AFTER = 4;

/**
 * A failed create never made a gateway transaction; a create never sent cannot be known
 * there; a cash payment never went to Pakasir at all.
 */
function worthChecking(o: OrderRecord): o is OrderRecord & { method: PaymentMethod } {
  return isGatewayMethod(o.method) && o.state !== 'failed' && !(o.state === 'creating' && o.createAttempts === 0);
}

/** What checking a set of sales with Pakasir found. */
export interface CheckSummary {
  checked: number;
  differences: ReconcileDifference[];
  /** Sales that could not be checked (offline, errors). */
  unchecked: number;
  offline: boolean;
}

export type CheckDeps = Pick<ReconcileDeps, 'checkStatus' | 'onProgress' | 'signal'>;

/**
 * Checks every sale of one business day against Pakasir and lists where the two disagree.
 * Read-only towards the journal's orders (a human decides what to do with a difference); the
 * result is kept so the owner sees when it last ran, even after a restart.
 */
export async function reconcileDay(store: OrderStore, day: string, deps: ReconcileDeps): Promise<ReconcileResult> {
  const now = deps.now ?? (() => new Date());
  let bounds: { start: Date; end: Date };
  try {
    bounds = businessDayBounds(day, deps.cutoffHour, deps.timeZone ?? machineTimeZone());
  } catch (err) {
    throw new PosError('invalid_input', (err as Error).message, [{ path: 'day', message: (err as Error).message }]);
  }
  const summary = await checkWithPakasir(store.listBetween(bounds.start.toISOString(), bounds.end.toISOString()), deps);
  const result: ReconcileResult = { day, checkedAt: now().toISOString(), ...summary };
  store.saveReconcile(result);
  return result;
}

/**
 * The sales given, checked with Pakasir through the engine's gate (cash and sales that never
 * reached Pakasir are skipped): a business day's reconciliation, or a shift's close.
 */
export async function checkWithPakasir(all: OrderRecord[], deps: CheckDeps): Promise<CheckSummary> {
  const canceled = () => new PosError('busy', 'Reconciliation canceled.');
  const orders = all.filter(worthChecking);
  const total = orders.length;
  const differences: ReconcileDifference[] = [];
  let checked = 0;
  let unchecked = 0;
  let unreachable = 0;
  let done = 0;
  let next = 0;
  deps.onProgress?.(0, total);

  const worker = async (): Promise<void> => {
    while (next < orders.length) {
      if (deps.signal?.aborted) throw canceled();
      if (checked === 0 && unreachable >= OFFLINE_AFTER) return;
      const order = orders[next++]!;
      const ref: TransactionRef = {
        orderId: order.orderId,
        amount: order.amount,
        txnId: order.txnId,
        method: order.method,
      };
      let outcome: CheckOutcome;
      try {
        outcome = { ok: true, status: await deps.checkStatus(ref, deps.signal) };
      } catch (error) {
        if (deps.signal?.aborted) throw canceled();
        outcome = { ok: false, error };
      }
      const verdict = classify(order, outcome);
      if (verdict.kind === 'unchecked') {
        unchecked += 1;
        if (verdict.offline) unreachable += 1;
      } else {
        checked += 1;
        if (verdict.kind === 'difference') differences.push(verdict.difference);
      }
      done += 1;
      deps.onProgress?.(done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, Math.max(1, total)) }, worker));
  if (deps.signal?.aborted) throw canceled();

  // Sales skipped after Pakasir proved unreachable are unchecked too.
  unchecked += total - done;
  deps.onProgress?.(total, total);
  return {
    checked,
    differences: differences.sort((a, b) => a.orderId.localeCompare(b.orderId)),
    unchecked,
    offline: total > 0 && checked === 0 && unreachable > 0 && unreachable === done,
  };
}
