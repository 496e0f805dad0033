import type { Language } from '@shared/domain';
import { PAPER_COLUMNS, type PaperWidth } from '@shared/printing';
import type { ReceiptDoc } from './receipt-doc';
import { formatReceiptTime } from './receipt-format';
import { labelsFor } from './receipt-labels';

/**
 * The test page: proves the text width (a ruler of exactly one line), the bold and large
 * text, the QR image and the cut. Never opens the drawer.
 */
export function testPageDoc(opts: {
  shopName: string;
  language: Language;
  paperWidth: PaperWidth;
  at: Date;
  timeZone: string;
}): ReceiptDoc {
  const l = labelsFor(opts.language);
  const cols = PAPER_COLUMNS[opts.paperWidth];
  const ruler = Array.from({ length: cols }, (_, i) => String((i + 1) % 10)).join('');
  return {
    openDrawer: false,
    blocks: [
      { type: 'text', text: opts.shopName, align: 'center', bold: true, size: 2 },
      { type: 'text', text: l('testTitle'), align: 'center', bold: true },
      { type: 'rule', char: '=' },
      { type: 'text', text: l('testLine') },
      { type: 'text', text: l('testPaper', { mm: opts.paperWidth, cols }) },
      { type: 'text', text: ruler },
      { type: 'text', text: formatReceiptTime(opts.at.toISOString(), opts.timeZone) },
      { type: 'rule' },
      { type: 'text', text: l('testQr'), align: 'center' },
      { type: 'qr', value: `PRINTER-TEST ${opts.at.toISOString()}`, maxModuleDots: 6 },
      { type: 'rule', char: '=' },
    ],
  };
}
