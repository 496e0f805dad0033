import { json, message, type SimAnswer, type SimContext, type SimRequest, type SimStats } from './context';
import { faultFromJson } from './faults';
import type { SimTransaction } from './ledger';

/**
 * `/__sim/` control plane: the same controls as the in-process API, for child processes,
 * the browser harness and benchmarks. Local-only by construction (the server binds to
 * loopback) and never part of the Pakasir API.
 */
export interface SimControls {
  stats(): SimStats;
  transactions(): readonly SimTransaction[];
  reset(): void;
}

function target(req: SimRequest): { id: string | null; project: string | undefined } {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const pick = (k: string): string | null => (typeof b[k] === 'string' ? (b[k] as string) : req.query.get(k));
  return { id: pick('txn_id') ?? pick('order_id'), project: pick('project') ?? undefined };
}

export function control(ctx: SimContext, controls: SimControls, req: SimRequest, action: string): SimAnswer {
  if (req.badJson) return message(400, 'Body JSON tidak valid');
  const post = req.method === 'POST';
  switch (`${req.method} ${action}`) {
    case 'POST pay':
    case 'POST expire': {
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
    case 'POST faults': {
      const b = req.body as Record<string, unknown> | null;
      try {
        if (b && typeof b === 'object' && !Array.isArray(b) && b.clear === true) ctx.faults.clear();
        const list = Array.isArray(b)
          ? b
          : b && typeof b === 'object' && 'faults' in b
            ? (b.faults as unknown[])
            : b && 'route' in b
              ? [b]
              : [];
        for (const f of list) ctx.faults.add(faultFromJson(f));
      } catch (e) {
        return message(400, (e as Error).message);
      }
      return json(200, { ok: true, faults: ctx.faults.list() });
    }
    case 'DELETE faults':
      ctx.faults.clear();
      return json(200, { ok: true });
    case 'POST reset':
      controls.reset();
      return json(200, { ok: true });
    case 'GET stats':
      return json(200, controls.stats());
    case 'GET transactions':
      return json(200, controls.transactions());
    default:
      return message(post ? 404 : 405, 'Perintah simulator tidak dikenal');
  }
}
