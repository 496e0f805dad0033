import type { ZReport } from '@shared/counter';
import { formatLocal, machineTimeZone } from '../orders/local-time';
import { writeReportTables, type DailyReportExportOptions, type ReportTable } from '../reports/export-daily-report';

/** The Z report as labelled tables, in the daily report's layout so a spreadsheet reads both alike. */
export function zReportTables(z: ZReport, timeZone: string): ReportTable[] {
  const local = (iso: string | null) => (iso ? formatLocal(iso, timeZone) : '');
  return [
    summaryTable(z, local),
    {
      name: 'By method',
      header: ['method', 'paid_count', 'price', 'amount', 'fee', 'total_paid', 'shop_receives'],
      rows: z.byMethod.map((m) => [m.method, m.count, m.price, m.amount, m.fee, m.totalPaid, m.shopReceives]),
    },
    {
      name: 'Refunds by channel',
      header: ['channel', 'count', 'amount'],
      rows: z.refunds.byChannel.map((r) => [r.channel, r.count, r.amount]),
    },
    {
      name: 'Drawer',
      header: ['item', 'value'],
      rows: [
        ['opening', z.drawer.opening],
        ['cash_sales', z.drawer.cashSales],
        ['cash_refunds', z.drawer.cashRefunds],
        ['cash_in', z.drawer.cashIn],
        ['cash_out', z.drawer.cashOut],
        ['expected', z.drawer.expected],
        ['counted', z.drawer.counted ?? ''],
        ['difference', z.drawer.difference ?? ''],
      ],
    },
    {
      name: 'Cash in and out',
      header: ['at_local', 'kind', 'amount', 'reason', 'by'],
      rows: z.movements.map((m) => [local(m.at), m.kind, m.amount, m.reason, m.by ?? '']),
    },
    {
      name: 'Shifts',
      header: ['shift_id', 'cashier', 'opened_local', 'closed_local', 'expected', 'counted', 'difference'],
      rows: z.shifts.map((s) => [
        s.shiftId,
        s.cashier,
        local(s.openedAt),
        local(s.closedAt),
        s.expected,
        s.counted ?? '',
        s.difference ?? '',
      ]),
    },
    {
      name: 'Pakasir check',
      header: ['checked_local', 'checked', 'unchecked', 'offline', 'differences'],
      rows: z.check
        ? [
            [
              local(z.check.at),
              z.check.checked,
              z.check.unchecked,
              z.check.offline ? 'yes' : 'no',
              z.check.differences.length,
            ],
          ]
        : [],
    },
  ];
}

export function exportZReport(
  z: ZReport,
  format: 'csv' | 'xlsx',
  destinationPath: string,
  opts: DailyReportExportOptions = {},
): Promise<{ bytes: number }> {
  return writeReportTables(zReportTables(z, opts.timeZone ?? machineTimeZone()), format, destinationPath, opts);
}

/** The Z report's headline figures, one per row. */
function summaryTable(z: ZReport, local: (iso: string | null) => string): ReportTable {
  return {
    name: 'Summary',
    header: ['item', 'value'],
    rows: [
      ['scope', z.scope],
      ['id', z.id],
      ['business_day', z.businessDay],
      ['from_local', local(z.from)],
      ['to_local', local(z.to)],
      ['opened_by', z.openedBy ?? ''],
      ['closed_by', z.closedBy ?? ''],
      ['cashiers', z.cashiers.join(', ')],
      ['paid_count', z.paidCount],
      ['gross_paid_by_customers', z.gross],
      ['fees', z.fees],
      ['fees_borne_by_shop', z.feesShop],
      ['fees_paid_by_customers', z.feesCustomer],
      ['net_received', z.netReceived],
      ['refunds_count', z.refunds.count],
      ['refunds', z.refunds.amount],
      ['refunds_cash', z.refunds.cash],
      ['net_after_refunds', z.netAfterRefunds],
      ['needs_review_count', z.needsReview],
      ['open_sales', z.openSales],
    ],
  };
}
