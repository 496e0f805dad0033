import QRCode from 'qrcode';
import { PrinterError } from './printer-error';

/** Four modules of white around the code: the quiet zone scanners need. */
export const QR_QUIET_MODULES = 4;
/** Below two dots a module is too small for a phone camera on thermal paper. */
const MIN_MODULE_DOTS = 2;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(x: number, y: number): boolean;
}

/** The QR's modules, error correction M (readable with a crease or a smudge). */
export function qrMatrix(value: string): QrMatrix {
  const qr = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, as the encoder takes images in Node (no canvas). */
  data: Uint8ClampedArray;
}

/**
 * A QR as a printer bitmap, centred on the full printable width: a whole number of dots per
 * module (a fraction would make modules of uneven size, which scanners misread), as many as
 * fit up to maxModuleDots, and the quiet zone included. The width is the paper's printable
 * width, a multiple of 8 as GS v 0 needs.
 */
export function qrBitmap(value: string, printableDots: number, maxModuleDots: number): Bitmap & { moduleDots: number } {
  const m = qrMatrix(value);
  const span = m.size + 2 * QR_QUIET_MODULES;
  const moduleDots = Math.min(maxModuleDots, Math.floor(printableDots / span));
  if (moduleDots < MIN_MODULE_DOTS)
    throw new PrinterError('bad_job', `QR code of ${m.size} modules does not fit ${printableDots} dots`);
  const width = printableDots;
  const height = span * moduleDots;
  const left = Math.floor((width - span * moduleDots) / 2) + QR_QUIET_MODULES * moduleDots;
  const top = QR_QUIET_MODULES * moduleDots;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let my = 0; my < m.size; my++) {
    for (let mx = 0; mx < m.size; mx++) {
      if (!m.dark(mx, my)) continue;
      for (let dy = 0; dy < moduleDots; dy++) {
        const row = (top + my * moduleDots + dy) * width;
        for (let dx = 0; dx < moduleDots; dx++) {
          const i = (row + left + mx * moduleDots + dx) * 4;
          data[i] = 0;
          data[i + 1] = 0;
          data[i + 2] = 0;
        }
      }
    }
  }
  return { width, height, data, moduleDots };
}
