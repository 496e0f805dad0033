// `npm run receipts`: draws one printed document of each kind, on 58 mm and 80 mm paper, to
// docs/receipts/*.png. Each picture is made from the ESC/POS bytes the app sends to a printer,
// decoded back (text rows, raster images, cut, drawer pulse) and drawn dot for dot.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRINTABLE_DOTS, encodeEscPos } from '../src/main/printing/escpos-encode';
import { refundSlipDoc } from '../src/main/printing/layout-refund';
import { saleReceiptDoc } from '../src/main/printing/layout-sale';
import { zReportDoc } from '../src/main/printing/layout-z-report';
import type { ReceiptDoc } from '../src/main/printing/receipt-doc';
import type { PaperWidth } from '../src/shared/printing';
import { decodeEscPos } from '../test/support/escpos/decoder';
import { renderReceiptPng } from '../test/support/escpos/render-png';
import { CASH_SALE, QRIS_ITEMS_SALE, QRIS_SALE, REFUND, VA_SALE, Z_REPORT } from '../test/support/receipts';

const documents: [string, ReceiptDoc][] = [
  ['qris-sale', saleReceiptDoc(QRIS_SALE, { reprint: 0, openDrawer: false })],
  ['va-sale', saleReceiptDoc(VA_SALE, { reprint: 0, openDrawer: false })],
  ['qris-items-sale', saleReceiptDoc(QRIS_ITEMS_SALE, { reprint: 0, openDrawer: false })],
  ['qris-items-sale-reprint', saleReceiptDoc(QRIS_ITEMS_SALE, { reprint: 2, openDrawer: false })],
  ['cash-sale', saleReceiptDoc(CASH_SALE, { reprint: 0, openDrawer: true })],
  ['cash-sale-reprint', saleReceiptDoc(CASH_SALE, { reprint: 1, openDrawer: false })],
  ['refund-slip', refundSlipDoc(REFUND, { reprint: 0, openDrawer: true })],
  ['z-report', zReportDoc(Z_REPORT, { reprint: 0 })],
];

const out = resolve(import.meta.dirname, '../docs/receipts');
mkdirSync(out, { recursive: true });
for (const [name, doc] of documents) {
  for (const paper of [58, 80] as PaperWidth[]) {
    const bytes = encodeEscPos(doc, paper);
    const file = join(out, `${name}-${paper}mm.png`);
    writeFileSync(file, renderReceiptPng(decodeEscPos(bytes), PRINTABLE_DOTS[paper]));
    console.log(`${file} (${bytes.length} bytes of ESC/POS)`);
  }
}
