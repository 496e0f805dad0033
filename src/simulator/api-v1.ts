import { METHOD_RULES, isPaymentMethod, type PaymentMethod } from '../shared/methods';
import { formatRupiah } from '../shared/money';
import { MSG, json, message, readAmount, type SimAnswer, type SimContext, type SimRequest } from './context';
import type { SimProject, SimTransaction } from './ledger';
import { nanoUtc, wib } from './timestamps';

/** The guide's API, answer shapes exactly as its examples (wrappers, field names, types). */

type Authed = { ok: true; project: SimProject } | { ok: false; answer: SimAnswer };

function authenticate(ctx: SimContext, slug: unknown, key: unknown): Authed {
  const project = ctx.projects.find((p) => p.slug === slug);
  if (!project) return { ok: false, answer: message(404, MSG.noProject) };
  if (typeof key !== 'string' || key !== project.apiKey) return { ok: false, answer: message(401, MSG.badKey) };
  return { ok: true, project };
}

export function createAnswerV1(t: SimTransaction): unknown {
  return {
    payment: {
      project: t.project,
      order_id: t.orderId,
      amount: t.amount,
      fee: t.fee,
      total_payment: t.totalPayment,
      payment_method: t.method,
      payment_number: t.paymentNumber,
      expired_at: nanoUtc(t.expiresAt, t.nanos),
    },
  };
}

export function detailAnswerV1(
  t: SimTransaction,
  status: string = t.status,
  amountMeans: 'amount' | 'total' = 'amount',
): unknown {
  return {
    transaction: {
      amount: amountMeans === 'total' ? t.totalPayment : t.amount,
      order_id: t.orderId,
      project: t.project,
      status,
      payment_method: t.method,
      completed_at: status === 'completed' && t.completedAt !== null ? wib(t.completedAt) : null,
    },
  };
}

export function v1Create(ctx: SimContext, req: SimRequest, methodText: string): SimAnswer {
  ctx.counters.createCalls += 1;
  if (req.badJson) return message(400, MSG.badJson);
  const b = (req.body ?? {}) as Record<string, unknown>;
  const auth = authenticate(ctx, b.project, b.api_key);
  if (!auth.ok) return auth.answer;
  if (!isPaymentMethod(methodText) || !METHOD_RULES[methodText].versions.includes('v1') || methodText === 'paypal') {
    return message(400, 'Metode pembayaran tidak valid');
  }
  const method: PaymentMethod = methodText;
  const orderId = typeof b.order_id === 'string' ? b.order_id.trim() : '';
  if (orderId === '') return message(400, 'order_id wajib diisi');
  const amount = readAmount(b.amount);
  const rule = METHOD_RULES[method];
  if (amount === null) return message(400, 'amount harus berupa angka bulat');
  if (amount < rule.min || amount > rule.max)
    return message(400, `Nominal harus antara ${formatRupiah(rule.min)} dan ${formatRupiah(rule.max)}`);
  const outcome = ctx.ledger.create(auth.project, orderId, amount, method);
  if (!outcome.ok) return message(400, outcome.message);
  return json(200, createAnswerV1(outcome.txn));
}

/** (order_id, amount) identify a v1 transaction; both must match. */
function findByPair(ctx: SimContext, project: SimProject, orderId: unknown, amountRaw: unknown): SimTransaction | null {
  if (typeof orderId !== 'string') return null;
  const amount = readAmount(amountRaw);
  const t = ctx.ledger.byOrder(project.slug, orderId);
  return t && t.amount === amount ? t : null;
}

export function v1Detail(ctx: SimContext, req: SimRequest): SimAnswer {
  ctx.counters.statusCalls += 1;
  const q = req.query;
  const auth = authenticate(ctx, q.get('project'), q.get('api_key'));
  if (!auth.ok) return auth.answer;
  const t = findByPair(ctx, auth.project, q.get('order_id'), q.get('amount'));
  if (!t) return message(404, MSG.noTxn);
  if (t.status === 'completed' && ctx.takeFlip('v1.detail'))
    return json(200, detailAnswerV1(t, 'pending', ctx.statusAmount));
  return json(200, detailAnswerV1(t, t.status, ctx.statusAmount));
}

export function v1Cancel(ctx: SimContext, req: SimRequest): SimAnswer {
  ctx.counters.cancelCalls += 1;
  if (req.badJson) return message(400, MSG.badJson);
  const b = (req.body ?? {}) as Record<string, unknown>;
  const auth = authenticate(ctx, b.project, b.api_key);
  if (!auth.ok) return auth.answer;
  const t = findByPair(ctx, auth.project, b.order_id, b.amount);
  if (!t) return message(404, MSG.noTxn);
  if (!ctx.ledger.cancel(t))
    return json(400, { success: false, message: `Transaksi berstatus ${t.status}, tidak dapat dibatalkan` });
  return json(200, { success: true, message: 'Transaksi dibatalkan' });
}

export function v1Simulate(ctx: SimContext, req: SimRequest): SimAnswer {
  if (req.badJson) return message(400, MSG.badJson);
  const b = (req.body ?? {}) as Record<string, unknown>;
  const auth = authenticate(ctx, b.project, b.api_key);
  if (!auth.ok) return auth.answer;
  if (!auth.project.sandbox)
    return json(400, { success: false, message: 'Simulasi pembayaran hanya untuk proyek mode Sandbox' });
  const t = findByPair(ctx, auth.project, b.order_id, b.amount);
  if (!t) return message(404, MSG.noTxn);
  if (t.status !== 'pending') return json(400, { success: false, message: `Transaksi berstatus ${t.status}` });
  ctx.ledger.pay(t);
  return json(200, { success: true, message: 'Simulasi pembayaran berhasil' });
}
