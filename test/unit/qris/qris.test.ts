import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, merchantName, parseTlv, tlv, validateQrisPayload, withCrc } from '../../../src/shared/qris';
import { buildQrisPayload } from '../../../src/shared/qris-payload';
import { simulatedFee } from '../../../src/simulator/fees';

// The guide's create example, reassembled: its line breaks and the space inside "63 04"
// are PDF artefacts; the space inside "KAB. KEBUMEN" is real (tag 60 declares 12 chars).
const GUIDE =
  '00020101021226610016ID.CO.SHOPEE.WWW01189360091800216005230208216005230303UME' +
  '51440014ID.CO.QRIS.WWW0215ID10243228429300303UME5204792953033605409100003.00' +
  '5802ID5907Pakasir6012KAB. KEBUMEN61055439262230519SP25RZRATEQI2HQ65Q46304A079';

/** Rebuilds a payload with a fresh, correct CRC after changing a field. */
function recrc(payload: string): string {
  return withCrc(payload.slice(0, -8));
}

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });
  it('writes four upper-case hex digits, zero padded', () => {
    for (const s of ['', 'A', '6304', GUIDE.slice(0, -4)]) expect(crc16CcittFalse(s)).toMatch(/^[0-9A-F]{4}$/);
    expect(crc16CcittFalse('')).toBe('FFFF');
  });
});

describe('parseTlv', () => {
  it('reads the guide payload, with nested templates', () => {
    const fields = parseTlv(GUIDE);
    expect(fields.map((f) => f.tag)).toEqual([
      '00',
      '01',
      '26',
      '51',
      '52',
      '53',
      '54',
      '58',
      '59',
      '60',
      '61',
      '62',
      '63',
    ]);
    const t26 = fields.find((f) => f.tag === '26')!;
    expect(t26.children?.map((c) => [c.tag, c.value])).toEqual([
      ['00', 'ID.CO.SHOPEE.WWW'],
      ['01', '936009180021600523'],
      ['02', '21600523'],
      ['03', 'UME'],
    ]);
    expect(fields.find((f) => f.tag === '62')!.children).toEqual([
      { tag: '05', length: 19, value: 'SP25RZRATEQI2HQ65Q4' },
    ]);
    expect(fields.find((f) => f.tag === '60')!.value).toBe('KAB. KEBUMEN');
  });
  it('throws on a truncated payload', () => {
    expect(() => parseTlv(GUIDE.slice(0, -2))).toThrow(/declares 4/);
    expect(() => parseTlv('000')).toThrow(/truncated/);
    expect(() => parseTlv('000A01')).toThrow(/length/);
    expect(() => parseTlv('0A0201')).toThrow(/tag/);
  });
});

describe('validateQrisPayload', () => {
  it('accepts the guide vector for its total 100003', () => {
    expect(GUIDE.endsWith('6304A079')).toBe(true);
    expect(GUIDE).toContain('5409100003.00');
    expect(validateQrisPayload(GUIDE, 100_003)).toEqual({ ok: true });
    expect(merchantName(GUIDE)).toBe('Pakasir');
  });

  it('refuses the guide vector for another total (the amount, not the total)', () => {
    const r = validateQrisPayload(GUIDE, 99_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join()).toMatch(/tag 54/);
  });

  it('accepts tag 54 written without decimals', () => {
    const p = recrc(GUIDE.replace('5409100003.00', '5406100003'));
    expect(validateQrisPayload(p, 100_003)).toEqual({ ok: true });
  });

  const corrupted: [string, string, RegExp][] = [
    ['one digit changed (CRC no longer matches)', GUIDE.replace('5409100003.00', '5409100008.00'), /CRC/],
    ['wrong CRC', GUIDE.replace(/A079$/, 'A078'), /CRC/],
    ['wrong tag 54 with a fresh CRC', recrc(GUIDE.replace('5409100003.00', '5409100004.00')), /tag 54/],
    ['tag 54 with cents', recrc(GUIDE.replace('5409100003.00', '5409100003.50')), /tag 54/],
    ['static QR (tag 01 = 11)', recrc(GUIDE.replace('010212', '010211')), /static/],
    ['not rupiah', recrc(GUIDE.replace('5303360', '5303840')), /tag 53/],
    ['truncated', GUIDE.slice(0, 120), /well-formed/],
    ['CRC missing', GUIDE.slice(0, -8), /tag 63/],
    ['tag 54 missing', recrc(GUIDE.replace('5409100003.00', '')), /tag 54/],
  ];
  it.each(corrupted)('refuses %s', (_name, payload, problem) => {
    const r = validateQrisPayload(payload, 100_003);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('; ')).toMatch(problem);
  });

  it('refuses a payload whose CRC tag is not last', () => {
    const p = GUIDE + tlv('99', 'X');
    expect(validateQrisPayload(p, 100_003).ok).toBe(false);
  });
});

describe('simulator payloads', () => {
  it.each([500, 99_000, 105_000, 105_001, 2_500_000, 10_000_000])(
    'are valid and encode the total for amount %i',
    (amount) => {
      const total = amount + simulatedFee('qris', amount);
      const payload = buildQrisPayload({ total, reference: 'TRX0123456789ABCDEF', merchantId: '0798991750' });
      expect(validateQrisPayload(payload, total)).toEqual({ ok: true });
      expect(validateQrisPayload(payload, amount).ok).toBe(false);
      expect(merchantName(payload)).toBe('Pakasir');
      expect(parseTlv(payload).find((f) => f.tag === '01')!.value).toBe('12');
    },
  );

  it('uses the fee of the guide example', () => {
    expect(simulatedFee('qris', 99_000)).toBe(1_003);
    expect(simulatedFee('qris', 200_000)).toBe(2_000);
    expect(simulatedFee('bni_va', 99_000)).toBe(3_500);
    expect(simulatedFee('sampoerna_va', 99_000)).toBe(2_000);
  });
});
