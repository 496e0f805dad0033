import type {
  AppInfo,
  BusinessDayView,
  ConnectionTestResult,
  ConnectivityView,
  DailyReport,
  DisplayInfo,
  JobProgress,
  JournalStatus,
  Notice,
  OrderEventView,
  OrderFilter,
  OrderPage,
  OrderView,
  ReconcileResult,
  ReconcileStatus,
  SettingsView,
  SyncStatusView,
  StorageHealth,
} from '../domain';
import type { AccessView, CounterView } from '../counter';
import { COUNTER_CALL_NAMES, type CounterCalls } from './counter-calls';
import { ITEM_CALL_NAMES, type ItemCalls } from './item-calls';
import type { DisplayImageSlot, DisplayMediaIndex, DisplayMediaView } from '../display-media';
import type { Envelope } from '../errors';
import type { FeePayer } from '../fees';
import type { CartEntry, CartView, ItemView, SaleLineView } from '../items';
import type { PaymentMethod } from '../methods';
import type {
  OsPrinterInfo,
  PaperWidth,
  PrinterSettingsPatch,
  PrinterSettingsView,
  PrinterStatusView,
  PrintJobState,
  PrintJobView,
  PrinterTarget,
  TestPrintResult,
} from '../printing';

/**
 * The one contract between the renderer and main. Every call the renderer may make and
 * every event main pushes is named here, with its types. The preload, the IPC wrapper, the
 * browser harness and the renderer's API all derive from this file, so a call cannot exist
 * on one side only. Runtime input schemas live in ./schemas.ts (main only, so zod stays out
 * of the preload bundle); a compile-time check there keeps both lists equal.
 */
export interface ChargeInput {
  amount: number;
  method: PaymentMethod;
  note?: string;
  /**
   * Quick items in the cart: main prices them from its catalogue, refuses the charge if they
   * do not add up to `amount` (a price changed meanwhile), and journals the lines with the sale.
   */
  items?: CartEntry[];
}

export interface SettingsPatch {
  projectSlug?: string;
  apiVersion?: 'v1' | 'v2';
  sandbox?: boolean;
  baseUrl?: string;
  terminalPrefix?: string;
  defaultMethod?: PaymentMethod;
  linkQrisOnly?: boolean;
  linkRedirectUrl?: string;
  customerDisplayEnabled?: boolean;
  customerDisplayId?: number | null;
  shopName?: string;
  language?: 'id' | 'en';
  businessDayCutoffHour?: number;
  csvDelimiter?: ';' | ',';
  acceptInsecureStorage?: boolean;
  voiceEnabled?: boolean;
  soundVolume?: number;
  feePayer?: FeePayer;
}

export interface ProjectInput {
  projectSlug: string;
  apiKey: string;
  apiVersion?: 'v1' | 'v2';
  sandbox?: boolean;
  baseUrl?: string;
}

export interface ExportInput {
  format: 'csv' | 'xlsx' | 'jsonl';
  delimiter?: ';' | ',';
  filter: OrderFilter;
}

export interface Calls extends CounterCalls, ItemCalls {
  getAppInfo(input: Record<string, never>): AppInfo;
  getSettings(input: Record<string, never>): SettingsView;
  updateSettings(input: SettingsPatch): SettingsView;
  /** Write-only: the key goes in, only a hint ever comes back. */
  setApiKey(input: { apiKey: string }): SettingsView;
  /** A project and its key in one step: the old key is replaced only once both are accepted. */
  setProject(input: ProjectInput): SettingsView;
  clearApiKey(input: Record<string, never>): SettingsView;
  testConnection(input: Record<string, never>): ConnectionTestResult;
  listDisplays(input: Record<string, never>): DisplayInfo[];
  /** The logo and promotion pictures for the customer display, as data: URLs. */
  getDisplayMedia(input: Record<string, never>): DisplayMediaView;
  /** A PNG, JPEG or WebP picture as base64, already scaled down by the Settings screen. */
  addDisplayImage(input: { slot: DisplayImageSlot; data: string }): DisplayMediaView;
  removeDisplayImage(input: { id: string }): DisplayMediaView;

  charge(input: ChargeInput): OrderView;
  /**
   * A hint while the cashier types: main asks Pakasir's fee for that price now, so the charge
   * that follows needs no wait for it. Never charges, never fails the keypad.
   */
  prepareCharge(input: { amount: number; method: PaymentMethod }): null;
  cancelSale(input: { orderId: string }): OrderView;
  checkNow(input: { orderId: string }): OrderView;
  simulatePayment(input: { orderId: string }): OrderView;
  /** An expired (or failed) sale gets a new sale with a new order_id and the same amount. */
  recreateSale(input: { orderId: string }): OrderView;
  /** The cashier saw proof of payment while offline: the sale goes to review, never to paid. */
  markProofShown(input: { orderId: string; note: string }): OrderView;
  /** An owner resolves a needs-review sale after checking with Pakasir or the bank. */
  resolveReview(input: { orderId: string; resolution: 'paid' | 'not_paid'; note: string }): OrderView;
  /** Back to the keypad after an outcome screen; both windows return to idle. Live sales must be canceled instead. */
  dismissSale(input: { orderId: string }): null;
  /** The sale the counter is on now (for a window that opens mid-sale), or null. */
  getActiveSale(input: Record<string, never>): OrderView | null;
  getConnectivity(input: Record<string, never>): ConnectivityView;
  /** Whether the sales journal can be written now (a full disk...). */
  getStorageHealth(input: Record<string, never>): StorageHealth;

  /**
   * Which business day it is now (no `day`), or the bounds of a given one. Main decides;
   * every window asks. OrderFilter's from/to, the daily report and exports use these days.
   */
  getBusinessDay(input: { day?: string }): BusinessDayView;
  listOrders(input: { filter: OrderFilter; limit: number; cursor?: string | null }): OrderPage;
  /** A sale, its events and what was sold (no lines: an amount-only sale). */
  getOrder(input: { orderId: string }): { order: OrderView; events: OrderEventView[]; lines: SaleLineView[] };
  listNeedsReview(input: Record<string, never>): OrderView[];
  getDailyReport(input: { day: string }): DailyReport;

  startExport(input: ExportInput): JobProgress;
  exportDailyReport(input: { day: string; format: 'csv' | 'xlsx' }): JobProgress;
  cancelJob(input: { jobId: string }): JobProgress;
  startReconcile(input: { day: string }): JobProgress;
  getReconcileStatus(input: { day: string }): ReconcileStatus;

  getPrinterSettings(input: Record<string, never>): PrinterSettingsView;
  updatePrinterSettings(input: PrinterSettingsPatch): PrinterSettingsView;
  /** Printers the operating system offers (Electron), or the harness's file printer. */
  listOsPrinters(input: Record<string, never>): OsPrinterInfo[];
  /** Prints a test page now (not queued) and answers with the printer's real problem, if any. */
  testPrint(input: { target?: PrinterTarget; paperWidth?: PaperWidth }): TestPrintResult;
  getPrinterStatus(input: Record<string, never>): PrinterStatusView;
  listPrintJobs(input: { limit: number; states?: PrintJobState[] }): PrintJobView[];
  /** The receipt of a paid sale: its first copy, or the copy already waiting for the printer. */
  printReceipt(input: { orderId: string }): PrintJobView;
  /** Another copy of a paid sale's receipt, marked "CETAK ULANG #n". */
  reprintReceipt(input: { orderId: string }): PrintJobView;
  /** Drops a copy still waiting for the printer. */
  cancelPrintJob(input: { jobId: number }): PrintJobView;
  /** Try the printer now instead of at the next retry (the cashier fixed the paper). */
  retryPrinting(input: Record<string, never>): PrinterStatusView;
  /** The shop server link: state, what is still to send, refused events. */
  getSyncStatus(input: Record<string, never>): SyncStatusView;
  /** Exchanges the owner's one-time code for this till's own token (kept in main only). */
  pairShopServer(input: { serverUrl: string; code: string; tillName: string }): SyncStatusView;
  /** Forgets the shop server link; the journal keeps every sale. */
  unpairShopServer(input: Record<string, never>): SyncStatusView;
  /** The owner has seen the refused events; the notice goes away (the events stay recorded). */
  acknowledgeSyncRejections(input: Record<string, never>): SyncStatusView;
  /** The sales journal: open or not, its background check, the copies and backups kept. */
  getJournalStatus(input: Record<string, never>): JournalStatus;
  /**
   * The owner's way out when the journal cannot be used: try again (after freeing the disk
   * or fixing permissions), restore a backup, or start a new journal. Restore and start-new
   * keep the old files in the quarantine folder and refuse while a sale is open.
   */
  recoverJournal(input: JournalRecovery): JournalStatus;

  /** A paid sale's receipt as plain text (for WhatsApp), from the snapshot frozen at payment. */
  receiptText(input: { orderId: string }): { text: string };
  getAccess(input: Record<string, never>): AccessView;
  /** The owner's PIN opens owner-only actions for a few idle minutes. Wrong PINs are rate-limited. */
  unlockOwner(input: { pin: string }): AccessView;
  lockOwner(input: Record<string, never>): AccessView;
  /** First the owner's name and PIN (anyone may, once); later only the unlocked owner, with the current PIN. */
  setOwnerPin(input: { name: string; pin: string; currentPin?: string }): AccessView;
}

export type JournalRecovery = { action: 'retry' } | { action: 'restore'; backup: string } | { action: 'start_new' };

export type CallName = keyof Calls;
export type CallInput<K extends CallName> = Parameters<Calls[K]>[0];
export type CallOutput<K extends CallName> = ReturnType<Calls[K]>;

export interface Events {
  orderUpdated: OrderView;
  /** The sale the counter is on changed (new sale, or back to the keypad with null). */
  activeSaleChanged: OrderView | null;
  connectivityChanged: ConnectivityView;
  /** The journal stopped being writable, or can be written again. */
  storageHealth: StorageHealth;
  settingsChanged: SettingsView;
  jobProgress: JobProgress;
  reconcileFinished: ReconcileResult;
  notice: Notice;
  /** The customer display's pictures changed; windows fetch them with getDisplayMedia. */
  displayMediaChanged: DisplayMediaIndex;
  printJobUpdated: PrintJobView;
  printerStatusChanged: PrinterStatusView;
  syncStatusChanged: SyncStatusView;
  /** The business day rolled over at the cutoff hour, or the cutoff hour changed. */
  businessDayChanged: BusinessDayView;
  journalStatusChanged: JournalStatus;
  /** The owner changed the quick items. */
  itemsChanged: ItemView[];
  /** The cart on the counter changed (empty when a sale starts or is cleared). */
  cartChanged: CartView;
  /** The shift, its drawer or its open sales changed. */
  counterChanged: CounterView;
  /** The owner locked or unlocked, a PIN was refused, cashiers changed. */
  accessChanged: AccessView;
}
export type EventName = keyof Events;

/** Runtime lists, kept equal to the interfaces by the checks below. */
export const CALL_NAMES = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'setApiKey',
  'setProject',
  'clearApiKey',
  'testConnection',
  'listDisplays',
  'getDisplayMedia',
  'addDisplayImage',
  'removeDisplayImage',
  'charge',
  'prepareCharge',
  'cancelSale',
  'checkNow',
  'simulatePayment',
  'recreateSale',
  'markProofShown',
  'resolveReview',
  'dismissSale',
  'getActiveSale',
  'getConnectivity',
  'getBusinessDay',
  'getStorageHealth',
  'listOrders',
  'getOrder',
  'listNeedsReview',
  'getDailyReport',
  'startExport',
  'exportDailyReport',
  'cancelJob',
  'startReconcile',
  'getReconcileStatus',
  'getPrinterSettings',
  'updatePrinterSettings',
  'listOsPrinters',
  'testPrint',
  'getPrinterStatus',
  'listPrintJobs',
  'printReceipt',
  'reprintReceipt',
  'cancelPrintJob',
  'retryPrinting',
  'getSyncStatus',
  'pairShopServer',
  'unpairShopServer',
  'acknowledgeSyncRejections',
  'getJournalStatus',
  'recoverJournal',
  ...ITEM_CALL_NAMES,
  'receiptText',
  ...COUNTER_CALL_NAMES,
  'getAccess',
  'unlockOwner',
  'lockOwner',
  'setOwnerPin',
] as const satisfies readonly CallName[];

/**
 * Calls only the owner may make, checked in main before the handler runs (never only by
 * hiding a button): refused with owner_required unless the owner's PIN unlocked the till in
 * the last few idle minutes. Until an owner PIN is set the till is unprotected, except for
 * OWNER_PIN_CALLS, which need a real owner. Each is journaled with who made it.
 */
export const OWNER_CALLS = [
  'updateSettings',
  'setApiKey',
  'setProject',
  'clearApiKey',
  'addDisplayImage',
  'removeDisplayImage',
  'resolveReview',
  'startExport',
  'exportDailyReport',
  'exportZReport',
  'updatePrinterSettings',
  'pairShopServer',
  'unpairShopServer',
  'recoverJournal',
  'refundSale',
  'closeBusinessDay',
  'addCashier',
  'updateCashier',
  'saveItem',
  'removeItem',
] as const satisfies readonly CallName[];

/** Money leaving the shop and staff: never on an unprotected till. */
export const OWNER_PIN_CALLS = [
  'refundSale',
  'addCashier',
  'updateCashier',
] as const satisfies readonly (typeof OWNER_CALLS)[number][];

export const EVENT_NAMES = [
  'orderUpdated',
  'activeSaleChanged',
  'connectivityChanged',
  'storageHealth',
  'settingsChanged',
  'jobProgress',
  'reconcileFinished',
  'notice',
  'displayMediaChanged',
  'printJobUpdated',
  'printerStatusChanged',
  'syncStatusChanged',
  'businessDayChanged',
  'journalStatusChanged',
  'itemsChanged',
  'cartChanged',
  'counterChanged',
  'accessChanged',
] as const satisfies readonly EventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
// Compile-time: every interface member is listed (an unlisted one makes these `never` fail).
const allCallsListed: Missing<CallName, (typeof CALL_NAMES)[number]> extends never ? true : never = true;
const allEventsListed: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never ? true : never = true;
void allCallsListed;
void allEventsListed;

/** Fixed IPC channels: one per call, one for all events. */
export const callChannel = (name: CallName): string => `pos:call:${name}`;
export const EVENT_CHANNEL = 'pos:event';

/** What a transport (preload or harness client) offers: envelopes, never thrown errors. */
export type TransportCalls = { [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallOutput<K>>> };
export interface Transport {
  calls: TransportCalls;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /**
   * A link that can drop (the browser harness's socket) says when it is back: the events sent
   * meanwhile are lost, so the windows load their state again. Electron's IPC never drops.
   */
  onReconnect?(listener: () => void): () => void;
}
