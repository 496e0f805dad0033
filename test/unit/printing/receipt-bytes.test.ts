import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { DRAWER_PULSE, PRINTABLE_DOTS, encodeEscPos } from '../../../src/main/printing/escpos-encode';
import { refundSlipDoc } from '../../../src/main/printing/layout-refund';
import { saleReceiptDoc } from '../../../src/main/printing/layout-sale';
import { testPageDoc } from '../../../src/main/printing/layout-test-page';
import { zReportDoc } from '../../../src/main/printing/layout-z-report';
import { QR_QUIET_MODULES, qrBitmap } from '../../../src/main/printing/qr-bitmap';
import { snapshotSchema } from '../../../src/main/printing/snapshot';
import { PAPER_COLUMNS, type PaperWidth } from '../../../src/shared/printing';
import { decodeEscPos, imageToRgba, type Decoded } from '../../support/escpos/decoder';
import { CASH_SALE, QRIS_SALE, REFUND, VA_SALE, Z_REPORT } from '../../support/receipts';

const PAPERS: PaperWidth[] = [58, 80];

function readQr(d: Decoded, index = 0): string | null {
  const img = d.images[index];
  if (!img) return null;
  return jsQR(imageToRgba(img), img.width, img.height)?.data ?? null;
}

/** Text rows only fit the paper when every row is at most its width in characters. */
function expectFits(d: Decoded, paper: PaperWidth): void {
  for (const item of d.items) {
    if (item.type !== 'line') continue;
    const cells = item.spans.reduce((n, s) => n + s.text.trimEnd().length * s.width, 0);
    expect(cells, item.text).toBeLessThanOrEqual(PAPER_COLUMNS[paper]);
  }
}

/** Every shipped sample parses: the fixtures are what the counter will hand over. */
it('the sample documents are valid snapshots', () => {
  for (const s of [QRIS_SALE, VA_SALE, CASH_SALE, REFUND, Z_REPORT]) expect(snapshotSchema.parse(s)).toEqual(s);
});

describe.each(PAPERS)('a sale receipt on %i mm paper', (paper) => {
  const qris = decodeEscPos(encodeEscPos(saleReceiptDoc(QRIS_SALE, { reprint: 0, openDrawer: false }), paper));
  const cash = decodeEscPos(encodeEscPos(saleReceiptDoc(CASH_SALE, { reprint: 0, openDrawer: true }), paper));

  it('starts with ESC @ and ends with a feed and one partial cut (GS V 1)', () => {
    for (const d of [qris, cash]) {
      expect(d.commands[0]).toEqual({ name: 'initialize', at: 0, bytes: [0x1b, 0x40] });
      expect(d.cuts).toEqual([{ type: 'cut', partial: true }]);
      expect(d.commands.filter((c) => c.name === 'cut').map((c) => c.bytes)).toEqual([[0x1d, 0x56, 0x01]]);
      const cutAt = d.items.findIndex((i) => i.type === 'cut');
      const before = d.items.slice(cutAt - 4, cutAt);
      expect(before.every((i) => i.type === 'line' && i.text === '')).toBe(true);
    }
  });

  it('prints the shop, number, time in the shop zone, amount, method, fee and who bore it, ids and LUNAS', () => {
    const text = qris.lines.join('\n');
    expect(qris.lines.map((l) => l.trim())).toContain('Warung Bu Sari');
    expect(text).toContain('Jl. Merdeka 12, Bandung');
    expect(text).toMatch(/No\. struk +KSR1-000042/);
    // 07:03 UTC is 14:03 in Jakarta: the shop's zone, whatever the machine's.
    expect(text).toMatch(/Tanggal +25-11-2026 14:03 WIB/);
    expect(text).toMatch(/TOTAL +Rp 22\.000/);
    expect(text).toMatch(/Metode +QRIS/);
    expect(text).toMatch(/Biaya layanan +Rp 464/);
    expect(text).toContain('(ditanggung pembeli)');
    expect(text).toMatch(/Dibayar +Rp 22\.464/);
    expect(text).toContain('KSR1-20261125-000107');
    expect(text).toContain('txn_01JD8X4Q2M7K');
    expect(qris.lines.map((l) => l.trim())).toContain('LUNAS');
    expect(text).not.toContain('CETAK ULANG');
    expectFits(qris, paper);
  });

  it('marks LUNAS and the shop name in bold double size', () => {
    for (const word of ['LUNAS', 'Warung Bu Sari']) {
      const line = qris.items.find((i) => i.type === 'line' && i.text.trim() === word);
      expect(line && line.type === 'line' && line.spans.find((s) => s.text.trim() === word)).toMatchObject({
        bold: true,
        width: 2,
        height: 2,
      });
    }
  });

  it('lists the items of a cash sale with the cash tendered and the change', () => {
    const text = cash.lines.join('\n');
    expect(text).toContain('Kopi susu gula aren');
    expect(text).toMatch(/2 x Rp 18\.000 +Rp 36\.000/);
    expect(text).toMatch(/Roti bakar cokelat keju +Rp 22\.000|Roti bakar cokelat keju\n +Rp 22\.000/);
    expect(text).toMatch(/TOTAL +Rp 73\.000/);
    expect(text).toMatch(/Metode +Tunai/);
    expect(text).toMatch(/Tunai +Rp 100\.000/);
    expect(text).toMatch(/Kembali +Rp 27\.000/);
    expect(text).toMatch(/Kasir +Sari/);
    expect(text).not.toContain('Order ID');
    expectFits(cash, paper);
  });

  it('pulses the cash drawer (ESC p 0 25 250) on a cash sale only, before the text', () => {
    expect(cash.pulses).toEqual([{ type: 'pulse', pin: 0, onUnits: 25, offUnits: 250 }]);
    expect(cash.commands.find((c) => c.name === 'pulse')!.bytes).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    const pulseAt = cash.items.findIndex((i) => i.type === 'pulse');
    const firstText = cash.items.findIndex((i) => i.type === 'line' && i.text.trim() !== '');
    expect(pulseAt).toBeLessThan(firstText);
    expect(qris.pulses).toEqual([]);
    expect(DRAWER_PULSE.onMs / 2).toBe(25);
  });

  it('prints the verification QR as a GS v 0 raster image that a QR reader decodes', () => {
    for (const [d, s] of [
      [qris, QRIS_SALE],
      [cash, CASH_SALE],
    ] as const) {
      expect(d.images).toHaveLength(1);
      expect(d.images[0]!.width).toBe(PRINTABLE_DOTS[paper]);
      expect(d.commands.some((c) => c.name === 'raster' && c.bytes[2] === 0x30)).toBe(true);
      expect(readQr(d)).toBe(s.verification);
    }
  });

  it('marks a reprint with its number and never opens the drawer again', () => {
    const copy = decodeEscPos(encodeEscPos(saleReceiptDoc(CASH_SALE, { reprint: 2, openDrawer: false }), paper));
    expect(copy.lines.map((l) => l.trim())).toContain('*** CETAK ULANG #2 ***');
    expect(copy.pulses).toEqual([]);
  });
});

describe('other documents', () => {
  it('a VA receipt shows the bank, the VA number and that the shop bore the fee', () => {
    const d = decodeEscPos(encodeEscPos(saleReceiptDoc(VA_SALE, { reprint: 0, openDrawer: false }), 58));
    const text = d.lines.join('\n');
    expect(text).toMatch(/Metode +VA BNI/);
    expect(text).toMatch(/No\. VA +8808123456789012/);
    expect(text).toContain('(ditanggung toko)');
    expect(text).not.toContain('Dibayar');
    expect(readQr(d)).toBe(VA_SALE.verification);
  });

  it('a fee shared between customer and shop says who paid which part', () => {
    const split = { ...QRIS_SALE, fee: 3_000, feeOnCustomer: 1_000, totalPaid: 23_000 };
    const d = decodeEscPos(encodeEscPos(saleReceiptDoc(split, { reprint: 0, openDrawer: false }), 80));
    expect(d.lines.join('\n')).toContain('(pembeli Rp 1.000, toko Rp 2.000)');
    expect(d.lines.join('\n')).toMatch(/Dibayar +Rp 23\.000/);
  });

  it('a refund slip names the original receipt, the amount, how it went back, the note and who', () => {
    const d = decodeEscPos(encodeEscPos(refundSlipDoc(REFUND, { reprint: 0, openDrawer: true }), 58));
    const text = d.lines.join('\n');
    expect(text).toContain('BUKTI PENGEMBALIAN DANA');
    expect(text).toMatch(/No\. refund +KSR1-R00003/);
    expect(text).toMatch(/Struk asal +KSR1-000044/);
    expect(text).toMatch(/Dikembalikan +Rp 22\.000/);
    expect(text).toMatch(/Cara kembali +Tunai/);
    expect(text).toMatch(/Oleh +Sari/);
    expect(text).toContain('Roti gosong');
    expect(d.pulses).toHaveLength(1);
    expect(d.cuts).toHaveLength(1);
    expectFits(d, 58);
  });

  it('a Z report shows per-method totals, fees, refunds, cash movements, expected and counted cash and the difference', () => {
    for (const paper of PAPERS) {
      const d = decodeEscPos(encodeEscPos(zReportDoc(Z_REPORT, { reprint: 0 }), paper));
      const text = d.lines.join('\n');
      expect(text).toMatch(/Tunai \(31\) +Rp 1\.245\.000/);
      expect(text).toMatch(/QRIS \(54\) +Rp 2\.310\.500/);
      expect(text).toMatch(/Total \(87\) +Rp 4\.255\.500/);
      expect(text).toMatch(/Dibayar pembeli +Rp 19\.870/);
      expect(text).toMatch(/Ditanggung toko +Rp 7\.000/);
      expect(text).toMatch(/Total refund +Rp 22\.000/);
      expect(text).toMatch(/Keluar Beli es batu +-Rp 75\.000/);
      expect(text).toMatch(/Seharusnya +Rp 1\.648\.000/);
      expect(text).toMatch(/Dihitung +Rp 1\.645\.000/);
      expect(text).toMatch(/Selisih +-Rp 3\.000/);
      expect(d.pulses).toEqual([]);
      expect(d.images).toEqual([]);
      expectFits(d, paper);
    }
  });

  it('prints English words when the shop used English', () => {
    const d = decodeEscPos(
      encodeEscPos(saleReceiptDoc({ ...QRIS_SALE, language: 'en' }, { reprint: 1, openDrawer: false }), 58),
    );
    const text = d.lines.join('\n');
    expect(text).toContain('PAID');
    expect(text).toContain('REPRINT #1');
    expect(text).toMatch(/Receipt no\. +KSR1-000042/);
    expect(text).not.toContain('LUNAS');
  });

  it('a demo or sandbox sale says it is not real money', () => {
    const d = decodeEscPos(
      encodeEscPos(saleReceiptDoc({ ...QRIS_SALE, notRealMoney: true }, { reprint: 0, openDrawer: false }), 58),
    );
    expect(d.lines.map((l) => l.trim())).toContain('*** BUKAN UANG SUNGGUHAN ***');
  });

  it('the test page prints a ruler of exactly one line and a readable QR', () => {
    for (const paper of PAPERS) {
      const doc = testPageDoc({
        shopName: 'Warung',
        language: 'id',
        paperWidth: paper,
        at: new Date('2026-11-25T07:00:00Z'),
        timeZone: 'Asia/Makassar',
      });
      const d = decodeEscPos(encodeEscPos(doc, paper));
      const ruler = d.lines.find((l) => /^1234567890/.test(l))!;
      expect(ruler).toHaveLength(PAPER_COLUMNS[paper]);
      expect(d.lines.join('\n')).toContain('25-11-2026 15:00 WITA');
      expect(readQr(d)).toBe('PRINTER-TEST 2026-11-25T07:00:00.000Z');
      expect(d.pulses).toEqual([]);
    }
  });
});

describe('text from the shop cannot reach the printer as commands', () => {
  it('strips ESC, GS, DLE and other control characters from every field', () => {
    const evil = {
      ...QRIS_SALE,
      shop: { ...QRIS_SALE.shop, name: 'Toko\x1bp\x00\x19\xfaJahat' },
      note: 'a\x1dV\x00b\x10\x04\x01c',
    };
    const d = decodeEscPos(encodeEscPos(saleReceiptDoc(evil, { reprint: 0, openDrawer: false }), 58));
    expect(d.pulses).toEqual([]);
    expect(d.cuts).toHaveLength(1);
    expect(d.items.filter((i) => i.type === 'status_request')).toEqual([]);
    expect(d.lines.join('\n')).toContain('Catatan: a V b c');
  });
});

describe('QR images', () => {
  it('use whole dots per module and keep a quiet zone of 4 modules', () => {
    const value = QRIS_SALE.verification;
    const bmp = qrBitmap(value, 384, 5);
    const dark = (x: number, y: number) => bmp.data[(y * bmp.width + x) * 4] === 0;
    // The first dark dot from the top-left: the finder pattern's corner, after 4 white modules.
    let top = -1;
    for (let y = 0; y < bmp.height && top < 0; y++) for (let x = 0; x < bmp.width; x++) if (dark(x, y)) top = y;
    expect(top).toBe(QR_QUIET_MODULES * bmp.moduleDots);
    expect(Number.isInteger(bmp.moduleDots)).toBe(true);
    expect(bmp.height % bmp.moduleDots).toBe(0);
  });

  it('a full QRIS payment payload fits 58 mm paper and still reads back', () => {
    const payload =
      '00020101021226610016ID.CO.SHOPEE.WWW01189360091800000000000202150000000000000000303UME51440014ID.CO.QRIS.WWW0215ID10243211234560303UME5204581253033605405224645802ID5914Warung Bu Sari6007Bandung61054011162070703A0163048A5C';
    const d = decodeEscPos(
      encodeEscPos({ openDrawer: false, blocks: [{ type: 'qr', value: payload, maxModuleDots: 8 }] }, 58),
    );
    expect(d.images[0]!.width).toBe(384);
    expect(readQr(d)).toBe(payload);
  });
});
