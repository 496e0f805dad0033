import { chromium, type Browser } from 'playwright-core';
import { findChromium as search } from '../../../scripts/lib/find-chromium.mjs';
import { HEADLESS_CHROMIUM_ARGS } from '../../../testkit/chromium-args';

/**
 * Chromium for the end-to-end tests (see scripts/lib/find-chromium.mjs for where it looks).
 * With none, the suite's setup fails with a message saying how to get one, and npm test
 * counts its tests as failed: end-to-end tests are never skipped silently.
 */
export function findChromium(): string {
  const found = search();
  if (found.path === null) throw new Error(found.problem);
  return found.path;
}

export const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
