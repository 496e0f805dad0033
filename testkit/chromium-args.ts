/**
 * How the tests and the bench start Chromium: headless, with nothing of its own going on (no
 * background networking, updates or sync) that could land in a test or a timed window.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
