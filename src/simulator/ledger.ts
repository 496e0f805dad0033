import { randomBytes } from 'node:crypto';
import type { PaymentMethod } from '../shared/methods';
import { simulatedFee } from './fees';
import { buildQrisPayload } from '../shared/qris-payload';

export interface SimProject {
  slug: string;
  apiKey: string;
  sandbox: boolean;
  /**
   * Pakasir's "Beban Biaya" project setting: `customer` (default) pays amount + fee;
   * `merchant` pays the amount itself (total_payment = amount) and the fee is the merchant's.
   */
  feeBearer?: 'customer' | 'merchant';
}

export type SimStatus = 'pending' | 'completed' | 'canceled' | 'expired';

export interface SimTransaction {
  txnId: string;
  project: string;
  orderId: string;
  amount: number;
  method: PaymentMethod;
  fee: number;
  totalPayment: number;
  /** QRIS payload or VA number. */
  paymentNumber: string | null;
  paymentLink: string | null;
  status: SimStatus;
  isSandbox: boolean;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
  /** Sub-millisecond digits for expired_at, so it carries nine fractional digits. */
  nanos: number;
}

export interface LedgerOptions {
  clock: () => number;
  expiryMs: number;
  autoPayAfterMs: number | null;
  /** Builds the payment_link for a link transaction. */
  linkFor: (t: { project: string; orderId: string; amount: number }) => string;
  /** Called once when a transaction becomes completed (the webhook). */
  onCompleted?: (t: SimTransaction) => void;
}

export type CreateOutcome = { ok: true; txn: SimTransaction; created: boolean } | { ok: false; message: string };

/** The simulator's books: transactions by id and by (project, order_id). */
export class Ledger {
  readonly #opts: LedgerOptions;
  #byTxn = new Map<string, SimTransaction>();
  #byOrder = new Map<string, SimTransaction>();
  #createsPerOrder: Record<string, number> = {};
  #seq = 0;

  constructor(opts: LedgerOptions) {
    this.#opts = opts;
  }

  reset(): void {
    this.#byTxn.clear();
    this.#byOrder.clear();
    this.#createsPerOrder = {};
  }

  get createsPerOrder(): Record<string, number> {
    return { ...this.#createsPerOrder };
  }

  /** Time moves lazily: the scripted payer and expiry apply whenever a transaction is read. */
  refresh(t: SimTransaction): SimTransaction {
    if (t.status !== 'pending') return t;
    const now = this.#opts.clock();
    const auto = this.#opts.autoPayAfterMs;
    if (auto !== null && t.createdAt + auto <= now && t.createdAt + auto < t.expiresAt) {
      t.status = 'completed';
      t.completedAt = t.createdAt + auto;
    } else if (now >= t.expiresAt) {
      t.status = 'expired';
    }
    return t;
  }

  byTxn(txnId: string): SimTransaction | undefined {
    const t = this.#byTxn.get(txnId);
    return t && this.refresh(t);
  }

  byOrder(project: string, orderId: string): SimTransaction | undefined {
    const t = this.#byOrder.get(`${project}\u0000${orderId}`);
    return t && this.refresh(t);
  }

  /** Control-plane lookup: a txn_id, or an order_id in any (or the named) project. */
  find(idOrOrder: string, project?: string): SimTransaction | undefined {
    const byId = this.byTxn(idOrOrder);
    if (byId && (!project || byId.project === project)) return byId;
    let latest: SimTransaction | undefined;
    for (const t of this.#byOrder.values()) {
      if (t.orderId !== idOrOrder || (project && t.project !== project)) continue;
      if (!latest || t.createdAt >= latest.createdAt) latest = t;
    }
    return latest && this.refresh(latest);
  }

  all(): SimTransaction[] {
    return [...this.#byTxn.values()].map((t) => ({ ...this.refresh(t) }));
  }

  /**
   * Find-or-create. The same order and amount and method gives back the same transaction;
   * another amount is refused; another method replaces a still-pending one.
   */
  create(project: SimProject, orderId: string, amount: number, method: PaymentMethod): CreateOutcome {
    const existing = this.byOrder(project.slug, orderId);
    if (existing) {
      if (existing.amount !== amount)
        return { ok: false, message: `order_id ${orderId} sudah dipakai dengan nominal lain` };
      if (existing.method === method) return { ok: true, txn: existing, created: false };
      if (existing.status !== 'pending') return { ok: false, message: `Transaksi ${orderId} sudah tidak aktif` };
      existing.status = 'canceled';
    }
    const now = this.#opts.clock();
    const fee = simulatedFee(method, amount);
    const txnId = `TRX${randomBytes(8).toString('hex').toUpperCase()}`;
    this.#seq += 1;
    const t: SimTransaction = {
      txnId,
      project: project.slug,
      orderId,
      amount,
      method,
      fee,
      totalPayment: project.feeBearer === 'merchant' ? amount : amount + fee,
      paymentNumber: null,
      paymentLink: null,
      status: 'pending',
      isSandbox: project.sandbox,
      createdAt: now,
      expiresAt: now + this.#opts.expiryMs,
      completedAt: null,
      nanos: (this.#seq * 7919 + Number.parseInt(txnId.slice(3, 8), 16)) % 1_000_000,
    };
    if (method === 'qris') {
      t.paymentNumber = buildQrisPayload({
        total: t.totalPayment,
        reference: txnId,
        merchantId: merchantIdFor(project.slug),
      });
    } else if (method === 'payment_link' || method === 'paypal') {
      t.paymentLink = this.#opts.linkFor({ project: project.slug, orderId, amount });
    } else {
      t.paymentNumber = `8${String(this.#seq).padStart(4, '0')}${randomDigits(11)}`;
    }
    this.#byTxn.set(txnId, t);
    this.#byOrder.set(`${project.slug}\u0000${orderId}`, t);
    this.#createsPerOrder[orderId] = (this.#createsPerOrder[orderId] ?? 0) + 1;
    return { ok: true, txn: t, created: true };
  }

  /** Marks paid. Late payments (after expiry or cancel) are allowed: a screenshot of a QR can be paid. */
  pay(t: SimTransaction): boolean {
    if (t.status === 'completed') return false;
    t.status = 'completed';
    t.completedAt = this.#opts.clock();
    this.#opts.onCompleted?.(t);
    return true;
  }

  cancel(t: SimTransaction): boolean {
    if (this.refresh(t).status !== 'pending') return false;
    t.status = 'canceled';
    return true;
  }

  expire(t: SimTransaction): boolean {
    if (this.refresh(t).status !== 'pending') return false;
    t.status = 'expired';
    t.expiresAt = Math.min(t.expiresAt, this.#opts.clock());
    return true;
  }
}

function merchantIdFor(slug: string): string {
  let h = 7;
  for (const c of slug) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return String(h).padStart(10, '0');
}

function randomDigits(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const b of bytes) out += String(b % 10);
  return out;
}
