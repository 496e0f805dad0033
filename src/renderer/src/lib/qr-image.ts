/** Light modules around the code, as the QR standard asks and every wallet scanner expects. */
export const QUIET_ZONE = 4;

export interface QrFit {
  /** Modules per side, quiet zone included: the canvas's own pixel size. */
  modules: number;
  /** Device pixels per module. */
  scale: number;
  /** The side to show in CSS pixels: exactly `modules * scale` device pixels. */
  cssSide: number;
}

/**
 * The largest whole number of device pixels per module that fits `size` CSS pixels. Whole
 * device pixels, not CSS pixels: on a screen scaled to 125 % or 150 % (common on shop
 * laptops) a whole number of CSS pixels per module would land on 6 and 7 device pixels in
 * turn, and uneven modules are what a phone camera reads worst.
 */
export function fitQr(codeSize: number, size: number, devicePixelRatio: number): QrFit {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const modules = codeSize + 2 * QUIET_ZONE;
  const scale = Math.max(1, Math.floor((size * ratio) / modules));
  return { modules, scale, cssSide: (modules * scale) / ratio };
}

/**
 * One pixel per module, black on white, quiet zone included, into an RGBA buffer of
 * `modules * modules` pixels (`dark` is the code's own n x n matrix, row by row).
 */
export function paintModules(dark: ArrayLike<number | boolean>, codeSize: number, rgba: Uint8ClampedArray): void {
  rgba.fill(255);
  const modules = codeSize + 2 * QUIET_ZONE;
  for (let row = 0; row < codeSize; row += 1) {
    let at = ((row + QUIET_ZONE) * modules + QUIET_ZONE) * 4;
    for (let col = 0; col < codeSize; col += 1, at += 4) {
      if (!dark[row * codeSize + col]) continue;
      rgba[at] = 0;
      rgba[at + 1] = 0;
      rgba[at + 2] = 0;
    }
  }
}
