import { z } from 'zod';
import { PAYMENT_METHODS } from '@shared/methods';

/**
 * What a printed document says, frozen when it is made: a sale's receipt when the sale is
 * paid, a refund slip when the refund is made, a Z report when the shift closes. Stored as
 * JSON in the journal (table receipts) and never rebuilt: a reprint next month shows the
 * shop name, address, language and time zone of the day of the sale. Every snapshot is
 * parsed with these schemas before it is stored, so a bad one is refused at the door
 * instead of failing at the printer.
 */
const rupiah = z.number().int().min(0).max(1_000_000_000_000);
const signedRupiah = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const text = (max: number) => z.string().max(max);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 time');

/** Cash joins the gateway's methods on receipts (the counter adds cash sales). */
export const RECEIPT_METHODS = ['cash', ...PAYMENT_METHODS] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

const shop = z.strictObject({
  name: text(60),
  headerLines: z.array(text(64)).max(3),
  footerLines: z.array(text(64)).max(3),
});

const common = {
  version: z.literal(1),
  receiptNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  shop,
  language: z.enum(['id', 'en']),
  /** IANA zone the shop's times are printed in. */
  timeZone: text(64),
  terminal: text(16),
  /** Demo or sandbox money is printed as such, in large letters. */
  notRealMoney: z.boolean(),
};

export const saleItemSchema = z.strictObject({
  name: text(80),
  qty: z.number().int().min(1).max(100_000),
  unitPrice: rupiah,
  total: rupiah,
});

export const saleSnapshotSchema = z.strictObject({
  ...common,
  kind: z.literal('sale'),
  /** When the sale was paid (ISO). */
  paidAt: iso,
  cashier: text(40).nullable(),
  /** null: an amount-only sale from the keypad. */
  items: z.array(saleItemSchema).max(500).nullable(),
  /** The price the shop asked for the goods (not the amount sent to Pakasir, when they differ). */
  amount: rupiah,
  method: z.enum(RECEIPT_METHODS),
  /** Pakasir's fee; null for cash or before Pakasir answered. */
  fee: rupiah.nullable(),
  /** The part of the fee the customer paid above the price; the rest the shop bore. */
  feeOnCustomer: rupiah.nullable(),
  /** What the customer paid in total. */
  totalPaid: rupiah,
  /** Pakasir's ids; null for a cash sale. */
  pakasir: z
    .strictObject({
      orderId: text(64),
      txnId: text(128).nullable(),
      /** The VA number paid into, for VA sales. */
      vaNumber: text(64).nullable(),
    })
    .nullable(),
  /** Cash sales: what the customer handed over and the change given. */
  cash: z.strictObject({ tendered: rupiah, change: rupiah }).nullable(),
  /** A sale paid in parts (cash and QRIS, say): each part's method and what the customer paid by it. */
  parts: z
    .array(z.strictObject({ method: z.enum(RECEIPT_METHODS), amount: rupiah }))
    .min(2)
    .max(8)
    .optional(),
  note: text(200),
  /** Printed as a QR image at the end: lets anyone check the receipt against the journal. */
  verification: text(200),
});
export type SaleSnapshot = z.infer<typeof saleSnapshotSchema>;

export const REFUND_CHANNELS = ['cash', 'bank_transfer', 'e_wallet', 'gateway', 'other'] as const;

export const refundSnapshotSchema = z.strictObject({
  ...common,
  kind: z.literal('refund'),
  refundId: text(64),
  at: iso,
  originalReceiptNo: text(40).nullable(),
  originalOrderId: text(64).nullable(),
  amount: rupiah,
  /** How the money went back to the customer. */
  channel: z.enum(REFUND_CHANNELS),
  note: text(200),
  by: text(40),
});
export type RefundSnapshot = z.infer<typeof refundSnapshotSchema>;

export const zReportSnapshotSchema = z.strictObject({
  ...common,
  kind: z.literal('z_report'),
  reportId: text(64),
  businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  openedAt: iso,
  closedAt: iso,
  openedBy: text(40).nullable(),
  closedBy: text(40),
  /** Paid sales per method. */
  methods: z
    .array(z.strictObject({ method: z.enum(RECEIPT_METHODS), count: z.number().int().min(0), amount: rupiah }))
    .max(RECEIPT_METHODS.length),
  fees: z.strictObject({ paidByCustomers: rupiah, paidByShop: rupiah }),
  refunds: z.strictObject({ count: z.number().int().min(0), amount: rupiah, cash: rupiah }),
  cashMovements: z
    .array(z.strictObject({ kind: z.enum(['in', 'out']), amount: rupiah, note: text(80), at: iso }))
    .max(200),
  cash: z.strictObject({
    opening: rupiah,
    sales: rupiah,
    refunds: rupiah,
    movementsIn: rupiah,
    movementsOut: rupiah,
    expected: signedRupiah,
    counted: rupiah.nullable(),
    /** counted - expected; negative means short. */
    difference: signedRupiah.nullable(),
  }),
  /** Sales still waiting for an owner's review when the shift closed. */
  needsReview: z.number().int().min(0),
});
export type ZReportSnapshot = z.infer<typeof zReportSnapshotSchema>;

export const snapshotSchema = z.discriminatedUnion('kind', [
  saleSnapshotSchema,
  refundSnapshotSchema,
  zReportSnapshotSchema,
]);
export type Snapshot = z.infer<typeof snapshotSchema>;
