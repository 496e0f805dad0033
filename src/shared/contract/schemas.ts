import { z } from 'zod';
import { DISPLAY_IMAGE_ID_PATTERN, DISPLAY_IMAGE_MAX_BASE64 } from '../display-media';
import { FEE_PAYERS } from '../fees';
import { MAX_DRAWER_AMOUNT, PIN_PATTERN, REFUND_CHANNELS } from '../counter';
import { BARCODE_PATTERN, CATEGORY_MAX, ITEM_ID_PATTERN, ITEM_NAME_MAX, MAX_CART_LINES, MAX_QTY } from '../items';
import { PAYMENT_METHODS, MAX_AMOUNT, SALE_METHODS } from '../methods';
import { ORDER_ID_PATTERN, TERMINAL_PREFIX_PATTERN } from '../order-id';
import { ORDER_STATES } from '../order-state';
import { PRINT_JOB_STATES } from '../printing';
import type { CallInput, CallName } from './api';

/**
 * Runtime input schemas for every call: main parses every input with these before any
 * handler runs (a compromised or buggy renderer gets a clear invalid_input, nothing else).
 * Strict objects: unknown keys are refused rather than silently dropped.
 */
const empty = z.strictObject({});
const orderId = z.string().regex(ORDER_ID_PATTERN, 'order_id must be 5-64 characters of A-Z, a-z, 0-9, _ or -');
const method = z.enum(PAYMENT_METHODS);
const amount = z.number().int('amount must be a whole number of rupiah').min(1).max(MAX_AMOUNT);

/** A real calendar date: 2026-02-30 has the shape but is no day at all. */
function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD')
  .refine(isCalendarDate, 'day is not a date on the calendar');

/**
 * Characters that hide, reorder or break text where people read it (the windows, receipts,
 * CSV in a spreadsheet, log lines): C0 and C1 controls (newlines and tabs included: every
 * text field is one line), DEL, bidirectional overrides and isolates, line and paragraph
 * separators, the byte-order mark, noncharacters and lone surrogates.
 */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !UNSAFE_TEXT.test(v), 'contains control or direction characters');
const note = text(200);
const httpUrl = z
  .string()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/**
 * Where the API key is sent: https, or plain http to this computer only (the local
 * simulator); no user name, password, query or fragment. Settings normalises it too.
 */
const gatewayUrl = httpUrl.refine((v) => {
  // zod runs every refinement, this one too when the value is no URL at all.
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return false;
  }
  const secure = u.protocol === 'https:' || LOOPBACK_HOSTS.has(u.hostname);
  return secure && !u.username && !u.password && !u.search && !u.hash;
}, 'must be https (plain http only to this computer), without a user name, password, query or fragment');

const filter = z.strictObject({
  from: localDay.optional(),
  to: localDay.optional(),
  states: z.array(z.enum(ORDER_STATES)).max(ORDER_STATES.length).optional(),
  methods: z.array(z.enum(SALE_METHODS)).max(SALE_METHODS.length).optional(),
  search: text(64).optional(),
});

const projectSlug = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/, 'slug may hold only A-Z, a-z, 0-9, _ and -');
const apiKey = z
  .string()
  .min(8, 'API key is too short')
  .max(256)
  .regex(/^[\x21-\x7e]+$/, 'API key has characters that cannot be a key');

/** A host name or an IP address, nothing that could carry a scheme, path or credentials. */
const printerHost = z
  .string()
  .trim()
  .min(1, 'enter the printer address')
  .max(253)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\[?[0-9A-Fa-f:.]+\]?$/,
    'printer address: an IP address like 192.168.1.50 or a host name',
  );
const printerTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('tcp'), host: printerHost, port: z.number().int().min(1).max(65535) }),
  z.strictObject({
    kind: z.literal('os'),
    deviceName: text(200).pipe(z.string().min(1, 'choose a printer')),
  }),
]);
const paperWidth = z.union([z.literal(58), z.literal(80)]);
const itemId = z.string().regex(ITEM_ID_PATTERN, 'not an item id');
/** The cart: each item at most once per entry, quantities whole and bounded. */
const cartEntries = z
  .array(z.strictObject({ itemId, qty: z.number().int('a quantity is a whole number').min(1).max(MAX_QTY) }))
  .max(MAX_CART_LINES);
const itemInput = z.strictObject({
  itemId: itemId.optional(),
  name: text(ITEM_NAME_MAX).pipe(z.string().trim().min(1, 'give the item a name')),
  price: amount,
  category: text(CATEGORY_MAX).optional(),
  barcode: z
    .union([z.literal(''), z.string().trim().regex(BARCODE_PATTERN, 'a barcode is 4-32 letters, digits or dashes')])
    .nullable()
    .optional(),
});
/** A PIN is typed on the keypad: digits only. A malformed one is refused here and counts as no attempt. */
const pin = z.string().regex(PIN_PATTERN, 'a PIN is 4 to 8 digits');
/** Journal ids (sales, shifts) have the order id's shape; the owner is 'owner'. */
const journalId = z.string().regex(ORDER_ID_PATTERN, 'not an id of this journal');
const staffId = z.union([z.literal('owner'), journalId]);
const personName = text(40).pipe(z.string().trim().min(1, 'give a name'));
/** Cash handed over may exceed the largest sale (the change is checked in main). */
const tendered = z
  .number()
  .int('whole rupiah')
  .min(1)
  .max(MAX_AMOUNT + MAX_DRAWER_AMOUNT);
const drawerAmount = z.number().int('whole rupiah').min(0).max(MAX_DRAWER_AMOUNT);
const zRef = z.union([z.strictObject({ shiftId: journalId }), z.strictObject({ day: localDay })]);

/** Printed as they are: a control character here would be a printer command (ESC @, ESC p...). */
const receiptLines = z.array(text(64)).max(3);

export const callSchemas = {
  getAppInfo: empty,
  getSettings: empty,
  updateSettings: z.strictObject({
    projectSlug: projectSlug.optional(),
    apiVersion: z.enum(['v1', 'v2']).optional(),
    sandbox: z.boolean().optional(),
    baseUrl: gatewayUrl.optional(),
    terminalPrefix: z.string().regex(TERMINAL_PREFIX_PATTERN, 'terminal prefix: 1-8 letters or digits').optional(),
    defaultMethod: method.optional(),
    linkQrisOnly: z.boolean().optional(),
    linkRedirectUrl: z.union([z.literal(''), httpUrl]).optional(),
    customerDisplayEnabled: z.boolean().optional(),
    customerDisplayId: z.number().int().nonnegative().nullable().optional(),
    shopName: text(60).optional(),
    language: z.enum(['id', 'en']).optional(),
    businessDayCutoffHour: z.number().int().min(0).max(23).optional(),
    csvDelimiter: z.enum([';', ',']).optional(),
    acceptInsecureStorage: z.boolean().optional(),
    voiceEnabled: z.boolean().optional(),
    soundVolume: z.number().int().min(0).max(100).optional(),
    feePayer: z.enum(FEE_PAYERS).optional(),
  }),
  setApiKey: z.strictObject({ apiKey }),
  setProject: z.strictObject({
    projectSlug: projectSlug.min(1, 'enter the project code'),
    apiKey,
    apiVersion: z.enum(['v1', 'v2']).optional(),
    sandbox: z.boolean().optional(),
    baseUrl: gatewayUrl.optional(),
  }),
  clearApiKey: empty,
  testConnection: empty,
  listDisplays: empty,
  getDisplayMedia: empty,
  addDisplayImage: z.strictObject({
    slot: z.enum(['logo', 'promo']),
    data: z
      .string()
      .min(1)
      .max(DISPLAY_IMAGE_MAX_BASE64, 'the picture is too large')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the picture must be base64'),
  }),
  removeDisplayImage: z.strictObject({ id: z.string().regex(DISPLAY_IMAGE_ID_PATTERN, 'not a picture id') }),
  charge: z.strictObject({ amount, method, note: note.optional(), items: cartEntries.min(1).optional() }),
  prepareCharge: z.strictObject({ amount, method }),
  cancelSale: z.strictObject({ orderId }),
  checkNow: z.strictObject({ orderId }),
  simulatePayment: z.strictObject({ orderId }),
  recreateSale: z.strictObject({ orderId }),
  markProofShown: z.strictObject({ orderId, note }),
  resolveReview: z.strictObject({
    orderId,
    resolution: z.enum(['paid', 'not_paid']),
    note: note.min(1, 'say how it was checked'),
  }),
  dismissSale: z.strictObject({ orderId }),
  getActiveSale: empty,
  getConnectivity: empty,
  getBusinessDay: z.strictObject({ day: localDay.optional() }),
  getStorageHealth: empty,
  listOrders: z.strictObject({
    filter,
    limit: z.number().int().min(1).max(500),
    // What listOrders handed out: base64url, nothing else.
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]*$/, 'not a page cursor')
      .nullable()
      .optional(),
  }),
  getOrder: z.strictObject({ orderId }),
  listNeedsReview: empty,
  getDailyReport: z.strictObject({ day: localDay }),
  startExport: z.strictObject({
    format: z.enum(['csv', 'xlsx', 'jsonl']),
    delimiter: z.enum([';', ',']).optional(),
    filter,
  }),
  exportDailyReport: z.strictObject({ day: localDay, format: z.enum(['csv', 'xlsx']) }),
  cancelJob: z.strictObject({ jobId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  startReconcile: z.strictObject({ day: localDay }),
  getReconcileStatus: z.strictObject({ day: localDay }),
  getPrinterSettings: empty,
  updatePrinterSettings: z.strictObject({
    target: printerTarget.optional(),
    paperWidth: paperWidth.optional(),
    autoPrint: z.boolean().optional(),
    statusCheck: z.boolean().optional(),
    headerLines: receiptLines.optional(),
    footerLines: receiptLines.optional(),
  }),
  listOsPrinters: empty,
  testPrint: z.strictObject({ target: printerTarget.optional(), paperWidth: paperWidth.optional() }),
  getPrinterStatus: empty,
  listPrintJobs: z.strictObject({
    limit: z.number().int().min(1).max(200),
    states: z.array(z.enum(PRINT_JOB_STATES)).max(PRINT_JOB_STATES.length).optional(),
  }),
  printReceipt: z.strictObject({ orderId }),
  reprintReceipt: z.strictObject({ orderId }),
  cancelPrintJob: z.strictObject({ jobId: z.number().int().min(1) }),
  retryPrinting: empty,
  getSyncStatus: empty,
  pairShopServer: z.strictObject({
    serverUrl: httpUrl,
    code: z
      .string()
      .max(32)
      .regex(/^[A-Za-z0-9 -]{4,32}$/, 'the pairing code has letters and digits'),
    tillName: text(60).pipe(z.string().trim().min(1, 'give this till a name')),
  }),
  unpairShopServer: empty,
  acknowledgeSyncRejections: empty,
  getJournalStatus: empty,
  recoverJournal: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('retry') }),
    z.strictObject({ action: z.literal('restore'), backup: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/) }),
    z.strictObject({ action: z.literal('start_new') }),
  ]),
  listItems: empty,
  saveItem: itemInput,
  removeItem: z.strictObject({ itemId }),
  showCart: z.strictObject({ lines: cartEntries }),
  getCart: empty,
  receiptText: z.strictObject({ orderId }),
  sellCash: z.strictObject({ amount, tendered, note: note.optional(), items: cartEntries.min(1).optional() }),
  chargeSplit: z.strictObject({
    amount,
    cash: amount,
    method,
    note: note.optional(),
    items: cartEntries.min(1).optional(),
  }),
  payRestInCash: z.strictObject({ saleId: journalId, tendered }),
  getSale: z.strictObject({ saleId: journalId }),
  refundSale: z.strictObject({
    saleId: journalId,
    amount,
    channel: z.enum(REFUND_CHANNELS),
    note: note.pipe(z.string().trim().min(1, 'say why, and how the money went back')),
  }),
  getCounter: empty,
  openShift: z.strictObject({ staffId, pin, openingCash: drawerAmount }),
  changeCashier: z.strictObject({ staffId, pin }),
  moveCash: z.strictObject({
    kind: z.enum(['in', 'out']),
    amount: drawerAmount.min(1),
    reason: text(80).pipe(z.string().trim().min(1, 'say what the cash is for')),
  }),
  checkShift: empty,
  closeShift: z.strictObject({ shiftId: journalId, countedCash: drawerAmount, note: note.optional() }),
  getZReport: zRef,
  exportZReport: z.union([
    z.strictObject({ shiftId: journalId, format: z.enum(['csv', 'xlsx']) }),
    z.strictObject({ day: localDay, format: z.enum(['csv', 'xlsx']) }),
  ]),
  printZReport: zRef,
  closeBusinessDay: z.strictObject({ day: localDay }),
  getAccess: empty,
  unlockOwner: z.strictObject({ pin }),
  lockOwner: empty,
  setOwnerPin: z.strictObject({ name: personName, pin, currentPin: pin.optional() }),
  addCashier: z.strictObject({ name: personName, pin }),
  updateCashier: z.strictObject({
    staffId: journalId,
    name: personName.optional(),
    pin: pin.optional(),
    active: z.boolean().optional(),
  }),
} satisfies { [K in CallName]: z.ZodType<CallInput<K>> };

// Compile-time: a schema exists for every call and for nothing else.
type SchemaKeys = keyof typeof callSchemas;
const schemasCoverCalls: Exclude<CallName, SchemaKeys> extends never
  ? Exclude<SchemaKeys, CallName> extends never
    ? true
    : never
  : never = true;
void schemasCoverCalls;
