import type { CounterCalls } from '@shared/contract/counter-calls';
import { PosError } from '@shared/errors';
import type { Handlers } from '../api/dispatch';
import type { CounterJournal } from '../counter/counter-journal';
import type { CounterService } from '../counter/counter-service';
import type { OwnerAccess } from '../counter/owner-access';
import type { People } from '../counter/people';
import type { ShiftDesk } from '../counter/shift-desk';
import type { ShiftBook } from '../counter/shifts';
import { exportZReport } from '../counter/z-export';
import type { JobManager } from '../jobs/job-manager';
import type { BusinessCalendar } from '../orders/business-day';
import type { PrintService } from '../printing/print-service';
import type { SettingsService } from '../settings/settings-service';
import type { ExportSink } from './service-types';

/** A call main answers with the counter. */
export type CounterCallName = keyof CounterCalls;

/** The counter's parts, already wired, that its IPC calls reach. */
export interface CounterParts {
  journal: CounterJournal;
  people: People;
  shifts: ShiftBook;
  counter: CounterService;
  desk: ShiftDesk;
  owner: OwnerAccess;
  printing: PrintService;
  settings: SettingsService;
  calendar: BusinessCalendar;
  jobs: JobManager;
  exportSink: ExportSink;
  clock: () => Date;
}

type ZCalls = 'getZReport' | 'exportZReport' | 'printZReport';

/** What each counter call does; the owner's guard has already run for the owner-only ones. */
export function counterHandlers(p: CounterParts): Pick<Handlers, CounterCallName> {
  const { counter, desk, people, owner } = p;
  const access = () => people.view();
  return {
    sellCash: (input) => counter.sellCash(input),
    chargeSplit: (input) => counter.chargeSplit(input),
    payRestInCash: (input) => counter.payRestInCash(input),
    getSale: ({ saleId }) => counter.getSale(saleId),
    refundSale: (input) => counter.refund(input, owner.requirePinnedOwner('give money back')),
    getCounter: () => desk.view(),
    openShift: (input) => desk.open(input),
    changeCashier: (input) => desk.changeCashier(input),
    moveCash: (input) => desk.moveCash(input),
    checkShift: () => {
      if (!p.shifts.anyOpen()) throw new PosError('no_shift', 'No shift is open.');
      return p.jobs.startJob('reconcile', async (progress, signal) => {
        await desk.check(signal, progress);
      });
    },
    closeShift: (input) => desk.close(input),
    ...zReportHandlers(p),
    closeBusinessDay: ({ day }) => desk.closeDay(day, owner.requireOwner('close the business day')),
    addCashier: async (input) => {
      await people.addCashier(input);
      return access();
    },
    updateCashier: async (input) => {
      await people.updateCashier(input);
      return access();
    },
  };
}

/** A shift's or a business day's Z report: shown, exported as a file, or printed. */
function zReportHandlers(p: CounterParts): Pick<Handlers, ZCalls> {
  const { desk, printing, journal } = p;
  const stamp = () => p.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const zOf = (ref: { shiftId: string } | { day: string }) =>
    'shiftId' in ref ? desk.shiftReport(ref.shiftId) : desk.dayReport(ref.day);
  return {
    getZReport: (ref) => zOf(ref),
    exportZReport: async ({ format, ...ref }) => {
      const report = zOf(ref);
      const name = `laporan-z-${'shiftId' in ref ? report.businessDay : ref.day}-${stamp()}.${format}`;
      const path = await p.exportSink.choosePath(name);
      if (!path) throw new PosError('busy', 'Export canceled: no file was chosen.');
      const view = p.settings.view();
      return p.jobs.startJob('export', async (progress, signal) => {
        const result = await exportZReport(report, format, path, {
          delimiter: view.csvDelimiter,
          timeZone: p.calendar.timeZone,
          signal,
          onProgress: progress,
        });
        return p.exportSink.describe(path, name, result.bytes);
      });
    },
    printZReport: (ref) => {
      const reportId = 'shiftId' in ref ? ref.shiftId : lastDayClose(journal, ref.day);
      if (printing.receipt('z_report', reportId)) return printing.reprint('z_report', reportId);
      if (!('shiftId' in ref)) throw new PosError('not_found', 'This business day has not been closed yet.');
      // A close cut short by a crash may have left its report unrecorded: recorded now, first print.
      desk.recordClosedShift(ref.shiftId);
      return printing.print('z_report', reportId);
    },
  };
}

function lastDayClose(journal: CounterJournal, day: string): string {
  const row = journal.db.prepare('SELECT id FROM day_closes WHERE day = ? ORDER BY id DESC LIMIT 1').get(day) as
    { id: number } | undefined;
  if (!row) throw new PosError('not_found', 'This business day has not been closed yet.');
  return `DAY-${day}-${row.id}`;
}
