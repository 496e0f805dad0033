import type { JobProgress } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { Handlers } from '../api/dispatch';
import { checkSheetFits, runExport } from '../export/run-export';
import { JobManager } from '../jobs/job-manager';
import type { Logger } from '../log/logger';
import type { BusinessCalendar } from '../orders/business-day';
import { formatLocal } from '../orders/local-time';
import type { OrderStore } from '../orders/order-store';
import type { PaymentService } from '../payments/payment-service';
import { toView } from '../payments/sale-view';
import { reconcileDay } from '../reconcile/reconcile-day';
import { exportDailyReport } from '../reports/export-daily-report';
import type { SettingsService } from '../settings/settings-service';
import type { EventBus } from '../events/event-bus';
import type { ExportSink } from './service-types';

export const ownerCallNames = [
  'listOrders',
  'getOrder',
  'listNeedsReview',
  'getDailyReport',
  'startExport',
  'exportDailyReport',
  'cancelJob',
  'startReconcile',
  'getReconcileStatus',
] as const satisfies readonly (keyof Handlers)[];
export type OwnerCalls = (typeof ownerCallNames)[number];

export interface OwnerToolsDeps {
  store: OrderStore;
  bus: EventBus;
  settings: SettingsService;
  payments: PaymentService;
  exportSink: ExportSink;
  log: Logger;
  calendar: BusinessCalendar;
  clock: () => Date;
  /** Tests: the most sales a workbook takes (see SHEET_DATA_ROWS). */
  sheetSalesLimit?: number;
}

/**
 * What the shop owner uses: history, the daily report, exports and reconciliation. Long
 * work runs as a job whose progress every window sees; all of it works offline except
 * reconciliation, which says plainly when it cannot reach Pakasir.
 */
export function createOwnerTools(deps: OwnerToolsDeps): { handlers: Pick<Handlers, OwnerCalls>; stop(): void } {
  const { store, bus, settings, payments, exportSink, calendar, clock } = deps;
  const timeZone = calendar.timeZone;
  const jobs = new JobManager({ onProgress: (p: JobProgress) => bus.emit('jobProgress', p) });

  // The shop's own date and time, as the owner reads the clock on the wall (UTC put an
  // export made at 02:30 in Jakarta under the day before).
  const stamp = () => formatLocal(clock().toISOString(), timeZone).replace(/[-:]/g, '').replace(' ', '-');

  const handlers: Pick<Handlers, OwnerCalls> = {
    listOrders: ({ filter, limit, cursor }) => store.list(filter, limit, cursor ?? null),
    getOrder: ({ orderId }) => {
      const order = store.get(orderId);
      if (!order) throw new PosError('not_found', `No sale ${orderId} in the journal.`);
      return { order: toView(order), events: store.events(orderId), lines: store.saleLines(orderId) };
    },
    listNeedsReview: () => store.listNeedsReview(),
    getDailyReport: ({ day }) => store.dailyReport(day, calendar.cutoffHour(), timeZone),

    startExport: async (input) => {
      // Asked before the save dialog: no place is chosen for a workbook that cannot be written.
      if (input.format === 'xlsx') checkSheetFits(store.count(input.filter), deps.sheetSalesLimit);
      const name = `pakasir-pos-${stamp()}.${input.format}`;
      const path = await exportSink.choosePath(name);
      if (!path) throw new PosError('busy', 'Export canceled: no file was chosen.');
      const delimiter = input.delimiter ?? settings.view().csvDelimiter;
      return jobs.startJob('export', async (report, signal) => {
        const result = await runExport(store, input, path, {
          onProgress: report,
          signal,
          timeZone,
          delimiter,
          sheetSalesLimit: deps.sheetSalesLimit,
        });
        return exportSink.describe(path, name, result.bytes);
      });
    },
    exportDailyReport: async ({ day, format }) => {
      const name = `laporan-harian-${day}.${format}`;
      const path = await exportSink.choosePath(name);
      if (!path) throw new PosError('busy', 'Export canceled: no file was chosen.');
      const view = settings.view();
      const report = store.dailyReport(day, calendar.cutoffHour(), timeZone);
      return jobs.startJob('export', async (progress, signal) => {
        const result = await exportDailyReport(report, format, path, {
          delimiter: view.csvDelimiter,
          timeZone,
          signal,
          onProgress: progress,
        });
        return exportSink.describe(path, name, result.bytes);
      });
    },
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
    startReconcile: ({ day }) =>
      jobs.startJob('reconcile', async (progress, signal) => {
        const result = await reconcileDay(store, day, {
          checkStatus: (ref, s) => payments.checkStatusGated(ref, s),
          onProgress: progress,
          signal,
          cutoffHour: calendar.cutoffHour(),
          timeZone,
          now: clock,
        });
        bus.emit('reconcileFinished', result);
      }),
    getReconcileStatus: ({ day }) => ({ lastResult: store.lastReconcile(day) }),
  };

  return { handlers, stop: () => jobs.cancelAll() };
}
