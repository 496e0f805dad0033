import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PRINTABLE_DOTS, encodeEscPos } from '../../../src/main/printing/escpos-encode';
import { saleReceiptDoc } from '../../../src/main/printing/layout-sale';
import { lineRows } from '../../../src/main/printing/receipt-doc';
import { renderReceiptHtml } from '../../../src/main/printing/receipt-html';
import { decodeEscPos } from '../../support/escpos/decoder';
import { renderReceiptPng } from '../../support/escpos/render-png';
import { CASH_SALE, QRIS_SALE } from '../../support/receipts';

describe('the receipt drawn from its bytes (docs/receipts)', () => {
  it('is a PNG as wide as the paper whose QR still reads', () => {
    const decoded = decodeEscPos(encodeEscPos(saleReceiptDoc(QRIS_SALE, { reprint: 0, openDrawer: false }), 58));
    const png = PNG.sync.read(renderReceiptPng(decoded, PRINTABLE_DOTS[58]));
    expect(png.width).toBe(384 + 4 * 24);
    expect(png.height).toBeGreaterThan(1000);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(QRIS_SALE.verification);
  });
});

describe('the page for OS printers', () => {
  const doc = saleReceiptDoc(
    { ...CASH_SALE, shop: { ...CASH_SALE.shop, name: 'Toko <b>&"Sari"</b>' } },
    { reprint: 0, openDrawer: true },
  );

  it('has the same rows as the ESC/POS bytes, escaped, and no script', () => {
    const page = renderReceiptHtml(doc, 58, 'KSR1-000044');
    for (const row of lineRows(doc, 32)) {
      if (row.type !== 'text' || !row.text.trim()) continue;
      const escaped = row.text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
      expect(page.html).toContain(escaped);
    }
    expect(page.html).not.toContain('<b>');
    expect(page.html).not.toMatch(/<script|src=|href=/i);
    expect(page.html).toContain("default-src 'none'");
  });

  it('is exactly the paper wide, in microns, and as tall as its rows', () => {
    const narrow = renderReceiptHtml(doc, 58, 'x');
    const wide = renderReceiptHtml(doc, 80, 'x');
    expect(narrow.widthMicrons).toBe(58_000);
    expect(wide.widthMicrons).toBe(80_000);
    // Same content, wider paper: fewer wrapped rows, never a taller page.
    expect(wide.heightMicrons).toBeLessThanOrEqual(narrow.heightMicrons);
    expect(narrow.heightMicrons).toBeGreaterThan(100_000);
    expect(narrow.html).toContain('@page { size: 58mm');
  });
});
