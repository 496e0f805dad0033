import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { keypadReadyMs } from './lib/page-probe';
import type { QuietBrowser } from './lib/quiet-browser';
import { summarize, type Summary } from './lib/stats';

export interface BundleFigures {
  files: { name: string; bytes: number; gzipBytes: number }[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Every JavaScript file the built renderer ships (both windows), raw and gzip level 9. */
export function bundleSizes(rendererDir: string): BundleFigures {
  const assets = join(rendererDir, 'assets');
  const files = readdirSync(assets)
    .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
    .map((name) => {
      const data = readFileSync(join(assets, name));
      return { name, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
  const js = files.filter((f) => f.name.endsWith('.js'));
  return {
    files,
    jsBytes: js.reduce((a, f) => a + f.bytes, 0),
    jsGzipBytes: js.reduce((a, f) => a + f.gzipBytes, 0),
    cssGzipBytes: files.filter((f) => f.name.endsWith('.css')).reduce((a, f) => a + f.gzipBytes, 0),
  };
}

/**
 * Navigation start to the keypad's "1" key visible and enabled, in a fresh browser context
 * each time (no HTTP cache), as the page's own performance.now() reports it.
 */
export async function keypadReady(browser: QuietBrowser, cashierUrl: string, loads: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < loads; i += 1) {
    const page = await browser.newPage(cashierUrl);
    samples.push(await keypadReadyMs(page));
    await page.close();
  }
  return summarize(samples);
}
