import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '@renderer/i18n/en';
import { id } from '@renderer/i18n/id';
import { detailText, eventReasonKey } from '@renderer/lib/event-text';
import { formatCount, formatDayInput, parseDayInput } from '@renderer/lib/format';
import { normalizePhone, whatsAppUrl } from '@shared/phone';

const root = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('words a shop uses', () => {
  it('no developer words in anything a cashier or owner reads, in either language', () => {
    const banned = [/create_attempt/, /gateway status/i, /\(server\)/i, /\bslug\b/i, /base URL/i, /Lingkungan/];
    for (const [lang, dict] of [
      ['id', id],
      ['en', en],
    ] as const) {
      for (const [key, text] of Object.entries(dict))
        for (const word of banned) expect(text, `${lang} ${key}`).not.toMatch(word);
    }
  });

  it('every event reason the engine writes reads as a sentence, in both languages', () => {
    // Every reason literal main writes into the journal: transition(id, to, 'reason', ...),
    // recordFacts events `{ reason: '...' }`, and the engine's keep_checking_* family.
    const found = new Set<string>();
    for (const file of sources(join(root, 'src/main'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/transition\(\s*[^,]+,\s*'[a-z_]+',\s*'([a-z_]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/reason: '([a-z_]+)'/g)) found.add(m[1]!);
      for (const m of text.matchAll(/appendEvent\([^)]*'([a-z_]+)',\s*\{/g)) found.add(m[1]!);
    }
    found.delete('reason'); // the FACT_COLUMNS entry, not a reason
    found.add('create_attempt');
    found.add('keep_checking_pending');
    found.add('keep_checking_unknown_status');
    expect(found.size).toBeGreaterThan(20);
    for (const reason of found) {
      for (const from of [null, 'creating'] as const) {
        const key = eventReasonKey({ reason, from });
        expect(key, reason).not.toBe('event.other');
        expect(id[key]).toBeTruthy();
        expect(en[key]).toBeTruthy();
      }
    }
    expect(eventReasonKey({ reason: 'something_new', from: 'creating' })).toBe('event.other');
    expect(eventReasonKey({ reason: 'created', from: null })).toBe('event.opened');
    expect(eventReasonKey({ reason: 'created', from: 'creating' })).toBe('event.created');
  });

  it("a detail from the engine becomes Pakasir's status in words, or technical detail kept aside", () => {
    expect(detailText('paid_after_expiry', 'gateway status completed')).toEqual({
      kind: 'status',
      status: 'paid',
      raw: 'completed',
    });
    expect(detailText('create_lost', 'gateway status weird')).toMatchObject({ kind: 'status', status: null });
    expect(detailText('proof_shown_offline', 'struk BCA 10:42')).toEqual({ kind: 'plain', text: 'struk BCA 10:42' });
    expect(detailText('invalid_payload', 'no QRIS payload')).toEqual({ kind: 'technical', text: 'no QRIS payload' });
  });

  it('counts carry thousands separators', () => {
    expect(formatCount(1_234_567, 'id')).toBe('1.234.567');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(999, 'id')).toBe('999');
    expect(formatCount(0, 'en')).toBe('0');
  });

  it('dates are written and read as dd/mm/yyyy', () => {
    expect(formatDayInput('2026-11-05')).toBe('05/11/2026');
    expect(parseDayInput('05/11/2026')).toBe('2026-11-05');
    expect(parseDayInput('5/11/2026')).toBe('2026-11-05');
    expect(parseDayInput('5-11-2026')).toBe('2026-11-05');
    expect(parseDayInput('29/02/2028')).toBe('2028-02-29');
    expect(parseDayInput('29/02/2026')).toBeNull();
    expect(parseDayInput('31/04/2026')).toBeNull();
    expect(parseDayInput('11/2026')).toBeNull();
    expect(parseDayInput('2026-11-05')).toBeNull();
  });
});

describe('WhatsApp numbers', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['0812 3456 789', '628123456789'],
    ['+62 812 3456 7890', '6281234567890'],
    ['+62 0812 3456 7890', '6281234567890'],
    ['62812345678', '62812345678'],
    ['812 3456 7890', '6281234567890'],
    ['(0812) 3456.7890', '6281234567890'],
    ['+65 9123 4567', '6591234567'],
  ])('%s -> %s', (typed, number) => {
    expect(normalizePhone(typed)).toBe(number);
  });

  it.each(['', '021-555-1234', '0812', '08123456789012345', 'abc', '0812-3456-7890 ext', '+0 812', '65 9123 4567'])(
    'refuses %s',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );

  it('builds the wa.me link with the text encoded', () => {
    expect(whatsAppUrl('0812 3456 7890', 'Bayar Rp 25.000: https://x.test/p?a=1&b=2')).toBe(
      'https://wa.me/6281234567890?text=Bayar%20Rp%2025.000%3A%20https%3A%2F%2Fx.test%2Fp%3Fa%3D1%26b%3D2',
    );
    expect(whatsAppUrl('12', 'x')).toBeNull();
  });
});
