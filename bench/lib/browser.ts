import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/lib/find-chromium.mjs';
import { PAGE_PROBE } from './page-probe';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (found.path === null) throw new Error(found.problem);
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
}

/** A page in a fresh context (no shared cache) with the timing probe installed. */
export async function probedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: PAGE_PROBE });
  return context.newPage();
}
