import type { SimTransaction } from './ledger';

export interface SimWebhook {
  /** Where Pakasir would POST (the shop server's /webhooks/pakasir). */
  url: string;
  /** Sent as X-Secret, as Pakasir does. */
  secret: string;
  version?: 'v1' | 'v2';
}

/** The body Pakasir sends when a transaction completes, in the v1 or v2 shape. */
export function webhookBody(t: SimTransaction, version: 'v1' | 'v2'): Record<string, unknown> {
  const completedAt = new Date(t.completedAt ?? Date.now()).toISOString();
  return version === 'v1'
    ? {
        amount: t.amount,
        order_id: t.orderId,
        project: t.project,
        status: 'completed',
        payment_method: t.method,
        completed_at: completedAt,
      }
    : {
        txn_id: t.txnId,
        order_id: t.orderId,
        amount: t.amount,
        is_sandbox: t.isSandbox,
        status: 'completed',
        completed_at: completedAt,
      };
}

/** Fire and forget, like a gateway: a webhook that fails is not retried here. */
export function sendWebhook(hook: SimWebhook, t: SimTransaction): void {
  void fetch(hook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-secret': hook.secret },
    body: JSON.stringify(webhookBody(t, hook.version ?? 'v2')),
    signal: AbortSignal.timeout(10_000),
  })
    .then((res) => res.body?.cancel())
    .catch(() => undefined);
}
