import { MAX_AMOUNT } from '../../../src/shared/methods';
import type { CallName } from '../../../src/shared/contract/api';

/**
 * Hostile values that keep the shape of a valid input: the right keys, each holding
 * something no call may accept. Every pool below holds only values that must be refused
 * for that field, so a call that accepts one has a hole.
 */
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};
const pollution = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

const NOT_A_NUMBER = ['22000', 'NaN', 'Infinity', '-Infinity', '1e3', '', null, true, false, [1], {}, pollution];
const NOT_A_STRING = [0, -1, 1.5, null, true, [], ['x'], {}, pollution, deep(1000)];
const NOT_A_BOOLEAN = ['true', 'false', 1, 0, null, [], {}, 'yes', pollution];
/** Characters that can hide or reorder text on screen, in CSV and in logs. */
const CONTROL = [
  '\u0000',
  '\u0007',
  'Meja\n4',
  '\t',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202eRp 0',
  '\u2066x\u2069',
  '\u200f',
  '\u061c',
  '\u2028',
  '\ufeff',
  '\ud800',
  'a\udc00b',
  '\uffff',
];
const enumHostile = (valid: string): unknown[] =>
  [
    valid.toUpperCase(),
    `${valid} `,
    ` ${valid}`,
    `${valid}\u0000`,
    valid.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width
    valid.replace('i', '\u0456'), // Cyrillic i
    '',
    '__proto__',
    'constructor',
    'toString',
    TEN_MB,
    ...NOT_A_STRING,
  ].filter((v) => v !== valid);

export const HOSTILE = {
  amount: [-1, 0, -0, 0.5, 1.5, 22000.01, MAX_AMOUNT + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, ...NOT_A_NUMBER],
  method: enumHostile('qris'),
  note: ['x'.repeat(201), TEN_MB, ...CONTROL, ...NOT_A_STRING],
  requiredNote: ['', 'x'.repeat(201), TEN_MB, ...CONTROL, ...NOT_A_STRING],
  orderId: [
    'abcd',
    'x'.repeat(65),
    TEN_MB,
    '../../etc/passwd',
    'KSR1/20261125',
    'KSR1 20261125',
    'KSR1-\u0000-1',
    'ＫＳＲ１-ABCDEFGH',
    'KSR1-2026%2F',
    "'; DROP TABLE orders; --",
    ...CONTROL,
    ...NOT_A_STRING,
  ],
  day: [
    '2026-13-01',
    '2026-02-30',
    '2026-11-31',
    '0000-00-00',
    '2026-1-5',
    '2026/11/25',
    '25-11-2026',
    '2026-11-25T00:00:00Z',
    '2026-11-25\u0000',
    '９９９９-11-25',
    TEN_MB,
    ...NOT_A_STRING,
  ],
  limit: [0, -1, 1.5, 501, 1e308, Number.MAX_SAFE_INTEGER + 2, ...NOT_A_NUMBER],
  cursor: ['x'.repeat(201), TEN_MB, ...CONTROL, 0, true, [], {}, pollution],
  search: ['x'.repeat(65), TEN_MB, ...CONTROL, ...NOT_A_STRING],
  format: enumHostile('csv'),
  reportFormat: [...enumHostile('csv'), 'jsonl'],
  delimiter: ['|', ';;', '\t', ' ', ';\u0000', 'semicolon', ...NOT_A_STRING],
  apiKey: [
    'short',
    'x'.repeat(257),
    TEN_MB,
    'key with spaces 123',
    'kunci-\u0000-12345',
    'ключ-1234567890',
    ...CONTROL,
    ...NOT_A_STRING,
  ],
  jobId: ['', '../x', 'x'.repeat(65), 'job id', 'job\u0000', ...NOT_A_STRING],
  resolution: [...enumHostile('paid'), 'maybe'],
  projectSlug: ['toko/warung', 'x'.repeat(65), 'tøko', 'toko warung', ...CONTROL, ...NOT_A_STRING],
  apiVersion: [...enumHostile('v2'), 'v3', 'v0'],
  baseUrl: [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://app.pakasir.com',
    'http://app.pakasir.com',
    'https://user:pw@app.pakasir.com',
    'https://app.pakasir.com/?next=x',
    'https://app.pakasir.com/#x',
    'not a url',
    `https://${'x'.repeat(600)}.com`,
    'https://app.pakasir.com\u0000.evil',
    ...NOT_A_STRING,
  ],
  terminalPrefix: ['', 'KSR 1', 'ABCDEFGHI', 'KS/R', 'KSR-1', 'ＫＳＲ１', 'KSR\u0000', ...NOT_A_STRING],
  redirectUrl: ['javascript:alert(1)', 'data:text/html,x', 'x', `https://${'x'.repeat(600)}.com`, ...NOT_A_STRING],
  displayId: [-1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, '1', true, [], {}],
  shopName: ['x'.repeat(61), TEN_MB, ...CONTROL, ...NOT_A_STRING],
  language: [...enumHostile('id'), 'fr', 'id-ID'],
  cutoffHour: [-1, 24, 4.5, 1e308, ...NOT_A_NUMBER],
  boolean: NOT_A_BOOLEAN,
  backup: [
    '',
    '../settings.json',
    '/etc/passwd',
    '.hidden',
    'x'.repeat(121),
    'orders-2026-11-25.sqlite\u0000',
    ...NOT_A_STRING,
  ],
  action: [...enumHostile('retry'), 'delete'],
  feePayer: [...enumHostile('shop'), 'pakasir', 'both'],
  volume: [-1, 101, 50.5, 1e308, ...NOT_A_NUMBER],
  slot: [...enumHostile('logo'), 'background'],
  imageData: ['', 'not base64!', 'QUJD\u0000', 'QU JD', 'x'.repeat(12 * 1024 * 1024), ...NOT_A_STRING],
  imageId: ['', '../../settings.json', 'abc.png', `${'0'.repeat(20)}.gif`, `${'A'.repeat(20)}.png`, ...NOT_A_STRING],
  filter: [
    null,
    'today',
    [],
    deep(1000),
    pollution,
    { from: 20261125 },
    { to: '2026-02-30' },
    { states: 'paid' },
    { states: ['paid', 5] },
    { states: ['PAID'] },
    { states: Array.from({ length: 50 }, () => 'paid') },
    { methods: ['QRIS'] },
    { search: 'x'.repeat(65) },
    { search: '\u202e' },
    { from: { $gt: '' } },
    { from: '2026-11-25', to: ['2026-11-26'] },
  ],
  /** For calls without input: anything but an empty object. */
  noInput: [null, [], 'x', 5, true, pollution, deep(100), { '': 1 }],
} as const;

type Field = keyof typeof HOSTILE;
/** Each call's fields: a valid value that changes nothing by itself, and the pool of hostile ones. */
export const CALL_FIELDS: Record<CallName, Record<string, { valid: unknown; hostile: Field }>> = {
  getAppInfo: {},
  getSettings: {},
  updateSettings: {
    projectSlug: { valid: undefined, hostile: 'projectSlug' },
    apiVersion: { valid: undefined, hostile: 'apiVersion' },
    sandbox: { valid: undefined, hostile: 'boolean' },
    baseUrl: { valid: undefined, hostile: 'baseUrl' },
    terminalPrefix: { valid: undefined, hostile: 'terminalPrefix' },
    defaultMethod: { valid: undefined, hostile: 'method' },
    linkQrisOnly: { valid: undefined, hostile: 'boolean' },
    linkRedirectUrl: { valid: undefined, hostile: 'redirectUrl' },
    customerDisplayEnabled: { valid: undefined, hostile: 'boolean' },
    customerDisplayId: { valid: undefined, hostile: 'displayId' },
    shopName: { valid: undefined, hostile: 'shopName' },
    language: { valid: undefined, hostile: 'language' },
    businessDayCutoffHour: { valid: undefined, hostile: 'cutoffHour' },
    csvDelimiter: { valid: undefined, hostile: 'delimiter' },
    acceptInsecureStorage: { valid: undefined, hostile: 'boolean' },
    voiceEnabled: { valid: undefined, hostile: 'boolean' },
    soundVolume: { valid: undefined, hostile: 'volume' },
    feePayer: { valid: undefined, hostile: 'feePayer' },
  },
  setApiKey: { apiKey: { valid: undefined, hostile: 'apiKey' } },
  setProject: {
    projectSlug: { valid: 'warung-fuzz', hostile: 'projectSlug' },
    apiKey: { valid: 'sk_fuzz_valid_key_123', hostile: 'apiKey' },
    apiVersion: { valid: undefined, hostile: 'apiVersion' },
    sandbox: { valid: undefined, hostile: 'boolean' },
    baseUrl: { valid: undefined, hostile: 'baseUrl' },
  },
  getDisplayMedia: {},
  addDisplayImage: {
    slot: { valid: 'logo', hostile: 'slot' },
    data: { valid: 'iVBORw0KGgo=', hostile: 'imageData' },
  },
  removeDisplayImage: { id: { valid: undefined, hostile: 'imageId' } },
  prepareCharge: {
    amount: { valid: 22_000, hostile: 'amount' },
    method: { valid: 'qris', hostile: 'method' },
  },
  clearApiKey: {},
  testConnection: {},
  listDisplays: {},
  charge: {
    amount: { valid: 22_000, hostile: 'amount' },
    method: { valid: 'qris', hostile: 'method' },
    note: { valid: 'Meja 4', hostile: 'note' },
  },
  cancelSale: { orderId: { valid: undefined, hostile: 'orderId' } },
  checkNow: { orderId: { valid: undefined, hostile: 'orderId' } },
  simulatePayment: { orderId: { valid: undefined, hostile: 'orderId' } },
  recreateSale: { orderId: { valid: undefined, hostile: 'orderId' } },
  markProofShown: {
    orderId: { valid: 'BASELINE', hostile: 'orderId' },
    note: { valid: 'bukti di HP', hostile: 'note' },
  },
  resolveReview: {
    orderId: { valid: 'BASELINE', hostile: 'orderId' },
    resolution: { valid: 'paid', hostile: 'resolution' },
    note: { valid: 'cek mutasi', hostile: 'requiredNote' },
  },
  dismissSale: { orderId: { valid: undefined, hostile: 'orderId' } },
  getActiveSale: {},
  getConnectivity: {},
  getBusinessDay: { day: { valid: undefined, hostile: 'day' } },
  listOrders: {
    filter: { valid: {}, hostile: 'filter' },
    limit: { valid: 50, hostile: 'limit' },
    cursor: { valid: null, hostile: 'cursor' },
  },
  getOrder: { orderId: { valid: undefined, hostile: 'orderId' } },
  listNeedsReview: {},
  getDailyReport: { day: { valid: undefined, hostile: 'day' } },
  startExport: {
    format: { valid: 'csv', hostile: 'format' },
    delimiter: { valid: ';', hostile: 'delimiter' },
    filter: { valid: {}, hostile: 'filter' },
  },
  exportDailyReport: {
    day: { valid: '2026-11-25', hostile: 'day' },
    format: { valid: 'csv', hostile: 'reportFormat' },
  },
  cancelJob: { jobId: { valid: undefined, hostile: 'jobId' } },
  startReconcile: { day: { valid: undefined, hostile: 'day' } },
  getReconcileStatus: { day: { valid: undefined, hostile: 'day' } },
  getJournalStatus: {},
  recoverJournal: {
    action: { valid: 'restore', hostile: 'action' },
    backup: { valid: 'orders-2026-11-25.sqlite', hostile: 'backup' },
  },
};
