import type { JobProgress } from '@shared/domain';
import type { Handlers } from '../api/dispatch';
import { Cashiers } from '../counter/cashiers';
import { CounterJournal } from '../counter/counter-journal';
import { CounterService } from '../counter/counter-service';
import type { OwnerAccess } from '../counter/owner-access';
import { People } from '../counter/people';
import { PinLocks } from '../counter/pin-policy';
import { ShiftBook } from '../counter/shifts';
import { ShiftDesk } from '../counter/shift-desk';
import type { EventBus } from '../events/event-bus';
import { JobManager } from '../jobs/job-manager';
import type { Logger } from '../log/logger';
import type { BusinessCalendar } from '../orders/business-day';
import type { OrderStore } from '../orders/order-store';
import type { PaymentService } from '../payments/payment-service';
import type { PrintService } from '../printing/print-service';
import { checkWithPakasir } from '../reconcile/reconcile-day';
import type { SettingsService } from '../settings/settings-service';
import { planWithSettings, type Gateways } from './gateway-context';
import type { AppServicesOptions } from './service-types';
import { counterHandlers, type CounterCallName } from './counter-handlers';

/** What the counter takes from the journal session (most of it the session's own deps). */
export interface CounterToolsDeps {
  options: Pick<AppServicesOptions, 'sqliteBinding' | 'exportSink'>;
  store: OrderStore;
  installId: string;
  owner: OwnerAccess;
  payments: PaymentService;
  printing: PrintService;
  gateways: Gateways;
  settings: SettingsService;
  calendar: BusinessCalendar;
  bus: EventBus;
  clock: () => Date;
  /** Monotonic milliseconds, for PIN locks. */
  mono: () => number;
  log: Logger;
}

export interface CounterTools {
  people: People;
  counter: CounterService;
  desk: ShiftDesk;
  handlers: Pick<Handlers, CounterCallName>;
  stop(): void;
}

/**
 * The counter wired to the app: its own connection to the journal, the payment engine for
 * gateway parts, the printer for receipts, refund slips and Z reports, and the bus so both
 * windows follow the shift and its drawer. Lives with the journal session.
 */
export function createCounterTools(deps: CounterToolsDeps): CounterTools {
  const { owner, payments, printing, gateways, settings, calendar, bus } = deps;
  const log = deps.log.child('counter');
  const journal = new CounterJournal(deps.store.file, deps.installId, deps.clock, deps.options.sqliteBinding, (m) =>
    log.warn(m),
  );
  const emitAccess = () => bus.emit('accessChanged', people.view());
  const cashiers = new Cashiers(
    journal,
    new PinLocks(deps.mono, deps.clock),
    () => gateways.context().terminalPrefix,
    emitAccess,
  );
  const people = new People(owner, cashiers);
  const shifts = new ShiftBook(journal);
  const notRealMoney = () => settings.view().mode !== 'production';
  let desk: ShiftDesk | null = null;
  const emitCounter = () => {
    if (desk) bus.emit('counterChanged', desk.view());
  };

  const counter = counterService(deps, journal, people, shifts, emitCounter, log);
  desk = new ShiftDesk({
    journal,
    people,
    shifts,
    sales: counter.sales,
    terminal: () => gateways.context().terminalPrefix,
    calendar,
    check: (orders, opts) =>
      checkWithPakasir(orders, { checkStatus: (ref, signal) => payments.checkStatusGated(ref, signal), ...opts }),
    recordZReport: (input, when) => printing.recordZReport(input, when),
    notRealMoney,
    onCounterChanged: emitCounter,
    log,
  });
  const shiftDesk = desk;
  const offOrders = bus.on('orderUpdated', (order) => counter.onOrderUpdated(order));
  // The owner's refusals and actions go into this journal while it is open.
  owner.audit = (entry) => {
    try {
      journal.audit(entry);
    } catch (err) {
      log.warn('could not journal an owner action', { action: entry.action, error: err });
    }
  };
  const jobs = new JobManager({ onProgress: (p: JobProgress) => bus.emit('jobProgress', p) });
  const handlers = counterHandlers({
    journal,
    people,
    shifts,
    counter,
    desk: shiftDesk,
    owner,
    printing,
    settings,
    calendar,
    jobs,
    exportSink: deps.options.exportSink,
    clock: deps.clock,
  });

  return {
    people,
    counter,
    desk: shiftDesk,
    handlers,
    stop() {
      offOrders();
      jobs.cancelAll();
      owner.audit = undefined;
      journal.close();
    },
  };
}

/** The counter's sales: cash, split and refunds, with Pakasir parts through the payment engine. */
function counterService(
  deps: CounterToolsDeps,
  journal: CounterJournal,
  people: People,
  shifts: ShiftBook,
  onCounterChanged: () => void,
  log: Logger,
): CounterService {
  const { gateways, bus } = deps;
  return new CounterService({
    journal,
    people,
    shifts,
    engine: deps.payments,
    printing: deps.printing,
    cashContext: () => {
      const ctx = gateways.context();
      return {
        terminal: ctx.terminalPrefix,
        apiVersion: ctx.version,
        sandbox: ctx.sandbox || ctx.demo,
        project: ctx.project,
      };
    },
    prepareCharge: async (amount, method) => {
      await planWithSettings(gateways, amount, method);
    },
    apiVersion: () => gateways.context().version,
    onCounterChanged,
    onOrderWritten: (order) => bus.emit('orderUpdated', order),
    log,
  });
}
