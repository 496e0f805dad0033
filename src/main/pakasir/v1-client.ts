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
  optionalText,
  statusText,
  timestamp,
  wholeRupiah,
} from './answer-fields';
import { describe, httpCall, invalidAnswer, issuePaths, scrubSecret, type HttpCallOptions } from './http-call';
import { payPageUrl } from './pay-url';
import { preflight } from './preflight';
import { feeBearerOf, fetchFeeTable, type FeeTable } from './fee-table';

const createAnswer = z.object({
  payment: z.object({
    project: optionalText,
    order_id: z.string(),
    amount: wholeRupiah,
    fee: wholeRupiah,
    total_payment: wholeRupiah,
    payment_method: optionalText,
    payment_number: optionalText,
    expired_at: timestamp,
  }),
});

const detailAnswer = z.object({
  transaction: z.object({
    project: optionalText,
    order_id: identityText,
    amount: identityRupiah,
    status: statusText,
    payment_method: optionalText,
    completed_at: timestamp,
  }),
});

/** Cancel and simulation answers are barely specified; only an explicit refusal counts. */
const ackAnswer = z.object({ success: z.unknown().optional(), message: z.unknown().optional() });

/** The integration guide's API: the key travels in the body and query string. */
export class PakasirV1Client implements PakasirGateway {
  readonly version = 'v1' as const;
  readonly project: string;
  readonly minStatusIntervalMs: number;
  /** The guide's paymentsimulation endpoint (it refuses a production project). */
  readonly canSimulate = true;
  readonly #base: string;
  readonly #apiKey: string;
  readonly #http: HttpCallOptions;

  constructor(config: GatewayConfig) {
    this.project = config.project;
    this.#base = config.baseUrl.replace(/\/+$/, '');
    this.#apiKey = config.apiKey;
    this.minStatusIntervalMs = config.v1StatusIntervalMs ?? 2000;
    this.#http = {
      fetch: config.fetch ?? globalThis.fetch,
      timeoutMs: config.timeoutMs ?? 10_000,
      secret: config.apiKey,
    };
  }

  /** Keeps the key out of console.log / util.inspect of the client itself. */
  toJSON(): object {
    return { version: this.version, project: this.project, baseUrl: this.#base };
  }

  #body(orderId: string, amount: number): Record<string, unknown> {
    return { project: this.project, order_id: orderId, amount, api_key: this.#apiKey };
  }

  async create(req: CreateRequest, signal?: AbortSignal): Promise<GatewayTransaction> {
    preflight('v1', req.method, req.amount, req.orderId);
    if (req.method === 'paypal') return this.#paypalPage(req);
    const answer = await httpCall(
      this.#http,
      {
        method: 'POST',
        url: `${this.#base}/api/transactioncreate/${req.method}`,
        body: this.#body(req.orderId, req.amount),
        what: 'create',
      },
      signal,
    );
    const parsed = createAnswer.safeParse(answer.json);
    if (!parsed.success) throw invalidAnswer('create', issuePaths(parsed.error), answer.httpStatus);
    const p = parsed.data.payment;
    this.#checkIdentity('create', req.orderId, req.amount, p.order_id, p.amount, p.project);
    if (p.payment_method !== null && p.payment_method.toLowerCase() !== req.method)
      throw invalidAnswer('create', 'answer is for another payment method');
    if (p.total_payment !== p.amount + p.fee && p.total_payment !== p.amount)
      throw invalidAnswer('create', 'total_payment is neither amount + fee nor amount');
    if (p.payment_number === null) throw invalidAnswer('create', 'answer has no payment_number');
    return {
      txnId: null,
      project: p.project,
      orderId: p.order_id,
      amount: p.amount,
      fee: p.fee,
      totalPayment: p.total_payment,
      feeBearer: feeBearerOf(p.amount, p.fee, p.total_payment),
      method: req.method,
      paymentNumber: p.payment_number,
      paymentUrl: null,
      expiresAt: p.expired_at,
      isSandbox: null,
      status: null,
      completedAt: null,
      serverDate: answer.serverDate,
    };
  }

  /** PayPal has no API create: the customer opens the pay page, which creates it there. */
  #paypalPage(req: CreateRequest): GatewayTransaction {
    return {
      txnId: null,
      project: this.project,
      orderId: req.orderId,
      amount: req.amount,
      fee: 0,
      totalPayment: req.amount,
      feeBearer: null,
      method: 'paypal',
      paymentNumber: null,
      paymentUrl: payPageUrl({
        baseUrl: this.#base,
        slug: this.project,
        amount: req.amount,
        orderId: req.orderId,
        paypal: true,
      }),
      expiresAt: null,
      isSandbox: null,
      status: null,
      completedAt: null,
      serverDate: null,
    };
  }

  async status(ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus> {
    preflight('v1', ref.method, ref.amount, ref.orderId);
    const query = new URLSearchParams({
      project: this.project,
      amount: String(ref.amount),
      order_id: ref.orderId,
      api_key: this.#apiKey,
    });
    let answer;
    try {
      answer = await httpCall(
        this.#http,
        { method: 'GET', url: `${this.#base}/api/transactiondetail?${query}`, what: 'status' },
        signal,
      );
    } catch (e) {
      // A PayPal transaction exists at the gateway only once the customer opened the pay
      // page; until then "not found" means "not started", which is simply still pending.
      if (ref.method === 'paypal' && e instanceof GatewayError && e.kind === 'not_found') {
        return {
          txnId: null,
          orderId: ref.orderId,
          amount: ref.amount,
          project: this.project,
          status: 'pending',
          rawStatus: 'not_started',
          completedAt: null,
          isSandbox: null,
          paymentMethod: 'paypal',
          serverDate: null,
        };
      }
      throw e;
    }
    const parsed = detailAnswer.safeParse(answer.json);
    if (!parsed.success) throw invalidAnswer('status', issuePaths(parsed.error), answer.httpStatus);
    const t = parsed.data.transaction;
    // Whether it is our transaction (order_id, amount, project) is the engine's money rule:
    // a `completed` for another one must reach a human, not vanish as a malformed answer.
    if (t.status.status !== 'completed') {
      const missing = missingIdentity({ order_id: t.order_id, amount: t.amount });
      if (missing) throw invalidAnswer('status', missing, answer.httpStatus);
    }
    return {
      txnId: null,
      orderId: t.order_id,
      amount: t.amount,
      project: t.project,
      status: t.status.status,
      rawStatus: t.status.rawStatus,
      completedAt: t.completed_at,
      isSandbox: null,
      paymentMethod: t.payment_method,
      serverDate: answer.serverDate,
    };
  }

  async cancel(ref: TransactionRef, signal?: AbortSignal): Promise<void> {
    await this.#ack('cancel', 'transactioncancel', ref, signal);
  }

  async simulatePayment(ref: TransactionRef, signal?: AbortSignal): Promise<void> {
    await this.#ack('simulate payment', 'paymentsimulation', ref, signal);
  }

  /** v1 has no fee call: Pakasir's public fee table on the same host (./fee-table.ts says why). */
  fees(amount: number, signal?: AbortSignal): Promise<FeeTable> {
    return fetchFeeTable(this.#http, this.#base, amount, signal);
  }

  async #ack(what: string, path: string, ref: TransactionRef, signal?: AbortSignal): Promise<void> {
    preflight('v1', ref.method, ref.amount, ref.orderId);
    const answer = await httpCall(
      this.#http,
      { method: 'POST', url: `${this.#base}/api/${path}`, body: this.#body(ref.orderId, ref.amount), what },
      signal,
    );
    const parsed = ackAnswer.safeParse(answer.json);
    if (!parsed.success) throw invalidAnswer(what, issuePaths(parsed.error), answer.httpStatus);
    if (parsed.data.success === false) {
      const words =
        typeof parsed.data.message === 'string' ? scrubSecret(parsed.data.message, this.#apiKey).slice(0, 200) : null;
      throw new GatewayError('rejected', describe(what, 'rejected', words), {
        httpStatus: answer.httpStatus,
        gatewayMessage: words,
      });
    }
  }

  /** v1 knows a transaction by (order_id, amount): an answer about another is not ours. */
  #checkIdentity(
    what: string,
    orderId: string,
    amount: number,
    gotOrder: string,
    gotAmount: number,
    gotProject: string | null,
  ): void {
    if (gotOrder !== orderId) throw invalidAnswer(what, 'answer is for another order_id');
    if (gotAmount !== amount) throw invalidAnswer(what, 'answer is for another amount');
    if (gotProject !== null && gotProject !== this.project) throw invalidAnswer(what, 'answer is for another project');
  }
}
