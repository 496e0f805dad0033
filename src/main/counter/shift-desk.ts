import { MAX_DRAWER_AMOUNT, type CounterView, type ShiftView, type ZReport } from '@shared/counter';
import type { BusinessDayView } from '@shared/domain';
import { PosError } from '@shared/errors';
import { formatRupiah } from '@shared/money';
import { toRecord, type OrderRow } from '../orders/order-row';
import type { OrderRecord } from '../orders/order-store';
import type { CheckDeps, CheckSummary } from '../reconcile/reconcile-day';
import type { CounterJournal } from './counter-journal';
import { zReportInput } from './counter-receipts';
import type { Actor } from './owner-access';
import type { People } from './people';
import type { SaleBook } from './sales';
import type { ShiftRow } from './shift-reader';
import type { ShiftBook } from './shifts';
import { ZReports } from './z-report';

export interface ShiftDeskDeps {
  journal: CounterJournal;
  people: People;
  shifts: ShiftBook;
  sales: SaleBook;
  terminal: () => string;
  calendar: { today(): BusinessDayView; day(day: string): BusinessDayView };
  /** The shift's QRIS and VA checked with Pakasir through the engine's gate. */
  check: (orders: OrderRecord[], deps: Pick<CheckDeps, 'onProgress' | 'signal'>) => Promise<CheckSummary>;
  recordZReport: (input: ReturnType<typeof zReportInput>, when?: 'auto' | 'never') => unknown;
  notRealMoney: () => boolean;
  onCounterChanged: () => void;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
  defer?: (fn: () => void) => void;
}

function drawerAmount(value: number, path: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new PosError('invalid_input', `Enter a whole rupiah amount${min > 0 ? ' above 0' : ''}.`, [
      { path, message: 'amount' },
    ]);
  if (value > MAX_DRAWER_AMOUNT)
    throw new PosError('invalid_input', `${formatRupiah(value)} is more than a drawer holds; check the amount.`, [
      { path, message: 'above_max' },
    ]);
}

function reason(text: string, path: string): string {
  const r = text.trim();
  if (r.length < 1 || r.length > 80)
    throw new PosError('invalid_input', 'Say what the cash is for (1 to 80 characters).', [
      { path, message: 'required' },
    ]);
  return r;
}

/**
 * Shifts at the counter: open with a count of the starting cash by a cashier who enters a
 * PIN, cash in and out with a reason, another cashier taking over, the shift's QRIS and VA
 * checked with Pakasir, and the close with the counted cash. Closing a shift is not closing
 * the business day (a shift may run past midnight and the cutoff); that is the owner's,
 * with the day's Z report.
 */
export class ShiftDesk {
  readonly z: ZReports;
  private seq = 0;
  private readonly defer: (fn: () => void) => void;

  constructor(private readonly deps: ShiftDeskDeps) {
    this.z = new ZReports(deps.journal, deps.shifts, deps.sales);
    this.defer = deps.defer ?? ((fn) => void setImmediate(fn));
  }

  view(): CounterView {
    this.seq += 1;
    const row = this.deps.shifts.anyOpen();
    return {
      seq: this.seq,
      shift: row ? this.shiftView(row) : null,
      unpaidSales: row ? this.deps.sales.unpaid(row.shift_id) : [],
    };
  }

  shift(shiftId: string): ShiftView {
    return this.shiftView(this.mustRow(shiftId));
  }

  async open(input: { staffId: string; pin: string; openingCash: number }): Promise<ShiftView> {
    drawerAmount(input.openingCash, 'openingCash', 0);
    if (this.deps.shifts.anyOpen()) throw this.alreadyOpen();
    const by = await this.deps.people.verify(input.staffId, input.pin);
    const shiftId = this.deps.shifts.open({
      terminal: this.deps.terminal(),
      businessDay: this.deps.calendar.today().day,
      openingCash: input.openingCash,
      by,
    });
    this.deps.onCounterChanged();
    return this.shift(shiftId);
  }

  async changeCashier(input: { staffId: string; pin: string }): Promise<ShiftView> {
    const row = this.needOpen();
    const to = await this.deps.people.verify(input.staffId, input.pin);
    this.deps.shifts.changeCashier(row.shift_id, to);
    this.deps.onCounterChanged();
    return this.shift(row.shift_id);
  }

  moveCash(input: { kind: 'in' | 'out'; amount: number; reason: string }): ShiftView {
    drawerAmount(input.amount, 'amount', 1);
    const why = reason(input.reason, 'reason');
    const row = this.needOpen();
    this.deps.shifts.moveCash(row.shift_id, input.kind, input.amount, why, this.cashier(row));
    this.deps.onCounterChanged();
    return this.shift(row.shift_id);
  }

  /** The open shift's gateway payments checked with Pakasir; the result is journaled on the shift. */
  async check(signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<ShiftView> {
    const row = this.needOpen();
    const rows = this.deps.journal.db
      .prepare(
        `SELECT o.* FROM orders o LEFT JOIN sales s ON s.sale_id = o.sale_id
          WHERE coalesce(o.shift_id, s.shift_id) = ? AND o.method <> 'cash' ORDER BY o.created_at`,
      )
      .all(row.shift_id) as OrderRow[];
    const summary = await this.deps.check(rows.map(toRecord), { signal, onProgress });
    this.deps.shifts.recordCheck(row.shift_id, summary);
    this.deps.onCounterChanged();
    return this.shift(row.shift_id);
  }

  /**
   * Closes the open shift once with the counted cash. Sales still open hold the close (their
   * money is not settled yet); a second close, from a double click or another window, is
   * refused and writes nothing. The Z report is frozen with the close and printed.
   */
  close(input: { shiftId: string; countedCash: number; note?: string }): ZReport {
    drawerAmount(input.countedCash, 'countedCash', 0);
    const note = (input.note ?? '').trim().slice(0, 200);
    const row = this.mustRow(input.shiftId);
    if (row.state === 'closed')
      throw new PosError('illegal_state', `This shift was already closed at ${row.closed_at}; nothing was changed.`);
    const blocking = this.deps.sales.blockingShiftClose(row.shift_id);
    if (blocking.length > 0)
      throw new PosError(
        'busy',
        `${blocking.length} sale(s) of this shift are not finished (a QR waiting, or the rest still due): finish them first.`,
      );
    const by = this.cashier(row);
    const report = this.deps.journal.tx(() => {
      const fresh = this.mustRow(row.shift_id);
      const draft = this.z.shift(fresh);
      this.deps.shifts.close(fresh.shift_id, input.countedCash, note, by, '{}', {
        gross: draft.gross,
        refunds: draft.refunds.amount,
      });
      // The frozen report is what was true at the close, counted cash and difference included.
      const closed = this.z.shift(this.mustRow(row.shift_id));
      this.deps.journal.db
        .prepare('UPDATE shifts SET report = ? WHERE shift_id = ?')
        .run(JSON.stringify(closed), row.shift_id);
      return closed;
    });
    this.deps.onCounterChanged();
    this.printZ(report, report.id, report.to ?? report.from, by.name);
    return report;
  }

  /** A shift's Z report: frozen at its close, live while it is open. */
  shiftReport(shiftId: string): ZReport {
    const row = this.mustRow(shiftId);
    if (row.state === 'closed' && row.report) return JSON.parse(row.report) as ZReport;
    return this.z.shift(row);
  }

  dayReport(day: string): ZReport {
    const b = this.deps.calendar.day(day);
    return this.z.day(day, b.startsAt, b.endsAt);
  }

  /**
   * Owner-only (checked by the caller): the business day's Z report, frozen and printed. No
   * shift of that day may still be open; a day may be closed again later (sales after the
   * close, a late review), each close keeping its own report, but not when nothing changed.
   */
  closeDay(day: string, by: Actor): ZReport {
    const open = this.deps.journal.db
      .prepare("SELECT shift_id FROM shifts WHERE business_day = ? AND state = 'open'")
      .get(day) as { shift_id: string } | undefined;
    if (open) throw new PosError('busy', 'A shift of this day is still open: close it before closing the day.');
    const b = this.deps.calendar.day(day);
    if (Date.parse(b.startsAt) > this.deps.journal.now().getTime())
      throw new PosError('invalid_input', 'This business day has not started yet.', [
        { path: 'day', message: 'future' },
      ]);
    const { report, closeId, at } = this.deps.journal.tx(() => {
      const report = this.z.day(day, b.startsAt, b.endsAt);
      // Inside the transaction, so two windows pressing at once cannot both close it.
      if (report.closedAndUnchanged)
        throw new PosError(
          'illegal_state',
          'This business day is already closed and nothing changed since: print its report again instead.',
        );
      const at = this.deps.journal.now().toISOString();
      const name = by.role === 'unprotected' ? '-' : by.name;
      const info = this.deps.journal.db
        .prepare('INSERT INTO day_closes (day, closed_at, by_staff_id, by_name, report) VALUES (?, ?, ?, ?, ?)')
        .run(day, at, by.staffId, name, JSON.stringify(report));
      const closeId = Number(info.lastInsertRowid);
      this.deps.journal.outbox(
        'day.closed',
        day,
        {
          day,
          closeId,
          closedAt: at,
          byStaffId: by.staffId,
          byName: name,
          gross: report.gross,
          fees: report.fees,
          refunds: report.refunds.amount,
          netAfterRefunds: report.netAfterRefunds,
          cashDifference: report.drawer.difference,
        },
        at,
      );
      this.deps.journal.audit({ action: 'close_business_day', actor: by, target: day, facts: { closeId } });
      return { report: this.z.day(day, b.startsAt, b.endsAt), closeId, at };
    });
    this.printZ(report, `DAY-${day}-${closeId}`, at, by.role === 'unprotected' ? '-' : by.name);
    return report;
  }

  /**
   * A closed shift's Z report for the printer, from the report frozen at the close: the close
   * records it just after its transaction, so a crash in between leaves it to this.
   */
  recordClosedShift(shiftId: string): void {
    const row = this.mustRow(shiftId);
    if (row.state !== 'closed' || !row.report)
      throw new PosError('not_found', 'This shift is still open: its Z report is printed when it closes.');
    const report = JSON.parse(row.report) as ZReport;
    this.recordZ(report, report.id, report.to ?? report.from, report.closedBy ?? '', 'never');
  }

  private printZ(report: ZReport, reportId: string, closedAt: string, closedBy: string): void {
    this.defer(() => {
      try {
        this.recordZ(report, reportId, closedAt, closedBy);
      } catch (err) {
        this.deps.log?.warn('could not record the Z report for printing', { reportId, error: err });
      }
    });
  }

  private recordZ(
    report: ZReport,
    reportId: string,
    closedAt: string,
    closedBy: string,
    when: 'auto' | 'never' = 'auto',
  ): void {
    this.deps.recordZReport(
      zReportInput(report, {
        reportId,
        terminal: this.deps.terminal(),
        closedAt,
        closedBy,
        notRealMoney: this.deps.notRealMoney(),
      }),
      when,
    );
  }

  private shiftView(row: ShiftRow): ShiftView {
    return this.deps.shifts.view(
      row,
      row.state === 'open' ? this.deps.sales.blockingShiftClose(row.shift_id).length : 0,
    );
  }

  private cashier(row: ShiftRow): Actor {
    const current = this.deps.shifts.person(row.shift_id, 'current');
    const staffId = current?.staffId ?? row.cashier_id;
    return { staffId, name: current?.name || this.deps.people.nameOf(staffId) || '', role: 'cashier' };
  }

  private needOpen(): ShiftRow {
    const row = this.deps.shifts.anyOpen();
    if (!row) throw new PosError('no_shift', 'No shift is open: open one first.');
    return row;
  }

  private mustRow(shiftId: string): ShiftRow {
    const row = this.deps.shifts.row(shiftId);
    if (!row) throw new PosError('not_found', `No shift ${shiftId}.`);
    return row;
  }

  private alreadyOpen(): PosError {
    return new PosError('illegal_state', 'A shift is already open on this till; close it before opening another.');
  }
}
