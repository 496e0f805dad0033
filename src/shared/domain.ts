import type { FeePayer, PakasirFeeBearer } from './fees';
import type { ApiVersion, PaymentMethod, SaleMethod } from './methods';
import type { OrderState } from './order-state';
import type { ErrorCode } from './errors';
import type { RefundTotals } from './refunds';

/** Why a sale is failed or needs review; the renderer turns each into a sentence. */
export type OrderReason =
  | 'gateway_rejected'
  | 'invalid_payload'
  | 'auth'
  | 'paid_after_cancel'
  | 'paid_after_expiry'
  | 'amount_mismatch'
  | 'order_mismatch'
  | 'sandbox_in_production'
  | 'proof_shown_offline'
  | 'canceled_by_cashier'
  | 'amount_changed'
  | 'expired_at_gateway'
  | 'canceled_at_gateway'
  | 'resolved_paid'
  | 'resolved_not_paid'
  | 'create_not_found'
  /** v1: the create answer was lost and the transaction exists without its QR: it was canceled. */
  | 'create_lost'
  /** Demo mode: the in-app simulator that issued this sale's QR is gone (the app restarted). */
  | 'demo_reset'
  /** The customer was to pay the round price, but Pakasir's total came out above it (its fee changed). */
  | 'fee_above_price'
  /** Its project (or its key) is no longer set: Pakasir cannot be asked about it; a human checks. */
  | 'project_changed';

/** One sale as both windows and the history see it. Never carries a secret. */
export interface OrderView {
  orderId: string;
  state: OrderState;
  /** How this payment was made: one of Pakasir's methods, or cash at the counter. */
  method: SaleMethod;
  /** What was sent to Pakasir (its identity for the transaction); for cash, the part's amount. */
  amount: number;
  /** What the cashier asked for. Differs from amount when the customer pays the round price. */
  price: number;
  /** Who pays Pakasir's fee for this sale, as chosen by the owner when it was charged. */
  feePayer: FeePayer;
  fee: number | null;
  totalPayment: number | null;
  note: string;
  terminal: string;
  apiVersion: ApiVersion;
  sandbox: boolean;
  /** v2 transaction id; null for v1 or before create answered. */
  txnId: string | null;
  /** QRIS payload (validated), VA number, or null. */
  paymentNumber: string | null;
  /** payment_link / PayPal pay page URL, or null. */
  paymentUrl: string | null;
  /** ISO 8601 UTC. */
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Raised by every change to the sale: orders views without trusting the wall clock. */
  revision: number;
  paidAt: string | null;
  reason: OrderReason | null;
  /** Free text from the gateway or the engine, for the detail view (never a secret). */
  reasonDetail: string | null;
  /** When the engine last had an answer from Pakasir about this sale. */
  lastCheckedAt: string | null;
  /**
   * Main's decision: "simulate payment" works for this sale now (a sandbox sale waiting for
   * payment on API v1, or in demo mode). Real API v2 has no simulation.
   */
  canSimulate: boolean;
  /**
   * The counter sale this payment belongs to (a cash sale, a split sale's parts); null for a
   * payment taken before the counter kept sales.
   */
  saleId: string | null;
  /** Cash only: what the customer handed over and the change given back. */
  cash: { tendered: number; change: number } | null;
}

export interface OrderEventView {
  id: number;
  orderId: string;
  at: string;
  from: OrderState | null;
  to: OrderState;
  reason: string;
  /** Gateway facts at that moment (status, amounts, times), JSON-safe, never a secret. */
  facts: Record<string, unknown> | null;
}

export type Connectivity = 'online' | 'offline' | 'degraded';

export interface ConnectivityView {
  state: Connectivity;
  lastOkAt: string | null;
  /** A short reason when not online ("timeout", "rate_limited", "network"). */
  detail: string | null;
}

/** Why the journal cannot be written now; the cashier window shows what to do. */
export type StorageProblem = 'disk_full' | 'read_only' | 'storage_io' | 'storage_corrupt';

export interface StorageHealth {
  /** null when the last journal write succeeded. */
  problem: StorageProblem | null;
  /** When the problem was first seen (ISO), or null. */
  since: string | null;
}

export type Language = 'id' | 'en';
export type AppMode = 'demo' | 'sandbox' | 'production';
export type SecretBackend =
  'keychain' | 'dpapi' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'basic_text' | 'unknown' | 'memory';

/** Settings as the renderer may see them: the key only as a hint. */
export interface SettingsView {
  projectSlug: string;
  apiKeySet: boolean;
  /** "1234": the last four characters, only when a key is set. */
  apiKeyHint: string | null;
  apiVersion: ApiVersion;
  sandbox: boolean;
  baseUrl: string;
  terminalPrefix: string;
  defaultMethod: PaymentMethod;
  linkQrisOnly: boolean;
  linkRedirectUrl: string;
  customerDisplayEnabled: boolean;
  /** Electron display id, or null for "the first screen that is not the cashier's". */
  customerDisplayId: number | null;
  shopName: string;
  language: Language;
  /** Local hour (0-23) at which a business day ends; 4 means a day runs until 04:00. */
  businessDayCutoffHour: number;
  csvDelimiter: ';' | ',';
  /** Where the key would be stored and whether that counts as protected. */
  secretBackend: SecretBackend;
  secretProtected: boolean;
  /** The operator accepted storing the key where the OS offers no protection. */
  acceptInsecureStorage: boolean;
  /** Say a confirmed payment's amount out loud (the alarms sound either way). */
  voiceEnabled: boolean;
  /** 0-100, for the spoken payment and the alarms. */
  soundVolume: number;
  /** Set when the storage backend differs from the one the key was stored with. */
  secretBackendChanged: { from: SecretBackend; to: SecretBackend } | null;
  /** Derived: demo when no slug or key is set. */
  mode: AppMode;
  /** Who pays Pakasir's fee: the shop (the customer pays the round price) until the owner chose. */
  feePayer: FeePayer;
  /** False until the owner made the choice (the setup asks). */
  feePayerChosen: boolean;
  /** Pakasir's own "Beban Biaya" for the current project, as a create answer showed it. */
  pakasirFeeBearer: { bearer: PakasirFeeBearer; seenAt: string } | null;
}

export interface AppInfo {
  version: string;
  mode: AppMode;
  /** 'electron' or 'browser' (the development harness). */
  shell: 'electron' | 'browser';
  platform: string;
  dataDir: string;
  /** This installation's id, part of every order id it issues (never configurable). */
  installId: string;
  /** Set when this start took a new install id because the data folder was copied or its journal replaced. */
  installIdRenewed: { previous: string; reason: 'copied' | 'restored' | 'new_journal' } | null;
}

export interface DisplayInfo {
  id: number;
  label: string;
  primary: boolean;
  width: number;
  height: number;
}

/**
 * A business day as main defines it: from `cutoffHour` local time in the shop's zone to
 * the same hour the next day. The windows never work this out themselves.
 */
export interface BusinessDayView {
  /** YYYY-MM-DD: the date the business day started on. */
  day: string;
  /** ISO UTC bounds, [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
  cutoffHour: number;
  /** The shop's IANA time zone. */
  timeZone: string;
}

export interface OrderFilter {
  /** Business days YYYY-MM-DD, inclusive: `from` starts at its cutoff, `to` ends at the next day's cutoff. */
  from?: string;
  to?: string;
  states?: OrderState[];
  methods?: SaleMethod[];
  search?: string;
}

export interface OrderPage {
  items: OrderView[];
  nextCursor: string | null;
  total: number;
  /** A search matched more sales than were counted: "more than {total}". */
  totalCapped?: boolean;
}

export interface MethodTotals {
  method: SaleMethod;
  count: number;
  /** What was sent to Pakasir. */
  amount: number;
  /** What the cashier asked for. */
  price: number;
  fee: number;
  /** The part of the fee customers paid above the price (the rest the shop bore). */
  feeOnCustomer: number;
  /** What customers paid. */
  totalPaid: number;
  /** What reached the shop: totalPaid - fee. */
  shopReceives: number;
}

export interface DailyReport {
  /** Business day, local date YYYY-MM-DD. */
  day: string;
  /** ISO UTC bounds of the business day. */
  startsAt: string;
  endsAt: string;
  cutoffHour: number;
  byMethod: MethodTotals[];
  /** Per state: how many sales and the prices asked. */
  byState: { state: OrderState; count: number; amount: number }[];
  paidCount: number;
  salesCount: number;
  /** What customers paid. */
  grossAmount: number;
  /** Pakasir's fees: a cost, taken from what customers paid. */
  fees: number;
  /** The part of the fees the shop bore (round-price sales, or Pakasir's "merchant bears it"). */
  feesShop: number;
  /** The part customers paid above the price. */
  feesCustomer: number;
  /** What reaches the shop: grossAmount - fees. */
  netReceived: number;
  /** Money given back to customers this business day (refunds and voids, by when they were made). */
  refunds: RefundTotals;
  /** netReceived - refunds.amount: what the shop keeps. */
  netAfterRefunds: number;
  needsReview: OrderView[];
}

/**
 * Why the sales journal is closed (or, for 'damaged', why new sales are paused):
 * - damaged: SQLite found broken pages (at start, or in the background check);
 * - not_a_journal: the file is not an SQLite database, or not this app's;
 * - empty / missing: the file is empty or gone although this folder had sales before;
 * - read_only: the folder or file cannot be written (read-only disk, permissions);
 * - disk_full: there was no room to open it (SQLite needs some for its -wal);
 * - unreadable: the disk refused to read it (I/O error);
 * - newer_version: a newer version of the app wrote it.
 */
export type JournalProblem =
  'damaged' | 'not_a_journal' | 'empty' | 'missing' | 'read_only' | 'disk_full' | 'unreadable' | 'newer_version';

export interface JournalBackupView {
  /** File name, the handle for a restore. */
  name: string;
  /** daily: the rolling backup; before_update: taken before the app changed the file's format. */
  kind: 'daily' | 'before_update';
  createdAt: string;
  bytes: number;
}

/**
 * How far the update of the journal to this version of the app has got: first a copy of the
 * journal as it was (bytes written), then the update itself (steps done).
 */
export interface JournalUpdateProgress {
  step: 'backup' | 'update';
  done: number;
  total: number;
}

/** The state of the sales journal, for the owner: open or not, checked or not, copies kept. */
export interface JournalStatus {
  /**
   * open: sales are written to it; closed: it could not be opened and the owner must choose;
   * updating: a journal from an earlier version is being updated (see `update`) and opens after.
   */
  state: 'open' | 'closed' | 'updating';
  /** While updating: how far it got. */
  update?: JournalUpdateProgress | null;
  problem: JournalProblem | null;
  /** Technical detail for support (from SQLite or the file system), never a secret. */
  detail: string | null;
  /** The full integrity check, which runs in the background after start and once a day. */
  check: { state: 'pending' | 'running' | 'ok' | 'damaged' | 'failed'; at: string | null };
  /** Where untouched copies of the journal and its side files were put, when they were. */
  quarantineDir: string | null;
  backupDir: string;
  /** Newest first. */
  backups: JournalBackupView[];
  /** How many daily backups are kept. */
  keepBackups: number;
  lastBackupAt: string | null;
  /** Sales still open (they must end before the journal is replaced). */
  openSales: number;
}

export type JobKind = 'export' | 'reconcile' | 'recovery';
export type JobState = 'running' | 'done' | 'canceled' | 'failed';

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  state: JobState;
  done: number;
  total: number;
  /** Export: where the file went (a path in Electron, a download URL in the browser). */
  file?: { name: string; path?: string; url?: string; bytes: number };
  /**
   * Failed: the code picks the sentence the window shows in its own language; the message is
   * main's English for support and logs, never shown inside a translated sentence.
   */
  error?: { code: ErrorCode; message: string };
}

export interface ReconcileDifference {
  orderId: string;
  localState: OrderState;
  gatewayStatus: string;
  amount: number;
  /** sandbox_payment: Pakasir reports a sandbox (test) payment for a production sale: not money. */
  kind: 'paid_at_gateway_only' | 'paid_locally_only' | 'unknown_at_gateway' | 'amount_mismatch' | 'sandbox_payment';
}

export interface ReconcileResult {
  day: string;
  checkedAt: string;
  checked: number;
  differences: ReconcileDifference[];
  /** Sales that could not be checked (offline, errors). */
  unchecked: number;
  offline: boolean;
}

export interface ReconcileStatus {
  lastResult: ReconcileResult | null;
}

export type NoticeLevel = 'info' | 'warning' | 'alarm';

/** A message key and its parameters; the renderer translates. */
export interface Notice {
  id: string;
  level: NoticeLevel;
  key: string;
  params: Record<string, string | number>;
  orderId?: string;
  at: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** Machine-readable verdict; the renderer translates. */
  code:
    | 'ok'
    | 'auth'
    | 'not_found'
    | 'network'
    | 'timeout'
    | 'rate_limited'
    | 'server'
    | 'invalid_answer'
    | 'no_credentials';
  detail: string | null;
  latencyMs: number | null;
}

/** An event the shop server received from this till but could not apply, and why. */
export interface SyncRejectionView {
  seq: number;
  kind: string;
  entityId: string;
  /** unknown_kind, schema_invalid or unsupported_schema. */
  code: string;
  /** The server's own words (developer language; the window leads with a translated sentence). */
  reason: string;
  at: string;
}

/**
 * off: not paired; needs_pairing: paired, but the till token cannot be read any more;
 * sending / up_to_date: pushing or caught up; offline: the server cannot be reached (the
 * journal keeps everything and catches up later); revoked: the owner removed this till;
 * diverged: the server holds more of this till than its journal does; error: the server
 * answered something unexpected (retried).
 */
export type SyncState =
  | 'off'
  /** Not paired any more: this data folder is a copy of a paired till's, which must not send as that till. */
  | 'unpaired_copy'
  | 'needs_pairing'
  | 'sending'
  | 'up_to_date'
  | 'offline'
  | 'revoked'
  | 'diverged'
  | 'error';

/** The shop server link as the windows see it: never the till token. */
export interface SyncStatusView {
  /**
   * Raised by every status main computes. A call's answer and a pushed event travel
   * different ways and may arrive out of order: a window keeps the higher one.
   */
  seq: number;
  state: SyncState;
  serverUrl: string | null;
  tillName: string | null;
  tillId: string | null;
  /** Journal entries not yet on the server. */
  pending: number;
  lastSyncedAt: string | null;
  /** The push channel for instant payment notice: up, down (retrying) or off (not paired). */
  pushChannel: 'up' | 'down' | 'off';
  /** Refused events the owner has not acknowledged. */
  rejected: SyncRejectionView[];
  detail: string | null;
}
