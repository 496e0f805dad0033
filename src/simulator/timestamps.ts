/** The guide's two timestamp shapes, so clients meet what the real gateway sends. */

/** `2025-09-19T01:18:49.678622564Z`: UTC with nine fractional digits. */
export function nanoUtc(ms: number, nanos: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_m, millis: string) => `.${millis}${String(nanos % 1_000_000).padStart(6, '0')}Z`);
}

/** `2024-09-10T08:07:02.819+07:00`: Western Indonesian Time with milliseconds. */
export function wib(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().replace(/Z$/, '+07:00');
}
