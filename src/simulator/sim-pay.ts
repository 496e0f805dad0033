import { json, message, type SimAnswer, type SimContext, type SimRequest } from './context';

/**
 * `POST /__sim/pay`: the sandbox payer. Demo mode's "simulate payment" and the pay page's
 * button land here, as a customer paying the QR would at the real gateway's sandbox. The
 * rest of `/__sim/` (faults, expire, reset, stats) is test machinery, in lab/.
 */
function target(req: SimRequest): { id: string | null; project: string | undefined } {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const pick = (k: string): string | null => (typeof b[k] === 'string' ? (b[k] as string) : req.query.get(k));
  return { id: pick('txn_id') ?? pick('order_id'), project: pick('project') ?? undefined };
}

export function changeTransaction(ctx: SimContext, req: SimRequest, action: 'pay' | 'expire'): SimAnswer {
  const { id, project } = target(req);
  const t = id ? ctx.ledger.find(id, project) : undefined;
  if (!t) return message(404, 'Transaksi tidak ditemukan');
  const changed = action === 'pay' ? ctx.ledger.pay(t) : ctx.ledger.expire(t);
  // A browser form post (the pay page) goes back to the page it came from.
  if (req.headers['content-type']?.toString().startsWith('application/x-www-form-urlencoded')) {
    return {
      status: 303,
      headers: { location: `/pay/${t.project}/${t.amount}?order_id=${encodeURIComponent(t.orderId)}` },
      text: '',
    };
  }
  return json(200, { ok: true, changed, status: t.status, txn_id: t.txnId, order_id: t.orderId });
}

/** The shipped simulator's `/__sim/` answers: the payer only. */
export function plainControl(ctx: SimContext, req: SimRequest, action: string): SimAnswer {
  if (req.badJson) return message(400, 'Body JSON tidak valid');
  if (req.method === 'POST' && action === 'pay') return changeTransaction(ctx, req, 'pay');
  return message(req.method === 'POST' ? 404 : 405, 'Perintah simulator tidak dikenal');
}
