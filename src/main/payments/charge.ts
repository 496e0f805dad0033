import type { OrderView } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SaleLineView } from '@shared/items';
import { checkAmount, METHOD_RULES, type ApiVersion, type PaymentMethod } from '@shared/methods';
import { formatRupiah } from '@shared/money';
import { isFinal } from '@shared/order-state';
import { cancelSale } from './cancel-sale';
import { sendCreate } from './create-step';
import type { Engine } from './engine';
import { FAILURE_RETRY_MS } from './engine-tuning';
import type { SaleWorker } from './sale-worker';

/** A charge at the counter; `lines` (what was sold, adding up to the amount) are journaled with the sale. */
export interface ChargeRequest {
  amount: number;
  method: PaymentMethod;
  note?: string;
  lines?: readonly SaleLineView[] | null;
  /** The counter sale this charge is a part of. */
  saleId?: string | null;
}

/** Why an amount cannot be charged with a method, in words the cashier's error shows. */
export function amountMessage(method: PaymentMethod, code: string, version: ApiVersion): string {
  const rule = METHOD_RULES[method];
  if (code === 'method_unavailable') return `${method} is not offered by API ${version}.`;
  if (code === 'not_integer') return 'The amount must be a whole number of rupiah.';
  return `${method} accepts ${formatRupiah(rule.min)} to ${formatRupiah(rule.max)}.`;
}

/**
 * A new sale: the amount checked and planned, any open sale on the counter canceled first,
 * the sale journaled with its first create attempt, and that create sent at once.
 */
export async function chargeNow(
  e: Engine,
  worker: SaleWorker,
  input: ChargeRequest,
  replacesOrderId: string | null,
): Promise<OrderView> {
  const ctx = e.context();
  const problem = checkAmount(input.method, input.amount, ctx.version);
  if (problem) throw new PosError('invalid_input', amountMessage(input.method, problem.code, ctx.version));
  // The amount sent follows from the owner's fee choice; decided (fee answers included)
  // before anything is journaled or canceled, so a failed fee lookup changes nothing.
  const plan = await e.planAmount({
    price: input.amount,
    method: input.method,
    gateway: ctx.gateway,
    project: ctx.project,
    linkQrisOnly: ctx.link.qrisOnly,
  });
  const sendProblem = checkAmount(input.method, plan.amount, ctx.version);
  if (sendProblem) {
    const why = `With the round price, ${formatRupiah(plan.amount)} would be sent to Pakasir: ${amountMessage(input.method, sendProblem.code, ctx.version)}`;
    throw new PosError('invalid_input', why, [{ path: 'roundPriceAmount', message: why }]);
  }
  await cancelOpenSale(e, worker);
  const record = e.store.openSale({
    amount: plan.amount,
    price: input.amount,
    feePayer: plan.feePayer,
    method: input.method,
    note: input.note?.trim() ?? '',
    terminal: ctx.terminalPrefix,
    apiVersion: ctx.version,
    sandbox: ctx.sandbox,
    project: ctx.project,
    baseUrl: ctx.baseUrl,
    replacesOrderId,
    lines: input.lines ?? null,
    saleId: input.saleId ?? null,
  });
  const orderId = record.orderId;
  // The windows keep their screens while Pakasir makes the QR (the keypad, the welcome):
  // they are told of the sale once its create has left.
  e.setActiveSoon(record);
  // The first create goes straight out: its attempt was journaled with the sale.
  await worker
    .enqueue(orderId, () => sendCreate(e, record, ctx.gateway, ctx, true))
    .catch((err: unknown) => {
      e.log.warn('first create failed unexpectedly', {
        orderId,
        error: err instanceof Error ? err.message : String(err),
      });
      e.schedule(orderId, FAILURE_RETRY_MS);
    });
  return e.view(e.mustGet(orderId));
}

/** One live QR per counter: a sale still open is canceled (best effort) before a new one. */
async function cancelOpenSale(e: Engine, worker: SaleWorker): Promise<void> {
  const active = e.activeOrderId ? e.store.get(e.activeOrderId) : null;
  if (!active || isFinal(active.state)) return;
  const after = await cancelSale(e, worker, active.orderId, 'amount_changed');
  if (after.state === 'paid') {
    throw new PosError(
      'illegal_state',
      `Sale ${after.orderId} was paid just now (${formatRupiah(after.totalPayment ?? after.price)}); no new sale was started.`,
    );
  }
}
