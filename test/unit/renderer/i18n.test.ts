import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared/errors';
import { PAYMENT_METHODS } from '@shared/methods';
import { ORDER_STATES } from '@shared/order-state';
import type {
  AppInfo,
  ConnectionTestResult,
  Connectivity,
  JobKind,
  JournalBackupView,
  JournalProblem,
  JournalStatus,
  OrderReason,
  SecretBackend,
  StorageProblem,
} from '@shared/domain';
import { en } from '@renderer/i18n/en';
import { id } from '@renderer/i18n/id';
import { t, tKnown, useLanguage } from '@renderer/i18n';

// Runtime lists of union types the renderer must translate. `satisfies Record<Union, true>`
// makes the compiler reject this file when a member is added to the union and not here.
const REASONS = Object.keys({
  gateway_rejected: true,
  invalid_payload: true,
  auth: true,
  paid_after_cancel: true,
  paid_after_expiry: true,
  amount_mismatch: true,
  order_mismatch: true,
  sandbox_in_production: true,
  proof_shown_offline: true,
  canceled_by_cashier: true,
  amount_changed: true,
  expired_at_gateway: true,
  canceled_at_gateway: true,
  resolved_paid: true,
  resolved_not_paid: true,
  create_not_found: true,
  create_lost: true,
  demo_reset: true,
  fee_above_price: true,
  project_changed: true,
} satisfies Record<OrderReason, true>);
const CONNECTIVITY = Object.keys({ online: true, offline: true, degraded: true } satisfies Record<Connectivity, true>);
const TEST_CODES = Object.keys({
  ok: true,
  auth: true,
  not_found: true,
  network: true,
  timeout: true,
  rate_limited: true,
  server: true,
  invalid_answer: true,
  no_credentials: true,
} satisfies Record<ConnectionTestResult['code'], true>);
const BACKENDS = Object.keys({
  keychain: true,
  dpapi: true,
  gnome_libsecret: true,
  kwallet: true,
  kwallet5: true,
  kwallet6: true,
  basic_text: true,
  unknown: true,
  memory: true,
} satisfies Record<SecretBackend, true>);
const JOURNAL_PROBLEMS = Object.keys({
  damaged: true,
  not_a_journal: true,
  empty: true,
  missing: true,
  read_only: true,
  disk_full: true,
  unreadable: true,
  newer_version: true,
} satisfies Record<JournalProblem, true>);
const CHECK_STATES = Object.keys({
  pending: true,
  running: true,
  ok: true,
  damaged: true,
  failed: true,
} satisfies Record<JournalStatus['check']['state'], true>);
const BACKUP_KINDS = Object.keys({ daily: true, before_update: true } satisfies Record<
  JournalBackupView['kind'],
  true
>);
const RENEW_REASONS = Object.keys({
  copied: true,
  restored: true,
  new_journal: true,
} satisfies Record<NonNullable<AppInfo['installIdRenewed']>['reason'], true>);
const STORAGE = Object.keys({
  disk_full: true,
  read_only: true,
  storage_io: true,
  storage_corrupt: true,
} satisfies Record<StorageProblem, true>);
const JOB_KINDS = Object.keys({ export: true, reconcile: true, recovery: true } satisfies Record<JobKind, true>);

/** Notice keys main sends (see the report to main); each must read as a sentence in both languages. */
const NOTICE_KEYS = [
  'latePayment',
  'paidDuringCancel',
  'storageChanged',
  'needsReview',
  'invalidPayload',
  'reviewConfirmed',
  'watchOrphaned',
];

const dictionaries = { id, en } as Record<string, Record<string, string>>;

describe('dictionaries', () => {
  it('have exactly the same keys in both languages', () => {
    const idKeys = Object.keys(id).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(en[key]), key).toEqual(ph(id[key]));
    }
  });

  const families: [string, readonly string[]][] = [
    ['error', ERROR_CODES],
    ['reason', REASONS],
    ['state', ORDER_STATES],
    ['method', PAYMENT_METHODS],
    ['conn', CONNECTIVITY],
    ['test', TEST_CODES],
    ['backend', BACKENDS],
    ['notice', NOTICE_KEYS],
    ['journal.title', JOURNAL_PROBLEMS],
    ['journal.body', JOURNAL_PROBLEMS],
    ['journal.check', CHECK_STATES],
    ['journal.backupKind', BACKUP_KINDS],
    ['settings.installIdRenewed', RENEW_REASONS],
    ['storage', STORAGE.flatMap((p) => [`${p}.title`, `${p}.todo`])],
    ['job.failed', JOB_KINDS],
  ];
  for (const [prefix, members] of families) {
    it(`translate every ${prefix} value in both languages`, () => {
      for (const lang of ['id', 'en']) {
        const missing = members.filter((m) => !(`${prefix}.${m}` in dictionaries[lang]!));
        expect(missing, `${lang}: ${prefix}.*`).toEqual([]);
      }
    });
  }
});

describe('t()', () => {
  it('follows the language store and fills placeholders', () => {
    useLanguage.getState().setLang('id');
    expect(t('keypad.charge', { method: 'QRIS', amount: 'Rp 22.000' })).toBe('Tagih QRIS Rp 22.000');
    useLanguage.getState().setLang('en');
    expect(t('keypad.charge', { method: 'BNI VA', amount: 'Rp 22.000' })).toBe('Charge by BNI VA Rp 22.000');
    useLanguage.getState().setLang('id');
  });

  it('leaves an unknown placeholder visible rather than printing "undefined"', () => {
    expect(t('keypad.charge', {}, 'en')).toBe('Charge by {method} {amount}');
  });

  it('shows an unknown notice key as a generic notice instead of nothing', () => {
    expect(tKnown('notice.somethingNew', {}, 'en')).toBe('Notice: notice.somethingNew');
    // Notices name the amount, not a 30-character order id: the banner's "View" finds the sale.
    const late = tKnown('notice.latePayment', { orderId: 'POS1-X', amount: 'Rp 5.000' }, 'en');
    expect(late).toContain('Rp 5.000');
    expect(late).not.toContain('POS1-X');
  });
});
