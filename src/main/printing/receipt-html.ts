import { PAPER_COLUMNS, type PaperWidth } from '@shared/printing';
import { PRINTABLE_DOTS } from './escpos-encode';
import { QR_QUIET_MODULES, qrMatrix } from './qr-bitmap';
import { lineRows, type ReceiptDoc } from './receipt-doc';

/**
 * The same rows as the ESC/POS bytes, as a page for printers the operating system drives
 * (Electron's silent print) and for the browser harness, which saves it as a file. Sizes are
 * in millimetres of a 203 dpi printer: 30-dot rows, 12-dot characters, whole-dot QR modules,
 * so the paper looks the same through either path. No script, no external resource.
 */
const DOT_MM = 25.4 / 203;
const ROW_MM = 30 * DOT_MM;
const CHAR_MM = 12 * DOT_MM;
/** Paper margin left and right of the printable area. */
const SIDE_MM: Record<PaperWidth, number> = { 58: 5, 80: 4 };
const TOP_MM = 3;
/** What the printer feeds before the cut. */
const BOTTOM_MM = 12;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function qrSvg(value: string, printableDots: number, maxModuleDots: number): { svg: string; heightMm: number } {
  const m = qrMatrix(value);
  const span = m.size + 2 * QR_QUIET_MODULES;
  const moduleDots = Math.max(1, Math.min(maxModuleDots, Math.floor(printableDots / span)));
  const sizeMm = span * moduleDots * DOT_MM;
  let path = '';
  for (let y = 0; y < m.size; y++)
    for (let x = 0; x < m.size; x++)
      if (m.dark(x, y)) path += `M${x + QR_QUIET_MODULES} ${y + QR_QUIET_MODULES}h1v1h-1z`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${span} ${span}" width="${sizeMm.toFixed(3)}mm" ` +
    `height="${sizeMm.toFixed(3)}mm" shape-rendering="crispEdges"><rect width="${span}" height="${span}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/></svg>`;
  return { svg, heightMm: sizeMm };
}

export interface ReceiptPage {
  html: string;
  /** Page size for the print call, in microns. */
  widthMicrons: number;
  heightMicrons: number;
}

export function renderReceiptHtml(doc: ReceiptDoc, paper: PaperWidth, title: string): ReceiptPage {
  const columns = PAPER_COLUMNS[paper];
  let heightMm = TOP_MM + BOTTOM_MM;
  const body: string[] = [];
  for (const row of lineRows(doc, columns)) {
    if (row.type === 'qr') {
      const { svg, heightMm: h } = qrSvg(row.value, PRINTABLE_DOTS[paper], row.maxModuleDots);
      body.push(`<div class="qr">${svg}</div>`);
      heightMm += h;
      continue;
    }
    const cls = [row.bold ? 'b' : '', row.size === 2 ? 'x2' : ''].filter(Boolean).join(' ');
    body.push(`<div${cls ? ` class="${cls}"` : ''}>${escapeHtml(row.text) || '&nbsp;'}</div>`);
    heightMm += ROW_MM * row.size;
  }
  const side = SIDE_MM[paper];
  const fontMm = CHAR_MM / 0.6;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: ${paper}mm ${heightMm.toFixed(1)}mm; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
main { width: ${paper - 2 * side}mm; padding: ${TOP_MM}mm ${side}mm ${BOTTOM_MM}mm }
main div { font: ${fontMm.toFixed(3)}mm/${ROW_MM.toFixed(3)}mm "DejaVu Sans Mono", Consolas, "Courier New", monospace;
  white-space: pre; overflow: hidden; height: ${ROW_MM.toFixed(3)}mm }
main div.b { font-weight: bold }
main div.x2 { font-size: ${(fontMm * 2).toFixed(3)}mm; line-height: ${(ROW_MM * 2).toFixed(3)}mm; height: ${(ROW_MM * 2).toFixed(3)}mm }
main div.qr { height: auto; text-align: center; line-height: 0 }
</style></head>
<body><main>
${body.join('\n')}
</main></body></html>
`;
  return { html, widthMicrons: paper * 1000, heightMicrons: Math.ceil(heightMm * 1000) };
}
