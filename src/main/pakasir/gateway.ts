import type { ApiVersion, PaymentMethod } from '@shared/methods';

/**
 * One gateway interface, two implementations (v1 as the integration guide, v2 as the
 * public integrations describe it). The payment engine only ever sees this.
 */
export type GatewayStatusValue = 'pending' | 'completed' | 'canceled' | 'expired' | 'failed' | 'unknown';

/** Identifies one gateway transaction. v1 knows it by (orderId, amount); v2 by txnId. */
export interface TransactionRef {
  orderId: string;
  amount: number;
  txnId: string | null;
  method: PaymentMethod;
}

export interface CreateRequest {
  orderId: string;
  amount: number;
  method: PaymentMethod;
  /** Options for a v2 payment_link: appended to the link the gateway returns. */
  link?: { qrisOnly: boolean; redirectUrl: string | null };
}

/** A validated, normalised create answer. */
export interface GatewayTransaction {
  txnId: string | null;
  project: string | null;
  orderId: string;
  amount: number;
  fee: number;
  totalPayment: number;
  /**
   * Who bears the fee by this answer: `merchant` when total_payment equals the amount with a
   * fee above 0 (Pakasir's "Beban Biaya" project setting); null when a fee of 0 tells neither.
   */
  feeBearer: 'customer' | 'merchant' | null;
  method: PaymentMethod;
  /** QRIS payload for qris, VA number for *_va; null for links. */
  paymentNumber: string | null;
  /** payment_link (v2) or pay page URL (v1 PayPal); null otherwise. */
  paymentUrl: string | null;
  /** ISO 8601 UTC, or null when the gateway gave none. */
  expiresAt: string | null;
  isSandbox: boolean | null;
  /** Some v2 answers carry the status already (find-or-create of a paid transaction). */
  status: GatewayStatusValue | null;
  completedAt: string | null;
  /** Server's Date header as ISO UTC, to detect a wrong local clock. */
  serverDate: string | null;
}

/**
 * A validated, normalised status answer. The client does not decide whether it is about
 * our transaction: that is a money rule (payments/verify.ts). A `completed` answer whose
 * order_id or amount cannot be read still arrives here, with null, so that it reaches a
 * human instead of being dropped as malformed.
 */
export interface GatewayStatus {
  /** The answer's txn_id, or null when it named none. */
  txnId: string | null;
  orderId: string | null;
  amount: number | null;
  project: string | null;
  status: GatewayStatusValue;
  /** The gateway's own word, for the journal (lower-cased, trimmed). */
  rawStatus: string;
  completedAt: string | null;
  isSandbox: boolean | null;
  paymentMethod: string | null;
  serverDate: string | null;
}

export interface PakasirGateway {
  readonly version: ApiVersion;
  readonly project: string;
  create(req: CreateRequest, signal?: AbortSignal): Promise<GatewayTransaction>;
  status(ref: TransactionRef, signal?: AbortSignal): Promise<GatewayStatus>;
  /** Best effort: v2 may not support it. Resolves when the gateway accepted the cancel. */
  cancel(ref: TransactionRef, signal?: AbortSignal): Promise<void>;
  /** Whether simulatePayment can work (v1 for sandbox projects; v2 only against the local simulator). */
  readonly canSimulate: boolean;
  /** Sandbox only (v1 paymentsimulation; v2 has none known: throws 'rejected'). */
  simulatePayment(ref: TransactionRef, signal?: AbortSignal): Promise<void>;
  /** Pakasir's public fee table for an amount (method -> fee); keyless, for both versions. */
  fees(amount: number, signal?: AbortSignal): Promise<Partial<Record<PaymentMethod, number>>>;
  /** Minimum interval between two status calls for one transaction, in ms. */
  readonly minStatusIntervalMs: number;
}

export type GatewayErrorKind =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'auth'
  | 'not_found'
  | 'server'
  | 'invalid_answer'
  | 'rejected'
  | 'invalid_request';

/**
 * Every gateway failure is one of these. The message is built from the gateway's own
 * message and our words only: never from a URL, a body or a header we sent, so the API key
 * cannot leak through an error.
 */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;
  /** The gateway's message ("Transaksi tidak ditemukan"), if any. */
  readonly gatewayMessage: string | null;
  /**
   * A create answer we could not accept may still name the transaction it made for our
   * order_id (v2): the engine cancels that one. Never set for an answer about another order.
   */
  readonly txnId: string | null;
  constructor(
    kind: GatewayErrorKind,
    message: string,
    opts: {
      httpStatus?: number | null;
      retryAfterMs?: number | null;
      gatewayMessage?: string | null;
      txnId?: string | null;
    } = {},
  ) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    this.httpStatus = opts.httpStatus ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.gatewayMessage = opts.gatewayMessage ?? null;
    this.txnId = opts.txnId ?? null;
  }
  /** Transient: worth another try later (the engine keeps checking). */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate_limited' || this.kind === 'server';
  }
}

export interface GatewayConfig {
  version: ApiVersion;
  baseUrl: string;
  project: string;
  apiKey: string;
  /** Per-call timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** v1 status pace in ms (default 2 000); v2 is fixed by the gateway at 4 000. */
  v1StatusIntervalMs?: number;
  /**
   * v2 has no payment simulation; demo mode points this at the local simulator's control
   * endpoint (POST {order_id|txn_id}) so the "simulate payment" button works there too.
   */
  simulationUrl?: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
}
