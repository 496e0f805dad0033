import { PNG } from 'pngjs';
import type { Decoded } from './decoder';
import { BOLD, REGULAR } from './receipt-font';

/**
 * Draws decoded printer bytes the way a 203 dpi thermal printer lays them out: 12x24 dot
 * characters (font A), 30-dot rows, raster images dot for dot, a dashed line where the
 * paper is cut. A drawer pulse is noted in grey above the paper. Used for the pictures in
 * docs/receipts and by tests that want to see a receipt.
 */
const CELL_W = 12;
const CELL_H = 24;
const ROW_H = 30;
const MARGIN = 24;
const NOTE_H = 40;

type Rgb = [number, number, number];
const INK: Rgb = [20, 20, 28];
const PAPER: Rgb = [255, 255, 255];
const DESK: Rgb = [222, 224, 228];
const NOTE: Rgb = [110, 116, 128];

export function renderReceiptPng(decoded: Decoded, printableDots: number): Buffer {
  let height = 0;
  for (const item of decoded.items) {
    if (item.type === 'line') height += ROW_H * Math.max(1, ...item.spans.map((s) => s.height));
    else if (item.type === 'image') height += item.height;
    else if (item.type === 'cut') height += 16;
  }
  const paperW = printableDots + 2 * MARGIN;
  const width = paperW + 2 * MARGIN;
  const total = NOTE_H + height + 2 * MARGIN + MARGIN;
  const png = new PNG({ width, height: total });
  const set = (x: number, y: number, c: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= total) return;
    const i = (y * width + x) * 4;
    png.data[i] = c[0];
    png.data[i + 1] = c[1];
    png.data[i + 2] = c[2];
    png.data[i + 3] = 255;
  };
  for (let y = 0; y < total; y++) for (let x = 0; x < width; x++) set(x, y, DESK);
  const paperTop = NOTE_H;
  for (let y = paperTop; y < total - MARGIN; y++) for (let x = MARGIN; x < MARGIN + paperW; x++) set(x, y, PAPER);

  const glyph = (ch: string, bold: boolean, x0: number, y0: number, sx: number, sy: number, color: Rgb) => {
    const rows = (bold ? BOLD : REGULAR).get(ch.codePointAt(0)!) ?? REGULAR.get(0x3f)!;
    for (let gy = 0; gy < CELL_H; gy++) {
      const bits = parseInt(rows.slice(gy * 3, gy * 3 + 3), 16);
      for (let gx = 0; gx < CELL_W; gx++) {
        if (!((bits >> (11 - gx)) & 1)) continue;
        for (let dy = 0; dy < sy; dy++)
          for (let dx = 0; dx < sx; dx++) set(x0 + gx * sx + dx, y0 + gy * sy + dy, color);
      }
    }
  };
  const note = (text: string, x0: number) => {
    let x = x0;
    for (const ch of text) {
      glyph(ch, false, x, 8, 1, 1, NOTE);
      x += CELL_W;
    }
  };
  if (decoded.pulses.length > 0) {
    const p = decoded.pulses[0]!;
    note(`ESC p ${p.pin} ${p.onUnits} ${p.offUnits}: cash drawer opens`, MARGIN);
  }

  const left = 2 * MARGIN;
  let y = paperTop + MARGIN;
  for (const item of decoded.items) {
    if (item.type === 'line') {
      const rowScale = Math.max(1, ...item.spans.map((s) => s.height));
      let x = left;
      for (const span of item.spans) {
        for (const ch of span.text) {
          // Glyphs sit on the row's baseline: a normal-size span beside a tall one drops down.
          glyph(ch, span.bold, x, y + (rowScale - span.height) * CELL_H, span.width, span.height, INK);
          x += CELL_W * span.width;
        }
      }
      y += ROW_H * rowScale;
    } else if (item.type === 'image') {
      for (let iy = 0; iy < item.height; iy++)
        for (let ix = 0; ix < item.width; ix++) if (item.dots[iy * item.width + ix]) set(left + ix, y + iy, INK);
      y += item.height;
    } else if (item.type === 'cut') {
      const cy = y + 8;
      // Dashes across paper and desk: the cut; a partial cut leaves a short bridge in the middle.
      for (let x = 0; x < width; x++) {
        const bridge = item.partial && Math.abs(x - width / 2) < 12;
        if (!bridge && Math.floor(x / 6) % 2 === 0) set(x, cy, NOTE);
      }
      y += 16;
    }
  }
  return PNG.sync.write(png);
}
