import type { JobProgress } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { Handlers } from '../api/dispatch';
import { Cashiers } from '../counter/cashiers';
import { CounterJournal } from '../counter/counter-journal';
import { CounterService } from '../counter/counter-service';
import type { OwnerAccess } from '../counter/owner-access';
import { People } from '../counter/people';
import { PinLocks } from '../counter/pin-policy';
import { ShiftBook } from '../counter/shifts';
import { ShiftDesk } from '../counter/shift-desk';
import { exportZReport } from '../counter/z-export';
import type { EventBus } from '../events/event-bus';
import { JobManager } from '../jobs/job-manager';
import type { Logger } from '../log/logger';
import type { BusinessCalendar } from '../orders/business-day';
import type { OrderStore } from '../orders/order-store';
import type { PaymentService } from '../payments/payment-service';
import type { PrintService } from '../printing/print-service';
import { checkWithPakasir } from '../reconcile/reconcile-day';
import type { SettingsService } from '../settings/settings-service';
import type { Gateways } from './gateway-context';
import type { ExportSink } from './service-types';

export const counterCallNames = [
  'sellCash',
  'chargeSplit',
  'payRestInCash',
  'getSale',
  'refundSale',
  'getCounter',
  'openShift',
  'changeCashier',
  'moveCash',
  'checkShift',
  'closeShift',
  'getZReport',
  'exportZReport',
  'printZReport',
  'closeBusinessDay',
  'addCashier',
  'updateCashier',
] as const satisfies readonly (keyof Handlers)[];
export type CounterCalls = (typeof counterCallNames)[number];

export interface CounterToolsDeps {
  store: OrderStore;
  installId: string;
  nativeBinding?: string;
  owner: OwnerAccess;
  payments: PaymentService;
  printing: PrintService;
  gateways: Gateways;
  settings: SettingsService;
  calendar: BusinessCalendar;
  bus: EventBus;
  exportSink: ExportSink;
  clock: () => Date;
  /** Monotonic milliseconds, for PIN locks. */
  mono: () => number;
  log: Logger;
}

export interface CounterTools {
  people: People;
  counter: CounterService;
  desk: ShiftDesk;
  handlers: Pick<Handlers, CounterCalls>;
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
  const journal = new CounterJournal(deps.store.file, deps.installId, deps.clock, deps.nativeBinding, (m) =>
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

  const counter = new CounterService({
    journal,
    people,
    shifts,
    engine: payments,
    printing,
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
      const ctx = gateways.context();
      await gateways.planAmount({
        price: amount,
        method,
        gateway: ctx.gateway,
        project: ctx.project,
        linkQrisOnly: ctx.link.qrisOnly,
      });
    },
    apiVersion: () => gateways.context().version,
    onCounterChanged: emitCounter,
    onOrderWritten: (order) => bus.emit('orderUpdated', order),
    log,
  });
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
  const stamp = () => deps.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const zOf = (ref: { shiftId: string } | { day: string }) =>
    'shiftId' in ref ? shiftDesk.shiftReport(ref.shiftId) : shiftDesk.dayReport(ref.day);
  const access = () => people.view();

  const handlers: Pick<Handlers, CounterCalls> = {
    sellCash: (input) => counter.sellCash(input),
    chargeSplit: (input) => counter.chargeSplit(input),
    payRestInCash: (input) => counter.payRestInCash(input),
    getSale: ({ saleId }) => counter.getSale(saleId),
    refundSale: (input) => counter.refund(input, owner.requirePinnedOwner('give money back')),
    getCounter: () => shiftDesk.view(),
    openShift: (input) => shiftDesk.open(input),
    changeCashier: (input) => shiftDesk.changeCashier(input),
    moveCash: (input) => shiftDesk.moveCash(input),
    checkShift: () => {
      if (!shifts.anyOpen()) throw new PosError('no_shift', 'No shift is open.');
      return jobs.startJob('reconcile', async (progress, signal) => {
        await shiftDesk.check(signal, progress);
      });
    },
    closeShift: (input) => shiftDesk.close(input),
    getZReport: (ref) => zOf(ref),
    exportZReport: async ({ format, ...ref }) => {
      const report = zOf(ref);
      const name = `laporan-z-${'shiftId' in ref ? report.businessDay : ref.day}-${stamp()}.${format}`;
      const path = await deps.exportSink.choosePath(name);
      if (!path) throw new PosError('busy', 'Export canceled: no file was chosen.');
      const view = settings.view();
      return jobs.startJob('export', async (progress, signal) => {
        const result = await exportZReport(report, format, path, {
          delimiter: view.csvDelimiter,
          timeZone: calendar.timeZone,
          signal,
          onProgress: progress,
        });
        return deps.exportSink.describe(path, name, result.bytes);
      });
    },
    printZReport: (ref) => {
      const reportId = 'shiftId' in ref ? ref.shiftId : lastDayClose(journal, ref.day);
      if (printing.receipt('z_report', reportId)) return printing.reprint('z_report', reportId);
      if (!('shiftId' in ref)) throw new PosError('not_found', 'This business day has not been closed yet.');
      // A close cut short by a crash may have left its report unrecorded: recorded now, first print.
      shiftDesk.recordClosedShift(ref.shiftId);
      return printing.print('z_report', reportId);
    },
    closeBusinessDay: ({ day }) => shiftDesk.closeDay(day, owner.requireOwner('close the business day')),
    addCashier: async (input) => {
      await people.addCashier(input);
      return access();
    },
    updateCashier: async (input) => {
      await people.updateCashier(input);
      return access();
    },
  };

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

function lastDayClose(journal: CounterJournal, day: string): string {
  const row = journal.db.prepare('SELECT id FROM day_closes WHERE day = ? ORDER BY id DESC LIMIT 1').get(day) as
    { id: number } | undefined;
  if (!row) throw new PosError('not_found', 'This business day has not been closed yet.');
  return `DAY-${day}-${row.id}`;
}
