/** The size a picture is scaled to so its longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Quality steps tried, best first, until the encoded picture fits the size limit. */
export const QUALITY_STEPS = [0.85, 0.75, 0.6, 0.45] as const;

/** Base64 of bytes, in chunks (String.fromCharCode with a whole photo overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
