/**
 * Pictures the owner puts on the customer display: the shop's logo and a few promotion
 * images. Limits are shared so the Settings screen can shrink a photo to fit before
 * sending it, and main refuses anything over them.
 */
export const DISPLAY_IMAGE_MAX_BYTES = 180 * 1024;
export const MAX_PROMO_IMAGES = 6;
/** Longest side the Settings screen scales a picture to before sending it. */
export const LOGO_MAX_SIDE = 512;
export const PROMO_MAX_SIDE = 1600;
/** How long each promotion image stays on the idle customer display. */
export const PROMO_SLIDE_MS = 8000;

export type DisplayImageSlot = 'logo' | 'promo';
export type DisplayImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface DisplayImage {
  /** Content hash: a new picture always has a new id. */
  id: string;
  type: DisplayImageType;
  bytes: number;
  /** data: URL, so the pages show it under their CSP (img-src 'self' data:) with no file access. */
  dataUrl: string;
}

export interface DisplayMediaView {
  logo: DisplayImage | null;
  promos: DisplayImage[];
}

/** What changed, without the pictures themselves: windows ask for them when an id is new. */
export interface DisplayMediaIndex {
  logo: string | null;
  promos: string[];
}

/** The picture's type from its first bytes; never from a file name the user chose. */
export function sniffImageType(bytes: Uint8Array): DisplayImageType | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a)
    return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  const ascii = (at: number, s: string) => [...s].every((c, i) => b(at + i) === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

/** A stored picture's id (its file name): a content hash and a known extension. */
export const DISPLAY_IMAGE_ID_PATTERN = /^[0-9a-f]{20}\.(png|jpg|webp)$/;

/** Base64 of at most the byte limit (4 characters per 3 bytes). */
export const DISPLAY_IMAGE_MAX_BASE64 = Math.ceil(DISPLAY_IMAGE_MAX_BYTES / 3) * 4;
