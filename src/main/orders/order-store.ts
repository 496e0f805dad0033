import type {
  DailyReport,
  OrderEventView,
  OrderFilter,
  OrderPage,
  OrderReason,
  OrderView,
  ReconcileResult,
} from '@shared/domain';
import type { FeePayer } from '@shared/fees';
import type { SaleLineView } from '@shared/items';
import type { ApiVersion, PaymentMethod } from '@shared/methods';
import type { OrderState } from '@shared/order-state';

/**
 * The order journal as the payment engine and the reports see it. Implemented over
 * better-sqlite3 in ./journal.ts. Every state change is one transaction that updates the
 * order row and appends an event row; a transition the state machine does not allow throws.
 */
export interface NewOrder {
  orderId: string;
  /** What is sent to Pakasir. */
  amount: number;
  /** What the cashier asked for; the amount when absent. */
  price?: number;
  /** Who pays Pakasir's fee for this sale; 'customer' when absent. */
  feePayer?: FeePayer;
  /** A gateway method: the engine opens sales; cash parts are written by the counter. */
  method: PaymentMethod;
  note: string;
  terminal: string;
  apiVersion: ApiVersion;
  sandbox: boolean;
  project: string;
  /** The gateway address the sale is made at (with apiVersion and project: which gateway answers for it). */
  baseUrl?: string | null;
  /** Set when this sale replaces an earlier one (expired -> "create new QR"). */
  replacesOrderId?: string | null;
  /**
   * What was sold, written with the sale in its transaction; they must add up to the price.
   * Absent on a replacing sale: the lines of the sale it replaces come along.
   */
  lines?: readonly SaleLineView[] | null;
  /** The counter sale this payment is a part of (see migration 9). */
  saleId?: string | null;
}

/** Gateway facts stored on the order row (never a secret). */
export interface GatewayFacts {
  txnId?: string | null;
  fee?: number | null;
  totalPayment?: number | null;
  paymentNumber?: string | null;
  paymentUrl?: string | null;
  expiresAt?: string | null;
  paidAt?: string | null;
  lastCheckedAt?: string | null;
  reason?: OrderReason | null;
  reasonDetail?: string | null;
  /** Late-payment watch end, written with the state change it belongs to. */
  watchUntil?: string | null;
}

export interface OrderRecord extends Omit<OrderView, 'canSimulate'> {
  project: string;
  /** The gateway address the sale was made at; null for sales from before it was recorded. */
  baseUrl: string | null;
  /** Count of create requests sent for this sale (journaled before each is sent). */
  createAttempts: number;
  /** Late-payment watch: until when (ISO) a canceled/expired sale is still checked. */
  watchUntil: string | null;
  replacesOrderId: string | null;
}

/** A statement over the orders, for a reader on a connection (and thread) of its own. */
export interface TextQuery {
  file: string;
  nativeBinding?: string;
  sql: string;
  params: unknown[];
}

export interface OrderStore {
  /** Inserts the sale in state `creating` with its first event. Throws on a duplicate id. */
  create(order: NewOrder): OrderRecord;
  get(orderId: string): OrderRecord | null;
  /**
   * Moves a sale to `to`, writing facts and one event with the reason, in one transaction.
   * Throws PosError('illegal_state') when the state machine forbids it or the sale is not in `expectedFrom`
   * (when given): compare-and-set, so two racing writers cannot both win.
   */
  transition(
    orderId: string,
    to: OrderState,
    reason: string,
    facts?: GatewayFacts,
    eventFacts?: Record<string, unknown>,
    expectedFrom?: readonly OrderState[],
  ): OrderRecord;
  /** Updates facts without a state change (e.g. lastCheckedAt), with an optional event. */
  recordFacts(
    orderId: string,
    facts: GatewayFacts,
    event?: { reason: string; facts?: Record<string, unknown> },
  ): OrderRecord;
  /**
   * Opens a sale at the counter in one transaction: allocates its order id, inserts it in
   * `creating` and notes its first create attempt. Noting the attempt before the request
   * leaves is safe either way: after a crash, a noted attempt that never left is resolved
   * like a lost one (v1: detail says not found, so it is sent; v2: find-or-create).
   */
  openSale(order: Omit<NewOrder, 'orderId'>): OrderRecord;
  /** Journals that a create request is about to be sent (so a crash after it is resolved, not repeated blindly). */
  noteCreateAttempt(orderId: string): OrderRecord;
  events(orderId: string): OrderEventView[];
  /** A sale's lines as sold (empty for an amount-only sale). */
  saleLines(saleId: string): SaleLineView[];
  /** Sales in creating or awaiting_payment. */
  listLive(): OrderRecord[];
  /** Canceled, expired or needs-review sales still inside their late-payment watch. */
  listWatched(nowIso: string): OrderRecord[];
  list(filter: OrderFilter, limit: number, cursor?: string | null): OrderPage;
  listNeedsReview(): OrderView[];
  /** All sales whose created time falls in [startIso, endIso). */
  listBetween(startIso: string, endIso: string): OrderRecord[];
  /** Streams rows for export in created order; never loads the whole log. */
  iterate(filter: OrderFilter): IterableIterator<OrderRecord>;
  /**
   * The statement giving one text per row in created order, computed by SQLite from
   * `expression` (SQL the app builds from constants: an export's record, never anything a
   * user typed), to be run by a reader of its own (the export thread).
   */
  textQuery(filter: OrderFilter, expression: string): TextQuery;
  /** The first and last created_at in the journal (null when it holds no sale). */
  createdRange(): { first: string; last: string } | null;
  count(filter: OrderFilter): number;
  dailyReport(day: string, cutoffHour: number, timeZone?: string): DailyReport;
  /** Next sequence number for order ids of this terminal (never reused, survives restarts). */
  nextSequence(terminal: string): number;
  /**
   * A new order id for this terminal: sequence and timestamp taken in one transaction, with
   * the timestamp never earlier than the last one issued, so ids keep increasing even after
   * the clock was set back. Prefer this over nextSequence + makeOrderId.
   */
  allocateOrderId(terminal: string): string;
  /** Keeps a reconciliation result; lastReconcile answers the latest for that business day. */
  saveReconcile(result: ReconcileResult): void;
  lastReconcile(day: string): ReconcileResult | null;
  /** The SQLite file behind the journal. */
  readonly file: string;
  /**
   * Whether SQLite may merge the -wal into the journal file (see OrderStoreOptions
   * holdCheckpoints): allowed once the full integrity check has passed, held again when a
   * later check finds damage.
   */
  allowCheckpoints(allowed: boolean): void;
  /**
   * keepWal: close without the last checkpoint, leaving the journal file exactly as it was
   * opened and the -wal beside it (a journal not yet checked, or found damaged).
   */
  close(options?: { keepWal?: boolean }): void;
}
