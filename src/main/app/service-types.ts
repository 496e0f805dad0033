import type { DisplayInfo, JobProgress } from '@shared/domain';
import type { Handlers } from '../api/dispatch';
import type { Logger } from '../log/logger';
import type { JournalGuard } from '../orders/journal-guard';
import type { OrderStoreOptions } from '../orders/journal';
import type { OrderStore } from '../orders/order-store';
import type { PaymentTuning } from '../payments/engine-tuning';
import type { PaymentService } from '../payments/payment-service';
import type { OsPrinter } from '../printing/os-printer';
import type { PrintService } from '../printing/print-service';
import type { PrintingToolsDeps } from './printing-tools';
import type { SafeStorageLike } from '../settings/safe-storage-like';
import type { SettingsService } from '../settings/settings-service';
import type { Simulator, SimulatorOptions } from '../../simulator/simulator';
import type { EventBus } from '../events/event-bus';
import type { SyncServiceOptions } from '../sync/sync-service';

/** Where a finished export goes: a save dialog in Electron, a download in the browser harness. */
export interface ExportSink {
  /** Returns a writable path for the file, or null if the user declined (dialog canceled). */
  choosePath(suggestedName: string): Promise<string | null>;
  /** Describes the finished file for the renderer (path in Electron, URL in the harness). */
  describe(path: string, name: string, bytes: number): NonNullable<JobProgress['file']>;
}

export interface AppServicesOptions {
  dataDir: string;
  shell: 'electron' | 'browser';
  safeStorage: SafeStorageLike;
  /** 'memory': the API key is never written to the data folder (the browser harness). Default 'file'. */
  keyStorage?: 'file' | 'memory';
  listDisplays: () => DisplayInfo[];
  exportSink: ExportSink;
  version: string;
  /** Demo mode's simulator port (0 = any free port). */
  demoSimulatorPort?: number;
  /**
   * How demo mode starts its simulator. Default: the plain one the app ships. Tests pass
   * the one with faults and a control plane (src/simulator/lab), which never ships.
   */
  startDemoSimulator?: (options: SimulatorOptions) => Promise<Simulator>;
  /** Overrides for tests and benchmarks (poll pace etc.). */
  tuning?: Partial<PaymentTuning>;
  /** Overrides for tests and benchmarks: shop server sync pace and timeouts. */
  syncTuning?: SyncServiceOptions['tuning'];
  /** IANA time zone for business days and exports (default: the machine's). */
  timeZone?: string;
  /**
   * The wall clock: journal times, order ids, business days, expiry. Tests and the e2e
   * harness pass a pinned one (it may start at any instant and then runs at real speed).
   * Default: the system clock.
   */
  clock?: () => Date;
  /** Monotonic milliseconds for the owner's idle timeout and PIN locks (default performance.now). */
  monotonic?: () => number;
  logger?: Logger;
  /** Tests: when the first background journal check runs (default 5 s after the journal opens). */
  journalCheckAfterMs?: number;
  /** No log lines on stderr (tests, benchmarks). */
  quiet?: boolean;
  /** Electron only: the path of its own SQLite build, already checked (orders/native-binding.ts). */
  sqliteBinding?: string;
  /** The operating system's printers: Electron's silent print, or the harness's file printer. */
  osPrinter?: OsPrinter;
  /** Tests: faster print retries and network timeouts. */
  printingTuning?: PrintingToolsDeps['tuning'];
  /** Tests only: the journal's connection, to make its disk full or read-only for real. */
  inspectJournal?: OrderStoreOptions['inspectConnection'];
  /** Tests only: the most sales a workbook takes (default: what one Excel sheet holds). */
  sheetSalesLimit?: number;
}

export interface AppServices {
  readonly handlers: Handlers;
  readonly bus: EventBus;
  /**
   * Exposed for the harness, tests and benchmarks; the renderer only ever sees handlers.
   * These three throw while the journal is closed or updating (journal.status().state).
   */
  readonly payments: PaymentService;
  readonly store: OrderStore;
  readonly printing: PrintService;
  /** The journal's guard: status, background check, recovery. */
  readonly journal: JournalGuard;
  readonly settings: SettingsService;
  readonly log: Logger;
  /** The in-process demo simulator, when demo mode started one. */
  demoSimulator(): Simulator | null;
  stop(): Promise<void>;
}
