import { METHOD_RULES, PAYMENT_METHODS, isPaymentMethod } from '../shared/methods';
import { formatRupiah } from '../shared/money';
import { MSG, json, message, readAmount, type SimAnswer, type SimContext, type SimRequest } from './context';
import type { SimProject, SimTransaction } from './ledger';
import { simulatedFee } from './fees';
import { nanoUtc } from './timestamps';

/** API v2 as the public integrations describe it: key in X-Api-Key, flat answers. */

type Authed = { ok: true; project: SimProject } | { ok: false; answer: SimAnswer };

function authenticate(ctx: SimContext, req: SimRequest, slug: string): Authed {
  const project = ctx.projects.find((p) => p.slug === slug);
  if (!project) return { ok: false, answer: message(404, MSG.noProject) };
  const key = req.headers['x-api-key'];
  if (typeof key !== 'string' || key !== project.apiKey) return { ok: false, answer: message(401, MSG.badKey) };
  return { ok: true, project };
}

export function createAnswerV2(t: SimTransaction): unknown {
  if (t.method === 'payment_link') {
    return { txn_id: t.txnId, payment_link: t.paymentLink };
  }
  return {
    txn_id: t.txnId,
    project: t.project,
    order_id: t.orderId,
    amount: t.amount,
    fee: t.fee,
    total_payment: t.totalPayment,
    payment_method: t.method,
    qr_string: t.method === 'qris' ? t.paymentNumber : null,
    va_number: t.method === 'qris' ? null : t.paymentNumber,
    expired_at: nanoUtc(t.expiresAt, t.nanos),
    is_sandbox: t.isSandbox,
    status: t.status,
    completed_at: t.completedAt === null ? null : nanoUtc(t.completedAt, t.nanos),
  };
}

export function statusAnswerV2(
  t: SimTransaction,
  status: string = t.status,
  amountMeans: 'amount' | 'total' = 'amount',
): unknown {
  return {
    txn_id: t.txnId,
    order_id: t.orderId,
    amount: amountMeans === 'total' ? t.totalPayment : t.amount,
    is_sandbox: t.isSandbox,
    status,
    payment_method: t.method,
    completed_at: status === 'completed' && t.completedAt !== null ? nanoUtc(t.completedAt, t.nanos) : null,
  };
}

export function v2Create(ctx: SimContext, req: SimRequest, slug: string, orderId: string): SimAnswer {
  ctx.counters.createCalls += 1;
  const auth = authenticate(ctx, req, slug);
  if (!auth.ok) return auth.answer;
  if (req.badJson) return message(400, MSG.badJson);
  const b = (req.body ?? {}) as Record<string, unknown>;
  const method = b.method;
  if (!isPaymentMethod(method) || !METHOD_RULES[method].versions.includes('v2'))
    return message(400, 'Metode pembayaran tidak valid');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return message(400, 'order_id tidak valid');
  const amount = readAmount(b.amount);
  const rule = METHOD_RULES[method];
  if (amount === null) return message(400, 'amount harus berupa angka bulat');
  if (amount < rule.min || amount > rule.max)
    return message(400, `Nominal harus antara ${formatRupiah(rule.min)} dan ${formatRupiah(rule.max)}`);
  const outcome = ctx.ledger.create(auth.project, orderId, amount, method);
  if (!outcome.ok) return message(400, outcome.message);
  return json(outcome.created ? 201 : 200, createAnswerV2(outcome.txn));
}

function ownTxn(ctx: SimContext, project: SimProject, txnId: string): SimTransaction | null {
  const t = ctx.ledger.byTxn(txnId);
  return t && t.project === project.slug ? t : null;
}

export function v2Status(ctx: SimContext, req: SimRequest, slug: string, txnId: string): SimAnswer {
  ctx.counters.statusCalls += 1;
  const auth = authenticate(ctx, req, slug);
  if (!auth.ok) return auth.answer;
  const t = ownTxn(ctx, auth.project, txnId);
  if (!t) return message(404, MSG.noTxn);
  const now = ctx.clock();
  const last = ctx.lastStatusAt.get(txnId);
  if (last !== undefined && now - last < ctx.v2StatusIntervalMs) {
    ctx.counters.rateLimitViolations += 1;
    const waitS = Math.max(1, Math.ceil((ctx.v2StatusIntervalMs - (now - last)) / 1000));
    return json(429, { message: 'Terlalu banyak permintaan, coba lagi nanti' }, { 'retry-after': String(waitS) });
  }
  ctx.lastStatusAt.set(txnId, now);
  if (t.status === 'completed' && ctx.takeFlip('v2.status'))
    return json(200, statusAnswerV2(t, 'pending', ctx.statusAmount));
  const said = t.status === 'expired' ? ctx.v2ExpiredAs : t.status;
  return json(200, statusAnswerV2(t, said, ctx.statusAmount));
}

export function v2Cancel(ctx: SimContext, req: SimRequest, slug: string, txnId: string): SimAnswer {
  ctx.counters.cancelCalls += 1;
  const auth = authenticate(ctx, req, slug);
  if (!auth.ok) return auth.answer;
  const t = ownTxn(ctx, auth.project, txnId);
  if (!t) return message(404, MSG.noTxn);
  if (!ctx.ledger.cancel(t)) return message(400, `Transaksi berstatus ${t.status}, tidak dapat dibatalkan`);
  return message(200, 'Transaksi dibatalkan');
}

/** Public: no key. A flat map method -> fee. */
export function v2Fee(amountText: string): SimAnswer {
  const amount = readAmount(amountText);
  if (amount === null || amount <= 0) return message(400, 'amount tidak valid');
  const fees: Record<string, number> = {};
  for (const method of PAYMENT_METHODS) {
    if (method === 'paypal' || method === 'payment_link') continue;
    fees[method] = simulatedFee(method, amount);
  }
  return json(200, fees);
}
