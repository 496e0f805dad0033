import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { fitQr, paintModules, QUIET_ZONE } from '@renderer/lib/qr-image';

const QRIS =
  '00020101021126610016ID.CO.SHOPEE.WWW01189360091800000000000204UMI52045812530336054062510005802ID5914TOKO SEJAHTERA6007JAKARTA6304A1B2';

/** The image as a phone camera sees it: every module `scale` pixels wide. */
function enlarge(rgba: Uint8ClampedArray, side: number, scale: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(side * scale * side * scale * 4);
  for (let y = 0; y < side * scale; y += 1)
    for (let x = 0; x < side * scale; x += 1) {
      const from = (Math.floor(y / scale) * side + Math.floor(x / scale)) * 4;
      out.set(rgba.subarray(from, from + 4), (y * side * scale + x) * 4);
    }
  return out;
}

describe('fitQr: a whole number of device pixels per module', () => {
  it('fills the space at the largest even module size, on screens scaled 100 % to 200 %', () => {
    for (const ratio of [1, 1.25, 1.5, 1.75, 2])
      for (const size of [180, 333, 517, 1000]) {
        const fit = fitQr(57, size, ratio);
        expect(fit.modules).toBe(57 + 2 * QUIET_ZONE);
        expect(Number.isInteger(fit.scale)).toBe(true);
        // Exactly modules * scale device pixels, and within the space given.
        expect(fit.cssSide * ratio).toBeCloseTo(fit.modules * fit.scale, 9);
        expect(fit.cssSide).toBeLessThanOrEqual(size);
        // One more device pixel per module would not fit.
        expect(((fit.scale + 1) * fit.modules) / ratio).toBeGreaterThan(size);
      }
  });

  it('still draws something in a space smaller than one pixel per module', () => {
    expect(fitQr(57, 20, 1)).toEqual({ modules: 65, scale: 1, cssSide: 65 });
  });

  it('treats an unknown or broken device pixel ratio as 1', () => {
    for (const ratio of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(fitQr(25, 330, ratio).scale).toBe(10);
  });
});

describe('paintModules: one pixel per module, quiet zone included', () => {
  const code = QRCode.create(QRIS, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const side = n + 2 * QUIET_ZONE;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(7);
  paintModules(code.modules.data, n, rgba);

  it('scans back to the exact payload once shown larger', () => {
    const scale = 4;
    const found = jsQR(enlarge(rgba, side, scale), side * scale, side * scale);
    expect(found?.data).toBe(QRIS);
  });

  it('leaves the quiet zone white and opaque, and paints each module black or white', () => {
    for (let y = 0; y < side; y += 1)
      for (let x = 0; x < side; x += 1) {
        const at = (y * side + x) * 4;
        const inCode = x >= QUIET_ZONE && y >= QUIET_ZONE && x < side - QUIET_ZONE && y < side - QUIET_ZONE;
        const dark = inCode && code.modules.data[(y - QUIET_ZONE) * n + (x - QUIET_ZONE)] === 1;
        expect([rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]]).toEqual(
          dark ? [0, 0, 0, 255] : [255, 255, 255, 255],
        );
      }
  });
});
