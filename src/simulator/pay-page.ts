import { readAmount, type SimAnswer, type SimContext, type SimRequest } from './context';
import type { SimTransaction } from './ledger';

/**
 * The guide's hosted pay page (`/pay/` and `/paypal/`), reduced to what a demo needs: it
 * opens (find-or-create) the transaction and offers a button that pays it.
 */
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function payPage(
  ctx: SimContext,
  req: SimRequest,
  paypal: boolean,
  slug: string,
  amountText: string,
): SimAnswer {
  const project = ctx.projects.find((p) => p.slug === slug);
  const amount = readAmount(amountText);
  const orderId = req.query.get('order_id') ?? '';
  if (!project || amount === null || orderId === '') return page(404, 'Halaman pembayaran tidak ditemukan', '');
  let t: SimTransaction | undefined = ctx.ledger.byOrder(slug, orderId);
  if (t && t.amount !== amount) return page(400, 'order_id sudah dipakai dengan nominal lain', '');
  if (!t) {
    const outcome = ctx.ledger.create(project, orderId, amount, paypal ? 'paypal' : 'qris');
    if (!outcome.ok) return page(400, outcome.message, '');
    t = outcome.txn;
  }
  const redirect = req.query.get('redirect');
  const body = [
    `<p>Order <b>${escape(t.orderId)}</b> &middot; status <b id="status">${t.status}</b></p>`,
    `<p>Total: Rp ${t.totalPayment.toLocaleString('id-ID')}</p>`,
    t.method === 'qris' && t.paymentNumber
      ? `<pre style="white-space:pre-wrap;word-break:break-all">${escape(t.paymentNumber)}</pre>`
      : '',
    t.status === 'pending'
      ? `<form method="post" action="/__sim/pay?txn_id=${encodeURIComponent(t.txnId)}"><button type="submit">Bayar (simulasi)</button></form>`
      : '',
    redirect ? `<p><a href="${escape(redirect)}">Kembali ke halaman merchant</a></p>` : '',
  ].join('\n');
  return page(200, paypal ? 'Pembayaran PayPal (simulasi)' : 'Pembayaran (simulasi)', body);
}

function page(status: number, title: string, body: string): SimAnswer {
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
  };
}
