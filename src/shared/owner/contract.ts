import { z } from 'zod';
import type { MethodTotals } from '../domain';
import { SALE_METHODS } from '../methods';
import type { RefundTotals } from '../refunds';
import { ORDER_STATES } from '../order-state';

/**
 * The owner's API over every till, as the shop server serves it and the owner's web page
 * calls it: the inputs are zod schemas both sides share (the server parses every query and
 * body with them, so the page and the server can never disagree on a field), the answers
 * are the types below. The same routes answer the owner's token (scripts, the CLI's work
 * over HTTP) and the signed-in page's cookie.
 */
export const OWNER_API = '/api/v1/owner';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a till id');

/** What the history, its exports and its totals are narrowed to. Every field optional. */
export const ownerOrderFilterSchema = z.object({
  day: day.optional(),
  tillId: uuid.optional(),
  state: z.enum(ORDER_STATES).optional(),
  method: z.enum(SALE_METHODS).optional(),
  search: z.string().trim().min(1).max(64).optional(),
});
export type OwnerOrderFilter = z.infer<typeof ownerOrderFilterSchema>;

export const ownerOrderPageSchema = ownerOrderFilterSchema.extend({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OwnerOrderPageInput = z.input<typeof ownerOrderPageSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ownerExportSchema = ownerOrderFilterSchema.extend({ format: z.enum(EXPORT_FORMATS) });
export type OwnerExportInput = z.infer<typeof ownerExportSchema>;

export const ownerDaySchema = z.object({ day, tillId: uuid.optional() });

/** One field for either secret: the owner token, or the password set on the server. */
export const ownerSignInSchema = z.object({ secret: z.string().min(1).max(200) });

export const ownerPairingCodeSchema = z.object({ tillName: z.string().trim().min(1).max(60) });

export const ownerTillIdSchema = z.object({ id: uuid });

/** An error the owner API answers with: `{error, message}` and an HTTP status. */
export const OWNER_ERROR_CODES = [
  'unauthorized',
  'rate_limited',
  'invalid_request',
  'not_found',
  'owner_off',
  'unreachable',
  'internal',
  'export_too_large',
] as const;
export type OwnerErrorCode = (typeof OWNER_ERROR_CODES)[number];

export interface OwnerTill {
  id: string;
  name: string;
  hwm: number;
  prefixes: string[];
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  connected: boolean;
  /** Entries from this till the server kept but could not apply. */
  rejected: number;
}

/** What the page needs first: the shop's day rules, today's business day, the tills. */
export interface OwnerOverview {
  timeZone: string;
  cutoffHour: number;
  today: string;
  tills: OwnerTill[];
  /** The most sales one Excel download holds (one sheet); past it the page offers CSV only. */
  xlsxRows: number;
}

export interface OwnerOrderRow {
  tillId: string;
  tillName: string;
  orderId: string;
  state: (typeof ORDER_STATES)[number];
  method: (typeof SALE_METHODS)[number];
  price: number | null;
  amount: number;
  fee: number | null;
  totalPayment: number | null;
  feePayer: 'shop' | 'customer' | null;
  note: string;
  sandbox: boolean;
  txnId: string | null;
  createdAt: string;
  paidAt: string | null;
  /** The counter sale this payment is a part of (a split sale has several). */
  saleId: string | null;
  /** Cash parts: what the customer handed over and the change given back. */
  cashTendered: number | null;
  cashChange: number | null;
}

export interface OwnerOrderPage {
  items: OwnerOrderRow[];
  nextCursor: string | null;
  total: number;
}

/** A method's paid parts over the tills: the same figures, by the same rules, as a till's own. */
export type ShopMethodTotals = MethodTotals;

export interface ShopDailyReport {
  day: string;
  startsAt: string;
  endsAt: string;
  cutoffHour: number;
  timeZone: string;
  /** The one till the report is narrowed to, or null for every till. */
  tillId: string | null;
  byMethod: ShopMethodTotals[];
  byState: { state: (typeof ORDER_STATES)[number]; count: number; amount: number }[];
  byTill: { tillId: string; tillName: string; paidCount: number; grossAmount: number; netReceived: number }[];
  paidCount: number;
  salesCount: number;
  grossAmount: number;
  fees: number;
  feesShop: number;
  feesCustomer: number;
  netReceived: number;
  /** Money given back that day (refunds and voids), by when it was given, and by channel. */
  refunds: RefundTotals;
  /** netReceived - refunds: what the shop keeps. */
  netAfterRefunds: number;
}

export const RECONCILE_KINDS = [
  /** Pakasir's webhook said completed, the till's sale is not paid. */
  'webhook_paid_sale_not_paid',
  /** Pakasir's webhook said completed for a sale no till has sent yet. */
  'webhook_paid_sale_unknown',
  /** Pakasir's webhook named another amount than the till's sale. */
  'amount_differs',
  /** The till put the sale aside for a person to check. */
  'needs_review',
] as const;
export type ReconcileKind = (typeof RECONCILE_KINDS)[number];

export interface OwnerReconcileDifference {
  kind: ReconcileKind;
  orderId: string;
  tillId: string | null;
  tillName: string | null;
  tillState: string | null;
  tillAmount: number | null;
  webhookStatus: string | null;
  webhookAmount: number | null;
}

export interface OwnerReconcileTill {
  tillId: string;
  tillName: string;
  sales: number;
  paid: number;
  grossAmount: number;
  hwm: number;
  lastSeenAt: string | null;
  revokedAt: string | null;
  rejected: number;
}

/** The server's view of one business day against what the tills sent. */
export interface OwnerReconciliation {
  day: string;
  startsAt: string;
  endsAt: string;
  webhooks: number;
  tills: OwnerReconcileTill[];
  differences: OwnerReconcileDifference[];
}
