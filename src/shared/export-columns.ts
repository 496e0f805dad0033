/**
 * The columns of an order export, in order: the till's own export (CSV and XLSX written by
 * main) and the owner's export over every till (written by the shop server) share this one
 * list, so a column added or renamed here reaches both files.
 */
export const EXPORT_COLUMNS = [
  'order_id',
  'created_local',
  'created_iso',
  'completed_local',
  'completed_iso',
  'method',
  'price',
  'amount',
  'fee',
  'total_paid',
  'shop_receives',
  'fee_payer',
  'status',
  'note',
  'terminal',
  'sandbox',
  'gateway_txn_id',
  'items',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * What only a till's own export carries: the shop server keeps neither the terminal label
 * nor the sale's lines, and the till columns say which till a row came from instead.
 */
const TILL_ONLY = ['terminal', 'items'] as const;
type TillOnlyColumn = (typeof TILL_ONLY)[number];

/**
 * What only the owner's export carries: the counter sale a payment part belongs to, and for a
 * cash part what the customer handed over and the change (one row per part, linked by sale_id).
 */
const OWNER_ONLY = ['sale_id', 'cash_tendered', 'cash_change'] as const;

export type OwnerExportColumn =
  'till_name' | 'till_id' | Exclude<ExportColumn, TillOnlyColumn> | (typeof OWNER_ONLY)[number];

const isShared = (c: ExportColumn): c is Exclude<ExportColumn, TillOnlyColumn> =>
  !(TILL_ONLY as readonly string[]).includes(c);

/** The owner's export: the till's columns, led by the till, without the till-only ones, then the counter's. */
export const OWNER_EXPORT_COLUMNS: readonly OwnerExportColumn[] = [
  'till_name',
  'till_id',
  ...EXPORT_COLUMNS.filter(isShared),
  ...OWNER_ONLY,
];

/**
 * The columns filled for a paid sale only: when it completed, what the customer paid and
 * what reached the shop (total_paid - fee). So their sums equal the daily report's gross and
 * net. A sale from before Pakasir's total was kept counts amount + fee as paid.
 */
export function paidColumns(o: {
  state: string;
  paidAt: string | null;
  amount: number;
  fee: number | null;
  totalPayment: number | null;
}): { completed: string | null; totalPaid: number | null; shopReceives: number | null } {
  if (o.state !== 'paid') return { completed: null, totalPaid: null, shopReceives: null };
  const totalPaid = o.totalPayment ?? o.amount + (o.fee ?? 0);
  return { completed: o.paidAt, totalPaid, shopReceives: totalPaid - (o.fee ?? 0) };
}
