import { describe, expect, it } from 'vitest';
import { fitFont, lineCount, paymentLayout, stackSizes, type Block } from '@renderer/lib/customer-layout';
import { acceptedBanks, paidLines } from '@renderer/lib/customer-lines';
import { order } from './fixtures';

const blocks: Block[] = [
  { role: 'label', text: 'Total bayar' },
  { role: 'total', text: 'Rp 10.000.000' },
  { role: 'text', text: 'Scan dengan aplikasi QRIS apa saja' },
  { role: 'small', text: 'Nama merchant di aplikasi: Pakasir' },
  { role: 'small', text: 'Berlaku 14:59' },
];

describe('customer display sizes', () => {
  it('a total always fits its width on one line', () => {
    for (const width of [200, 346, 800, 2000]) {
      const font = fitFont('Rp 10.000.000', width, 500);
      expect(font * 13 * 0.72).toBeLessThanOrEqual(width);
    }
  });

  it('counts wrapped lines as words wrap, and breaks a word longer than a line', () => {
    expect(lineCount('satu dua tiga', 1000, 20)).toBe(1);
    expect(lineCount('satu dua tiga', 60, 20)).toBe(3);
    expect(lineCount('x'.repeat(50), 124, 20)).toBe(5);
  });

  it('the total is the largest text and the column fits its box, from 800x480 to 4K', () => {
    for (const [w, h] of [
      [346, 400],
      [420, 530],
      [1600, 2000],
      [1000, 700],
    ] as const) {
      const s = stackSizes(blocks, w, h);
      expect(s.height).toBeLessThanOrEqual(h);
      for (const role of ['label', 'text', 'small'] as const) expect(s.fonts[role]).toBeLessThan(s.fonts.total);
    }
  });

  it('landscape puts the QR beside the words, portrait above them; the QR is as big as fits', () => {
    const wide = paymentLayout(800, 443, blocks);
    expect(wide.orientation).toBe('landscape');
    expect(wide.visual + wide.side.width + 2 * wide.pad + wide.gap).toBeLessThanOrEqual(800);
    expect(wide.visual).toBeLessThanOrEqual(443 - 2 * wide.pad);
    // A QRIS code is at most ~65 modules with its quiet zone: 4 px each needs 260 px.
    expect(wide.visual).toBeGreaterThanOrEqual(260);
    const tall = paymentLayout(1080, 1883, blocks);
    expect(tall.orientation).toBe('portrait');
    expect(tall.visual + tall.side.height + 2 * tall.pad + tall.gap).toBeLessThanOrEqual(1883);
  });
});

describe('amounts on the thank-you screen', () => {
  it('one line today; cash adds what was handed over and the change', () => {
    const sale = order({ state: 'paid', totalPayment: 25_000 });
    expect(paidLines(sale)).toEqual([{ kind: 'total', amount: 25_000 }]);
    expect(paidLines(sale, { tendered: 50_000 })).toEqual([
      { kind: 'total', amount: 25_000 },
      { kind: 'cash', amount: 50_000 },
      { kind: 'change', amount: 25_000 },
    ]);
  });

  it('names each bank once', () => {
    const banks = acceptedBanks();
    expect(banks).toContain('BNI');
    expect(new Set(banks).size).toBe(banks.length);
  });
});
