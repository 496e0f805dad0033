import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { PAPER_COLUMNS, type PaperWidth } from '@shared/printing';
import { qrBitmap } from './qr-bitmap';
import { lineRows, type ReceiptDoc } from './receipt-doc';

/** Printable dots across the paper at 203 dpi: 48 mm of a 58 mm roll, 72 mm of an 80 mm roll. */
export const PRINTABLE_DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };

/**
 * ESC p 0 25 250: pulse drawer pin 2 for 50 ms on, 500 ms off (the units are 2 ms), the
 * timing most drawers sold with thermal printers expect. The encoder's pulse() takes ms.
 */
export const DRAWER_PULSE = { device: 0, onMs: 50, offMs: 500 } as const;

/**
 * A document as ESC/POS bytes: font A, rows exactly as lineRows() made them, the QR as a
 * GS v 0 raster image (many cheap printers have no QR command), the drawer pulse first so
 * the drawer opens while the receipt prints, then a feed and a partial cut.
 * Code page 437 only: the printable ASCII that receipts use is the same in every code page,
 * and a character it lacks prints as "?" rather than as a wrong letter.
 */
export function encodeEscPos(doc: ReceiptDoc, paper: PaperWidth): Uint8Array {
  const columns = PAPER_COLUMNS[paper];
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    imageMode: 'raster',
    feedBeforeCut: 4,
    newline: '\n',
    codepageMapping: 'epson',
    codepageCandidates: ['cp437'],
  });
  encoder.initialize();
  if (doc.openDrawer) encoder.pulse(DRAWER_PULSE.device, DRAWER_PULSE.onMs, DRAWER_PULSE.offMs);
  for (const row of lineRows(doc, columns)) {
    if (row.type === 'qr') {
      const bitmap = qrBitmap(row.value, PRINTABLE_DOTS[paper], row.maxModuleDots);
      encoder.image(bitmap, { width: bitmap.width, height: bitmap.height, algorithm: 'threshold', mode: 'raster' });
      continue;
    }
    encoder.bold(row.bold);
    if (row.size === 2) encoder.size(2, 2);
    encoder.line(row.text.trimEnd());
    if (row.size === 2) encoder.size(1, 1);
    if (row.bold) encoder.bold(false);
  }
  encoder.cut('partial');
  return encoder.encode();
}
