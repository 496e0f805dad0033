import { join } from 'node:path';
import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import type { BusinessCalendar } from '../orders/business-day';
import { openOrderStore } from '../orders/journal';
import type { OrderStore } from '../orders/order-store';
import { PaymentService } from '../payments/payment-service';
import type { SettingsService } from '../settings/settings-service';
import { DEMO_SLUG, type Gateways } from './gateway-context';
import { createOwnerTools, type OwnerCalls } from './owner-tools';
import { NO_OS_PRINTER } from '../printing/os-printer';
import type { PrintService } from '../printing/print-service';
import { createPrintingTools, type printingCallNames } from './printing-tools';
import { createSyncService, type SyncService } from '../sync/sync-service';
import { createItemTools, type ItemTools } from './item-tools';
import type { OwnerAccess } from '../counter/owner-access';
import { createCounterTools, type CounterTools } from './counter-tools';
import type { AppServicesOptions } from './service-types';

export const JOURNAL_FILE = 'orders.sqlite';

/** Everything that lives only while the journal is open: the store, the engine, the owner's tools. */
export interface JournalSession {
  store: OrderStore;
  payments: PaymentService;
  owner: Pick<Handlers, OwnerCalls>;
  /** Receipts and the print queue live in the journal too. */
  printing: PrintService;
  printingHandlers: Pick<Handlers, (typeof printingCallNames)[number]>;
  /** The shop server link: its outbox is in the journal as well. */
  sync: SyncService;
  /** The quick items and the counter's cart. */
  items: ItemTools;
  /** Cash, split payments, shifts, refunds, cashiers and the Z report. */
  counter: CounterTools;
  /**
   * Stops the engine and jobs, waits for journal writes in flight, closes the journal;
   * keepWal: without merging the -wal into the file (not yet checked, or damaged).
   */
  close(options: { keepWal: boolean }): Promise<void>;
}

export interface SessionDeps {
  options: AppServicesOptions;
  bus: EventBus;
  log: Logger;
  settings: SettingsService;
  gateways: Gateways;
  calendar: BusinessCalendar;
  clock: () => Date;
  /** Monotonic milliseconds (PIN locks). */
  mono: () => number;
  installId: string;
  owner: OwnerAccess;
  /** The data folder was found copied at this start (see SyncServiceOptions.dataFolderCopied). */
  dataFolderCopied: boolean;
}

/**
 * Opens the journal (the caller ran the cheap checks first) and starts what depends on it:
 * demo sales of a dead simulator are closed, and every open sale resumes.
 */
export function openJournalSession(deps: SessionDeps): JournalSession {
  const store = openJournal(deps);
  const payments = startEngine(deps, store);
  const { options, bus, log, settings, calendar, clock } = deps;
  const owner = createOwnerTools({
    store,
    bus,
    settings,
    payments,
    exportSink: options.exportSink,
    log,
    calendar,
    clock,
    sheetSalesLimit: options.sheetSalesLimit,
  });
  const { printingTools, counter } = createPrintingAndCounter(deps, store, payments);
  const { sync, offPoke } = startSync(deps, store, payments);
  const items = createItemTools({ journalFile: store.file, nativeBinding: options.sqliteBinding, bus, clock });
  resumeSales(deps, store, payments);

  return {
    store,
    payments,
    owner: owner.handlers,
    printing: printingTools.printing,
    printingHandlers: printingTools.handlers,
    sync,
    items,
    counter,
    async close({ keepWal }) {
      offPoke();
      await sync.stop();
      payments.stop();
      owner.stop();
      counter.stop();
      await payments.idle();
      await printingTools.stop();
      items.close();
      store.close({ keepWal });
    },
  };
}

/** The journal file, holding its -wal until the background check has passed. */
function openJournal({ options, bus, log, calendar, clock, installId }: SessionDeps): OrderStore {
  return openOrderStore({
    file: join(options.dataDir, JOURNAL_FILE),
    log: log.child('orders'),
    now: clock,
    timeZone: calendar.timeZone,
    cutoffHour: calendar.cutoffHour,
    installId,
    nativeBinding: options.sqliteBinding,
    holdCheckpoints: true,
    ...(options.inspectJournal ? { inspectConnection: options.inspectJournal } : {}),
    onStorageHealth: (health) => bus.emit('storageHealth', health),
  });
}

/** The payment engine over the journal and the gateways. */
function startEngine({ options, bus, log, gateways, clock }: SessionDeps, store: OrderStore): PaymentService {
  return new PaymentService({
    store,
    bus,
    context: gateways.context,
    gatewayFor: gateways.forSale,
    log: log.child('payments'),
    tuning: options.tuning,
    planAmount: gateways.planAmount,
    now: () => clock().getTime(),
  });
}

/** Printing, then the counter, which prints through it; receipts of the counter's sales are its own. */
function createPrintingAndCounter(deps: SessionDeps, store: OrderStore, payments: PaymentService) {
  const { options, bus, log, settings, calendar } = deps;
  let counterTools: CounterTools | null = null;
  const printingTools = createPrintingTools({
    counterSale: (saleId) => counterTools?.counter.receiptInput(saleId) ?? null,
    dataDir: options.dataDir,
    store,
    bus,
    settings,
    osPrinter: options.osPrinter ?? NO_OS_PRINTER,
    sqliteBinding: options.sqliteBinding,
    log,
    timeZone: calendar.timeZone,
    tuning: options.printingTuning,
  });
  const counter = (counterTools = createCounterTools({ ...deps, store, payments, printing: printingTools.printing }));
  return { printingTools, counter };
}

/** The shop server link runs in the background; a sale never waits for it, only pokes it. */
function startSync(deps: SessionDeps, store: OrderStore, payments: PaymentService) {
  const { options, bus, log, settings } = deps;
  const sync = createSyncService({
    dataDir: options.dataDir,
    journalFile: store.file,
    nativeBinding: options.sqliteBinding,
    bus,
    payments,
    safeStorage: options.safeStorage,
    settings: () => settings.view(),
    log: log.child('sync'),
    dataFolderCopied: deps.dataFolderCopied,
    installId: deps.installId,
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
  });
  const offPoke = bus.on('orderUpdated', () => sync.poke());
  return { sync, offPoke };
}

/** Closes dead demo sales, then resumes every open sale from the journal. */
function resumeSales({ bus, log, settings }: SessionDeps, store: OrderStore, payments: PaymentService): void {
  closeDeadDemoSales(store, settings);
  // A long recovery reports progress.
  const recoveryJob = `recovery-${Date.now()}`;
  payments.recover((done, total) => {
    if (total >= 20)
      bus.emit('jobProgress', {
        jobId: recoveryJob,
        kind: 'recovery',
        state: done === total ? 'done' : 'running',
        done,
        total,
      });
  });
  // Sales left from a project that is no longer set (a switch, then a crash before their
  // review) are named at once, in one alarm, rather than one by one as their checks come up.
  try {
    payments.checkReachable();
  } catch (err) {
    log.warn('could not check which sales are out of reach', { error: err instanceof Error ? err.message : err });
  }
}

/**
 * Demo sales still open from an earlier run were issued by a simulator that died with
 * that run: nobody can pay them now, so they close instead of waiting out their expiry.
 */
function closeDeadDemoSales(store: OrderStore, settings: SettingsService): void {
  if (settings.view().mode !== 'demo') return;
  for (const order of store.listLive()) {
    if (order.project !== DEMO_SLUG) continue;
    store.transition(order.orderId, 'canceled', 'demo_reset', { reason: 'demo_reset' }, undefined, [
      'creating',
      'awaiting_payment',
    ]);
  }
}
