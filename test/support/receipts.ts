import type { RefundSnapshot, SaleSnapshot, ZReportSnapshot } from '../../src/main/printing/snapshot';
import { verificationText } from '../../src/main/printing/sale-input';

/** Sample documents of every kind, as the counter would freeze them (fixed times and zone). */
const shop = {
  name: 'Warung Bu Sari',
  headerLines: ['Jl. Merdeka 12, Bandung', 'WA 0812-3456-7890'],
  footerLines: [] as string[],
};
const common = { version: 1 as const, shop, language: 'id' as const, timeZone: 'Asia/Jakarta', terminal: 'KSR1' };

export const QRIS_SALE: SaleSnapshot = {
  ...common,
  kind: 'sale',
  receiptNo: 'KSR1-000042',
  notRealMoney: false,
  paidAt: '2026-11-25T07:03:12.000Z',
  cashier: null,
  items: null,
  amount: 22_000,
  method: 'qris',
  fee: 464,
  feeOnCustomer: 464,
  totalPaid: 22_464,
  pakasir: { orderId: 'KSR1-20261125-000107', txnId: 'txn_01JD8X4Q2M7K', vaNumber: null },
  cash: null,
  note: 'Meja 4',
  verification: verificationText('KSR1-000042', 'KSR1-20261125-000107', 22_464, '2026-11-25T07:03:12.000Z'),
};

export const VA_SALE: SaleSnapshot = {
  ...QRIS_SALE,
  receiptNo: 'KSR1-000043',
  paidAt: '2026-11-25T08:15:40.000Z',
  amount: 350_000,
  method: 'bni_va',
  fee: 3_500,
  feeOnCustomer: 0,
  totalPaid: 350_000,
  pakasir: { orderId: 'KSR1-20261125-000108', txnId: 'txn_01JD8Z9WQ1NB', vaNumber: '8808123456789012' },
  note: '',
  verification: verificationText('KSR1-000043', 'KSR1-20261125-000108', 350_000, '2026-11-25T08:15:40.000Z'),
};

/** A QRIS sale rung up with quick items: the lines as sold, the shop bearing the fee. */
export const QRIS_ITEMS_SALE: SaleSnapshot = {
  ...QRIS_SALE,
  receiptNo: 'KSR1-000045',
  paidAt: '2026-11-25T10:12:30.000Z',
  items: [
    { name: 'Kopi susu', qty: 2, unitPrice: 18_000, total: 36_000 },
    { name: 'Teh manis', qty: 1, unitPrice: 6_000, total: 6_000 },
    { name: 'Roti bakar', qty: 1, unitPrice: 12_000, total: 12_000 },
    { name: 'Pisang goreng', qty: 1, unitPrice: 2_500, total: 2_500 },
  ],
  amount: 56_500,
  fee: 701,
  feeOnCustomer: 0,
  totalPaid: 56_500,
  pakasir: { orderId: 'KSR1-20261125-000109', txnId: 'txn_01JD95K7RT2C', vaNumber: null },
  note: '',
  verification: verificationText('KSR1-000045', 'KSR1-20261125-000109', 56_500, '2026-11-25T10:12:30.000Z'),
};

export const CASH_SALE: SaleSnapshot = {
  ...common,
  kind: 'sale',
  receiptNo: 'KSR1-000044',
  notRealMoney: false,
  paidAt: '2026-11-25T09:41:05.000Z',
  cashier: 'Sari',
  items: [
    { name: 'Kopi susu gula aren', qty: 2, unitPrice: 18_000, total: 36_000 },
    { name: 'Roti bakar cokelat keju', qty: 1, unitPrice: 22_000, total: 22_000 },
    { name: 'Air mineral 600 ml', qty: 3, unitPrice: 5_000, total: 15_000 },
  ],
  amount: 73_000,
  method: 'cash',
  fee: null,
  feeOnCustomer: null,
  totalPaid: 73_000,
  pakasir: null,
  cash: { tendered: 100_000, change: 27_000 },
  note: '',
  verification: verificationText('KSR1-000044', 'CASH-KSR1-000044', 73_000, '2026-11-25T09:41:05.000Z'),
};

export const REFUND: RefundSnapshot = {
  ...common,
  kind: 'refund',
  receiptNo: 'KSR1-R00003',
  notRealMoney: false,
  refundId: 'RF-KSR1-3',
  at: '2026-11-25T10:02:00.000Z',
  originalReceiptNo: 'KSR1-000044',
  originalOrderId: null,
  amount: 22_000,
  channel: 'cash',
  note: 'Roti gosong, diganti uang',
  by: 'Sari',
};

export const Z_REPORT: ZReportSnapshot = {
  ...common,
  kind: 'z_report',
  receiptNo: 'KSR1-Z0012',
  notRealMoney: false,
  reportId: 'SHIFT-KSR1-12',
  businessDay: '2026-11-25',
  openedAt: '2026-11-25T00:00:00.000Z',
  closedAt: '2026-11-25T14:30:00.000Z',
  openedBy: 'Sari',
  closedBy: 'Budi',
  methods: [
    { method: 'cash', count: 31, amount: 1_245_000 },
    { method: 'qris', count: 54, amount: 2_310_500 },
    { method: 'bni_va', count: 2, amount: 700_000 },
  ],
  fees: { paidByCustomers: 19_870, paidByShop: 7_000 },
  refunds: { count: 1, amount: 22_000, cash: 22_000 },
  cashMovements: [
    { kind: 'in', amount: 200_000, note: 'Tambah kembalian', at: '2026-11-25T03:00:00.000Z' },
    { kind: 'out', amount: 75_000, note: 'Beli es batu', at: '2026-11-25T06:10:00.000Z' },
  ],
  cash: {
    opening: 300_000,
    sales: 1_245_000,
    refunds: 22_000,
    movementsIn: 200_000,
    movementsOut: 75_000,
    expected: 1_648_000,
    counted: 1_645_000,
    difference: -3_000,
  },
  needsReview: 1,
};
