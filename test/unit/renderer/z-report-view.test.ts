import { describe, expect, it } from 'vitest';
import type { ZReport } from '@shared/counter';
import { REFUND_CHANNELS } from '@shared/refunds';
import type { PrintJobView, PrinterStatusView } from '@shared/printing';
import { en } from '@renderer/i18n/en';
import { id } from '@renderer/i18n/id';
import {
  closeDayButton,
  closeDayError,
  differenceTone,
  gatewayCheck,
  openShiftsOf,
  zDrawerLines,
  zJobLine,
  zJobs,
  zMoneyLines,
  zTitle,
} from '@renderer/lib/z-report-view';

function zReport(over: Partial<ZReport> = {}): ZReport {
  return {
    scope: 'shift',
    id: 'SH-1',
    businessDay: '2026-11-25',
    from: '2026-11-25T01:00:00.000Z',
    to: '2026-11-25T09:00:00.000Z',
    openedBy: 'Budi',
    closedBy: 'Budi',
    cashiers: ['Budi'],
    byMethod: [
      {
        method: 'cash',
        count: 2,
        amount: 63_500,
        price: 63_500,
        fee: 0,
        feeOnCustomer: 0,
        totalPaid: 63_500,
        shopReceives: 63_500,
      },
      {
        method: 'qris',
        count: 1,
        amount: 60_000,
        price: 60_000,
        fee: 426,
        feeOnCustomer: 0,
        totalPaid: 60_000,
        shopReceives: 59_574,
      },
      {
        method: 'bni_va',
        count: 1,
        amount: 25_000,
        price: 25_000,
        fee: 3_500,
        feeOnCustomer: 3_500,
        totalPaid: 28_500,
        shopReceives: 25_000,
      },
    ],
    paidCount: 4,
    gross: 152_000,
    fees: 3_926,
    feesShop: 426,
    feesCustomer: 3_500,
    netReceived: 148_074,
    refunds: { count: 1, amount: 3_500, cash: 0, byChannel: [{ channel: 'bank_transfer', count: 1, amount: 3_500 }] },
    netAfterRefunds: 144_574,
    movements: [],
    drawer: {
      opening: 200_000,
      cashSales: 63_500,
      cashRefunds: 0,
      cashIn: 0,
      cashOut: 10_000,
      expected: 253_500,
      counted: 251_500,
      difference: -2_000,
    },
    shifts: [],
    check: null,
    needsReview: 0,
    openSales: 0,
    closes: [],
    closedAndUnchanged: false,
    ...over,
  };
}

const job = (over: Partial<PrintJobView>): PrintJobView => ({
  id: 1,
  kind: 'z_report',
  ref: 'SH-1',
  receiptNo: 'Z-1',
  reprint: 0,
  state: 'queued',
  attempts: 0,
  lastProblem: null,
  lastDetail: null,
  opensDrawer: false,
  createdAt: '2026-11-25T09:00:00.000Z',
  updatedAt: '2026-11-25T09:00:00.000Z',
  printedAt: null,
  ...over,
});

describe('the Z report screen', () => {
  it('names a short drawer, an over drawer, an even one, and one not counted yet', () => {
    expect(differenceTone(-2_000)).toBe('short');
    expect(differenceTone(500)).toBe('over');
    expect(differenceTone(0)).toBe('even');
    expect(differenceTone(null)).toBeNull();
  });

  it('shows main’s figures as they are: gross, the fee cost and refunds out, what the shop keeps', () => {
    const z = zReport();
    expect(zMoneyLines(z).map((l) => [l.testId, l.amount, !!l.out])).toEqual([
      ['z-gross', 152_000, false],
      ['z-fees', 3_926, true],
      ['z-net-received', 148_074, false],
      ['z-refunds', 3_500, true],
      ['z-net', 144_574, false],
    ]);
    expect(zDrawerLines(z).map((l) => [l.testId, l.amount])).toEqual([
      ['z-opening', 200_000],
      ['z-cash-sales', 63_500],
      ['z-cash-refunds', 0],
      ['z-cash-in', 0],
      ['z-cash-out', 10_000],
      ['z-expected', 253_500],
      ['z-counted', 251_500],
    ]);
    // An open shift has no count yet: no counted line.
    const open = zReport({ to: null, drawer: { ...z.drawer, counted: null, difference: null } });
    expect(zDrawerLines(open).map((l) => l.testId)).not.toContain('z-counted');
    expect(zTitle(open).key).toBe('zreport.titleShiftOpen');
    expect(zTitle(z)).toEqual({ key: 'zreport.titleShift', params: { cashier: 'Budi' } });
    expect(zTitle(zReport({ scope: 'day' })).key).toBe('zreport.titleDay');
  });

  it('sets what went through Pakasir as recorded beside what Pakasir confirmed', () => {
    const none = gatewayCheck(zReport());
    // Cash is not Pakasir's: QRIS 60.000 and VA 28.500 as the customers paid them.
    expect(none).toMatchObject({ recordedCount: 2, recordedAmount: 88_500, key: 'zreport.checkNone' });
    const at = '2026-11-25T08:00:00.000Z';
    expect(
      gatewayCheck(zReport({ check: { at, checked: 2, unchecked: 0, offline: false, differences: [] } })),
    ).toMatchObject({
      key: 'zreport.checkOk',
      tone: 'ok',
      params: { checked: 2 },
    });
    const diff = {
      orderId: 'T1-1',
      localState: 'paid' as const,
      gatewayStatus: 'pending',
      amount: 60_000,
      kind: 'paid_locally_only' as const,
    };
    expect(
      gatewayCheck(zReport({ check: { at, checked: 2, unchecked: 0, offline: false, differences: [diff] } })),
    ).toMatchObject({ key: 'zreport.checkDiffs', tone: 'bad', params: { n: 1, checked: 2 } });
    expect(
      gatewayCheck(zReport({ check: { at, checked: 0, unchecked: 2, offline: true, differences: [] } })),
    ).toMatchObject({
      key: 'zreport.checkOffline',
      tone: 'bad',
    });
    expect(
      gatewayCheck(zReport({ check: { at, checked: 1, unchecked: 1, offline: false, differences: [] } })).key,
    ).toBe('zreport.checkPartly');
    expect(gatewayCheck(zReport({ byMethod: [] })).key).toBe('zreport.checkNothing');
  });

  it('finds the report’s own print jobs, newest first, a day’s under each of its closes', () => {
    const jobs = [
      job({ id: 1, ref: 'SH-1' }),
      job({ id: 2, ref: 'SH-2' }),
      job({ id: 3, ref: 'SH-1', reprint: 1 }),
      job({ id: 4, kind: 'sale_receipt', ref: 'SH-1' }),
      job({ id: 5, ref: 'DAY-2026-11-25-1' }),
      job({ id: 6, ref: 'DAY-2026-11-25-2' }),
      job({ id: 7, ref: 'DAY-2026-11-26-3' }),
    ];
    expect(zJobs(jobs, { shiftId: 'SH-1' }).map((j) => j.id)).toEqual([3, 1]);
    expect(zJobs(jobs, { day: '2026-11-25' }).map((j) => j.id)).toEqual([6, 5]);
  });

  it('says where the printed copy is, with the printer’s own problem when it waits', () => {
    const printer: PrinterStatusView = {
      configured: true,
      state: 'problem',
      problem: 'paper_out',
      paperLow: false,
    } as PrinterStatusView;
    expect(zJobLine(null, printer)).toBeNull();
    expect(zJobLine(job({ state: 'done' }), printer)).toMatchObject({
      key: 'zreport.printed',
      tone: 'ok',
      problem: null,
    });
    expect(zJobLine(job({ state: 'done', reprint: 2 }), null)).toMatchObject({
      key: 'zreport.printedCopy',
      params: { n: 2 },
    });
    expect(zJobLine(job({ state: 'queued' }), printer)).toMatchObject({
      key: 'zreport.printWaiting',
      problem: 'paper_out',
      tone: 'bad',
    });
    expect(zJobLine(job({ state: 'queued', lastProblem: 'refused' }), printer)!.problem).toBe('refused');
    expect(zJobLine(job({ state: 'failed', lastProblem: 'timeout' }), null)).toMatchObject({
      key: 'zreport.printFailed',
      tone: 'bad',
    });
  });

  it('a day with an open shift names its cashier; main’s busy refusal reads as what to do', () => {
    const day = zReport({
      scope: 'day',
      shifts: [
        {
          shiftId: 'SH-1',
          cashier: 'Budi',
          openedAt: '',
          closedAt: '2026-11-25T09:00:00.000Z',
          expected: 0,
          counted: 0,
          difference: 0,
        },
        {
          shiftId: 'SH-2',
          cashier: 'Wati',
          openedAt: '',
          closedAt: null,
          expected: 0,
          counted: null,
          difference: null,
        },
      ],
    });
    expect(openShiftsOf(day)).toEqual(['Wati']);
    expect(openShiftsOf(zReport())).toEqual([]);
    const t = (k: keyof typeof id) => id[k];
    expect(closeDayError({ code: 'busy', text: 'x', issues: [] }, t).text).toBe(id['zreport.dayShiftOpen']);
    expect(closeDayError({ code: 'owner_required', text: 'y', issues: [] }, t).text).toBe('y');
    expect(closeDayError({ code: 'illegal_state', text: 'z', issues: [] }, t).text).toBe(
      id['zreport.dayAlreadyClosed'],
    );
  });

  it('offers no "close the day" on a day closed with nothing new, nor on a shift', () => {
    const close = { at: '2026-11-25T11:00:00.000Z', by: 'Bu Sari' };
    expect(closeDayButton(zReport({ scope: 'day' }))).toEqual({ key: 'zreport.closeDay' });
    expect(closeDayButton(zReport({ scope: 'day', closes: [close], closedAndUnchanged: true }))).toBeNull();
    // Sales after the close: closing again freezes them in a report of their own.
    expect(closeDayButton(zReport({ scope: 'day', closes: [close], closedAndUnchanged: false }))).toEqual({
      key: 'zreport.closeDayAgain',
    });
    expect(closeDayButton(zReport({ scope: 'shift' }))).toBeNull();
  });

  it('has every refund channel and every key in both languages', () => {
    for (const c of REFUND_CHANNELS) {
      expect(id[`zreport.channel.${c}`]).toBeTruthy();
      expect(en[`zreport.channel.${c}`]).toBeTruthy();
    }
    const zKeys = (d: object) =>
      Object.keys(d)
        .filter((k) => k.startsWith('zreport.'))
        .sort();
    expect(zKeys(en)).toEqual(zKeys(id));
  });
});
