import { z } from 'zod';
import {
  GatewayError,
  type CreateRequest,
  type GatewayConfig,
  type GatewayStatus,
  type GatewayTransaction,
  type PakasirGateway,
  type TransactionRef,
} from './gateway';
import {
  identityRupiah,
  identityText,
  missingIdentity,
  optionalBoolean,
  optionalText,
  statusText,
  timestamp,
  unwrap,
  wholeRupiah,
} from './answer-fields';
import { describe, httpCall, invalidAnswer, issuePaths, type HttpCallOptions } from './http-call';
import { withLinkOptions } from './pay-url';
import { preflight } from './preflight';
import { feeBearerOf, fetchFeeTable, type FeeTable } from './fee-table';

const WRAPPERS = ['payment', 'data', 'transaction'] as const;

/** Flat per the public integrations; some report a `payment`/`data` wrapper. */
function body(answer: unknown): unknown {
  if (answer && typeof answer === 'object' && 'txn_id' in answer) return answer;
  return unwrap(answer, WRAPPERS);
}

const createAnswer = z.object({
  txn_id: z.union([z.string().min(1), z.number().transform(String)]),
  project: optionalText,
  order_id: z.string().optional(),
  amount: wholeRupiah.optional(),
  fee: wholeRupiah.optional(),
  total_payment: wholeRupiah.optional(),
  payment_method: optionalText,
  qr_string: optionalText,
  va_number: optionalText,
  payment_number: optionalText,
  payment_link: optionalText,
  expired_at: timestamp,
  is_sandbox: optionalBoolean,
  status: z.union([statusText, z.null()]).optional(),
  completed_at: timestamp,
});

const statusAnswer = z.object({
  txn_id: identityText,
  project: optionalText,
  order_id: identityText,
  amount: identityRupiah,
  status: statusText,
  payment_method: optionalText,
  is_sandbox: optionalBoolean,
  completed_at: timestamp,
});

/** API v2: the key travels only in the X-Api-Key header. */
export class PakasirV2Client implements PakasirGateway {
  readonly version = 'v2' as const;
  readonly project: string;
  /** The gateway's own limit: one status call per 4 s per transaction. */
  readonly minStatusIntervalMs = 4000;
  /** Real v2 has no simulation; only demo mode's local simulator can. */
  readonly canSimulate: boolean;
  readonly #base: string;
  readonly #apiKey: string;
  readonly #http: HttpCallOptions;
  readonly #simulationUrl: string | null;

  constructor(config: GatewayConfig) {
    this.project = config.project;
    this.#base = config.baseUrl.replace(/\/+$/, '');
    this.#apiKey = config.apiKey;
    this.#simulationUrl = config.simulationUrl ?? null;
    this.canSimulate = this.#simulationUrl !== null;
    this.#http = {
      fetch: config.fetch ?? globalThis.fetch,
      timeoutMs: config.timeoutMs ?? 10_000,
      secret: config.apiKey,
    };
  }

  toJSON(): object {
    return { version: this.version, project: this.project, baseUrl: this.#base };
  }

  get #auth(): Record<string, string> {
    return { 'x-api-key': this.#apiKey };
  }

  #slug(): string {
    return encodeURIComponent(this.project);
  }

  async create(req: CreateRequest, signal?: AbortSignal): Promise<GatewayTransaction> {
    preflight('v2', req.method, req.amount, req.orderId);
    const answer = await httpCall(
      this.#http,
      {
        method: 'POST',
        url: `${this.#base}/api/v2/create-transaction/${this.#slug()}/${req.orderId}`,
        headers: this.#auth,
        body: { method: req.method, amount: req.amount },
        what: 'create',
      },
      signal,
    );
    const raw = body(answer.json);
    // The transaction this answer made for our order_id, if it names one: the engine cancels
    // it when the answer cannot be accepted. An answer naming another order_id gives none.
    const ours = ((): string | null => {
      if (!raw || typeof raw !== 'object') return null;
      const r = raw as Record<string, unknown>;
      if (r.order_id !== undefined && r.order_id !== req.orderId) return null;
      return typeof r.txn_id === 'string' && r.txn_id !== '' ? r.txn_id : null;
    })();
    const refuse = (detail: string) => invalidAnswer('create', detail, answer.httpStatus, ours);
    const parsed = createAnswer.safeParse(raw);
    if (!parsed.success) throw refuse(issuePaths(parsed.error));
    const a = parsed.data;
    // Find-or-create: the answer may be an older transaction; it must be this very order.
    if (a.order_id !== undefined && a.order_id !== req.orderId)
      throw invalidAnswer('create', 'answer is for another order_id', answer.httpStatus);
    if (a.amount !== undefined && a.amount !== req.amount) throw refuse('answer is for another amount');
    if (a.project !== null && a.project !== this.project)
      throw invalidAnswer('create', 'answer is for another project', answer.httpStatus);
    if (a.payment_method !== null && a.payment_method.toLowerCase() !== req.method)
      throw refuse('answer is for another payment method');

    const isLink = req.method === 'payment_link';
    let fee = a.fee ?? null;
    let total = a.total_payment ?? null;
    if (isLink) {
      // The customer picks the method (and so the fee) on the linked page.
      fee = fee ?? 0;
      total = total ?? req.amount + fee;
    }
    if (fee === null || total === null) throw refuse('answer has no fee or total_payment');
    // amount + fee when the customer bears the fee; the amount itself when the project's
    // "Beban Biaya" puts it on the merchant. Anything else is not a total we can explain.
    if (total !== req.amount + fee && total !== req.amount)
      throw refuse('total_payment is neither amount + fee nor amount');

    let paymentNumber: string | null = null;
    let paymentUrl: string | null = null;
    if (isLink) {
      if (a.payment_link === null || !/^https?:\/\//i.test(a.payment_link))
        throw refuse('answer has no usable payment_link');
      paymentUrl = withLinkOptions(a.payment_link, req.link);
    } else {
      paymentNumber = (req.method === 'qris' ? a.qr_string : a.va_number) ?? a.payment_number;
      if (paymentNumber === null)
        throw refuse(req.method === 'qris' ? 'answer has no qr_string' : 'answer has no va_number');
    }
    return {
      txnId: a.txn_id,
      project: a.project,
      orderId: req.orderId,
      amount: req.amount,
      fee,
      totalPayment: total,
      feeBearer: isLink ? null : feeBearerOf(req.amount, fee, total),
      method: req.method,
      paymentNumber,
      paymentUrl,
      expiresAt: a.expired_at,
      isSandbox: a.is_sandbox,
      status: a.status?.status ?? null,
      completedAt: a.completed_at,
      serverDate: answer.serverDate,
    };
  }

  #txnPath(ref: TransactionRef, what: string): string {
    if (!ref.txnId)
      throw new GatewayError(
        'invalid_request',
        describe(what, 'invalid_request', 'API v2 needs the txn_id from create'),
      );
    return `${this.#slug()}/${encodeURIComponent(ref.txnId)}`;
  }

  async status(ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus> {
    preflight('v2', ref.method, ref.amount, ref.orderId);
    const path = this.#txnPath(ref, 'status');
    const answer = await httpCall(
      this.#http,
      { method: 'GET', url: `${this.#base}/api/v2/transaction-status/${path}`, headers: this.#auth, what: 'status' },
      signal,
    );
    const parsed = statusAnswer.safeParse(body(answer.json));
    if (!parsed.success) throw invalidAnswer('status', issuePaths(parsed.error), answer.httpStatus);
    const s = parsed.data;
    // Whether the answer is about our transaction (txn_id, order_id, amount) is a money
    // rule, judged by the engine: a `completed` for something else must reach a human.
    if (s.status.status !== 'completed') {
      const missing = missingIdentity({ order_id: s.order_id, amount: s.amount });
      if (missing) throw invalidAnswer('status', missing, answer.httpStatus);
    }
    return {
      txnId: s.txn_id,
      orderId: s.order_id,
      amount: s.amount,
      project: s.project,
      status: s.status.status,
      rawStatus: s.status.rawStatus,
      completedAt: s.completed_at,
      isSandbox: s.is_sandbox,
      paymentMethod: s.payment_method,
      serverDate: answer.serverDate,
    };
  }

  /** Best effort: one integrator reports v2 has no cancel; the engine treats failure as "still open". */
  async cancel(ref: TransactionRef, signal?: AbortSignal): Promise<void> {
    preflight('v2', ref.method, ref.amount, ref.orderId);
    const path = this.#txnPath(ref, 'cancel');
    await httpCall(
      this.#http,
      {
        method: 'POST',
        url: `${this.#base}/api/v2/cancel-transaction/${path}`,
        headers: this.#auth,
        body: {},
        what: 'cancel',
      },
      signal,
    );
  }

  /**
   * Real v2 has no simulation endpoint. Only demo mode, which points `simulationUrl` at
   * the local simulator, can simulate; the key is never sent there.
   */
  async simulatePayment(ref: TransactionRef, signal?: AbortSignal): Promise<void> {
    if (!this.#simulationUrl)
      throw new GatewayError(
        'rejected',
        describe('simulate payment', 'rejected', 'API v2 has no payment simulation; use the Pakasir dashboard'),
      );
    preflight('v2', ref.method, ref.amount, ref.orderId);
    const target = ref.txnId ? { txn_id: ref.txnId } : { order_id: ref.orderId };
    await httpCall(
      this.#http,
      {
        method: 'POST',
        url: this.#simulationUrl,
        body: { ...target, project: this.project },
        what: 'simulate payment',
      },
      signal,
    );
  }

  /** Public fee table: no key (see ./fee-table.ts). */
  fees(amount: number, signal?: AbortSignal): Promise<FeeTable> {
    return fetchFeeTable(this.#http, this.#base, amount, signal);
  }
}
