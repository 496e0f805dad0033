import type { IncomingMessage, ServerResponse } from 'node:http';
import { message, type SimAnswer, type SimContext } from '../context';
import { send } from '../http-io';
import type { Routed } from '../routes';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { labControl } from './control';
import { FaultSet, type FaultSpec } from './faults';

export type { FaultSpec } from './faults';

/**
 * The simulator tests, the soak, the benchmarks and `npm run sim` use: the same Pakasir as
 * demo mode, plus scriptable faults (lost, late, spoiled or refused answers) and the whole
 * `/__sim/` control plane. Test machinery: nothing the app ships imports this folder.
 */
export interface LabSimulator extends Simulator {
  readonly faults: { add(spec: FaultSpec): void; clear(): void; list(): readonly FaultSpec[] };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Spoils an answer for another order or amount, wherever the shape keeps them, or puts the
 * total the customer paid where the amount was (`totalOf` finds it from the answer).
 */
function spoil(answer: SimAnswer, fault: FaultSpec, totalOf: (t: Record<string, unknown>) => number | null): SimAnswer {
  if (!answer.json || typeof answer.json !== 'object') return answer;
  const copy = structuredClone(answer.json) as Record<string, unknown>;
  const targets = [copy, copy.payment, copy.transaction].filter(
    (x): x is Record<string, unknown> => !!x && typeof x === 'object',
  );
  for (const t of targets) {
    if (fault.amountAsTotal && typeof t.amount === 'number') t.amount = totalOf(t) ?? t.amount;
    if (fault.wrongAmount && typeof t.amount === 'number') t.amount += 1;
    if (fault.wrongOrderId && typeof t.order_id === 'string') t.order_id = `${t.order_id}X`;
  }
  return { ...answer, json: copy };
}

function faultAnswer(fault: FaultSpec): SimAnswer {
  const status = fault.status ?? 200;
  const headers = fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : undefined;
  if (fault.body !== undefined)
    return { status, text: fault.body, contentType: 'application/json', ...(headers ? { headers } : {}) };
  const words =
    status === 429
      ? 'Terlalu banyak permintaan'
      : status >= 500
        ? 'Terjadi kesalahan pada server'
        : 'Permintaan ditolak';
  return { ...message(status, words), ...(headers ? { headers } : {}) };
}

/** Serves one request with the next fault for its route: late, lost, refused or spoiled. */
async function faultyAnswer(
  faults: FaultSet,
  routed: Routed,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SimContext,
): Promise<SimAnswer | null> {
  const fault = routed.route ? faults.take(routed.route) : null;
  if (!fault) return routed.handle();
  if (fault.latencyMs) await sleep(fault.latencyMs);
  const lose = (f: FaultSpec): boolean => {
    if (f.drop) {
      req.socket.destroy();
      return true;
    }
    // Hanging: hold the response open; close() destroys the socket.
    if (f.hang) return true;
    if (f.status !== undefined || f.body !== undefined) {
      send(res, faultAnswer(f));
      return true;
    }
    return false;
  };
  if (!fault.afterHandling && lose(fault)) return null;
  const answer = routed.handle();
  if (fault.afterHandling && lose(fault)) return null;
  const totalOf = (t: Record<string, unknown>): number | null => {
    const found =
      (typeof t.txn_id === 'string' ? ctx.ledger.byTxn(t.txn_id) : undefined) ??
      (typeof t.order_id === 'string' ? ctx.ledger.find(t.order_id) : undefined);
    return found ? found.totalPayment : null;
  };
  return fault.wrongAmount || fault.wrongOrderId || fault.amountAsTotal ? spoil(answer, fault, totalOf) : answer;
}

export async function createLabSimulator(options: SimulatorOptions = {}): Promise<LabSimulator> {
  const faults = new FaultSet();
  const sim = await createSimulator(options, {
    takeFlip: (route) => faults.takeFlip(route) !== null,
    answer: (routed, req, res, ctx) => faultyAnswer(faults, routed, req, res, ctx),
    control: (ctx, controls, req, action) => labControl(ctx, faults, controls, req, action),
    reset: () => faults.clear(),
  });
  return Object.assign(sim, {
    faults: { add: (f: FaultSpec) => faults.add(f), clear: () => faults.clear(), list: () => faults.list() },
  });
}
