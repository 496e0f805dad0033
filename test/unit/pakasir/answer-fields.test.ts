import { describe, expect, it } from 'vitest';
import { normaliseStatus, parseGatewayTimestamp, wholeRupiah } from '../../../src/main/pakasir/answer-fields';
import { parseRetryAfter, scrubSecret } from '../../../src/main/pakasir/http-call';
import { payPageUrl, withLinkOptions } from '../../../src/main/pakasir/pay-url';

describe('status normalisation', () => {
  it.each([
    ['pending', 'pending', 'pending'],
    ['PENDING', 'pending', 'pending'],
    [' Completed ', 'completed', 'completed'],
    ['canceled', 'canceled', 'canceled'],
    ['cancelled', 'canceled', 'cancelled'],
    ['CANCELLED', 'canceled', 'cancelled'],
    ['expired', 'expired', 'expired'],
    ['failed', 'failed', 'failed'],
    ['paid', 'unknown', 'paid'],
    ['success', 'unknown', 'success'],
    ['settlement', 'unknown', 'settlement'],
    ['', 'unknown', ''],
  ])('%j -> %s', (raw, status, rawStatus) => {
    expect(normaliseStatus(raw)).toEqual({ status, rawStatus });
  });
});

describe('timestamps', () => {
  it.each([
    ['2025-09-19T01:18:49.678622564Z', '2025-09-19T01:18:49.678Z'],
    ['2024-09-10T08:07:02.819+07:00', '2024-09-10T01:07:02.819Z'],
    ['2024-09-10T08:07:02+07:00', '2024-09-10T01:07:02.000Z'],
    ['2024-09-10T08:07:02Z', '2024-09-10T08:07:02.000Z'],
    ['2024-09-10T08:07:02.8Z', '2024-09-10T08:07:02.800Z'],
    ['2024-09-10T08:07:02.81z', '2024-09-10T08:07:02.810Z'],
    ['2024-09-10 08:07:02.819+07:00', '2024-09-10T01:07:02.819Z'],
    ['2024-09-10T23:30:00-05:30', '2024-09-11T05:00:00.000Z'],
    ['2024-12-31T23:59:59.999999999+00:00', '2024-12-31T23:59:59.999Z'],
    ['2024-01-01T06:00:00.000+07:00', '2023-12-31T23:00:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(parseGatewayTimestamp(text)).toBe(iso);
  });

  it.each([
    ['no offset', '2024-09-10T08:07:02.819'],
    ['ten fractional digits', '2024-09-10T08:07:02.8190000000Z'],
    ['the PDF artefact form', '20240910T080702.8190700'],
    ['month 13', '2024-13-10T08:07:02Z'],
    ['31 February', '2024-02-31T08:07:02Z'],
    ['hour 24', '2024-09-10T24:00:00Z'],
    ['garbage', 'kemarin'],
    ['empty', ''],
  ])('%s gives null', (_name, text) => {
    expect(parseGatewayTimestamp(text)).toBeNull();
  });
});

describe('amounts from the gateway', () => {
  it.each([
    [99000, 99000],
    ['99000', 99000],
    [0, 0],
    ['0', 0],
  ])('accepts %j', (input, out) => {
    expect(wholeRupiah.parse(input)).toBe(out);
  });
  it.each([
    ['99.000'],
    [99000.5],
    ['99000.5'],
    ['-5'],
    [-5],
    [''],
    ['1e5'],
    [null],
    [Number.MAX_SAFE_INTEGER + 2],
    [' 99000'],
  ])('refuses %j', (input) => {
    expect(wholeRupiah.safeParse(input).success).toBe(false);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('4', now)).toBe(4000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('key scrubbing', () => {
  it('removes the key in raw and URL-encoded form', () => {
    const key = 'k3y/with+chars=';
    const out = scrubSecret(`bad key ${key} or ${encodeURIComponent(key)}`, key);
    expect(out).not.toContain(key);
    expect(out).not.toContain(encodeURIComponent(key));
    expect(out).toContain('[redacted]');
  });

  it('removes the key as a v1 query string carries it (form encoding)', () => {
    const key = "a key(with)!~'";
    const query = new URLSearchParams({ api_key: key }).toString();
    const out = scrubSecret(`GET /api/transactiondetail?${query}`, key);
    expect(out).not.toContain(query.slice('api_key='.length));
    expect(out).toContain('api_key=[redacted]');
  });
});

describe('pay page URLs (guide section B)', () => {
  it('builds the guide example and its options', () => {
    const base = { baseUrl: 'https://app.pakasir.com', slug: 'depodomain', amount: 22000, orderId: '240910HDE7C9' };
    expect(payPageUrl(base)).toBe('https://app.pakasir.com/pay/depodomain/22000?order_id=240910HDE7C9');
    expect(payPageUrl({ ...base, qrisOnly: true })).toBe(
      'https://app.pakasir.com/pay/depodomain/22000?order_id=240910HDE7C9&qris_only=1',
    );
    expect(payPageUrl({ ...base, redirectUrl: 'https://app.depodomain.com/invoices' })).toBe(
      'https://app.pakasir.com/pay/depodomain/22000?order_id=240910HDE7C9&redirect=https%3A%2F%2Fapp.depodomain.com%2Finvoices',
    );
    expect(payPageUrl({ ...base, paypal: true })).toBe(
      'https://app.pakasir.com/paypal/depodomain/22000?order_id=240910HDE7C9',
    );
  });
  it('appends link options to a gateway link, keeping its own query', () => {
    expect(withLinkOptions('https://app.pakasir.com/p/abc?x=1', { qrisOnly: true, redirectUrl: null })).toBe(
      'https://app.pakasir.com/p/abc?x=1&qris_only=1',
    );
    expect(withLinkOptions('https://app.pakasir.com/p/abc', undefined)).toBe('https://app.pakasir.com/p/abc');
  });
});
