import type { Page } from 'playwright-core';

/** The owner's page at a desk's two widths and a phone's. */
const OWNER_SIZES = [
  [1366, 768],
  [1024, 768],
  [390, 844],
] as const;

/**
 * A screenshot of the owner's page at each size into `file(width)`, the phone's of the whole
 * page; `show` brings the part being looked at into view first. Leaves the desk's size.
 */
export async function shootOwnerSizes(
  page: Page,
  file: (width: number) => string,
  show?: () => Promise<void>,
): Promise<void> {
  for (const [width, height] of OWNER_SIZES) {
    await page.setViewportSize({ width, height });
    await show?.();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await page.screenshot({ path: file(width), fullPage: width === 390 });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
