import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What main ships (out/main, built by `npm run build`, which `npm test` runs before this)
 * carries demo mode's plain simulator and none of the test machinery: no fault injection,
 * no `/__sim/` control plane beyond the sandbox payer. The markers are string literals, which
 * survive bundling and minifying, from src/simulator/lab only.
 */
const outMain = resolve(import.meta.dirname, '../../../out/main');

function bundleText(): string {
  if (!existsSync(outMain)) throw new Error(`${outMain} is missing: run npm run build before this test`);
  const files = readdirSync(outMain, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(c|m)?js$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  return files.map((f) => readFileSync(join(outMain, f), 'utf8')).join('\n');
}

describe('the shipped main bundle', () => {
  const text = bundleText();

  it('keeps demo mode: the plain simulator with its payer is there', () => {
    expect(text).toContain('transactioncreate');
    expect(text).toContain('create-transaction');
    expect(text).toContain('/__sim/pay');
  });

  it('carries no fault injection and no control plane', () => {
    for (const marker of [
      'times must be positive',
      'route must be one of',
      'POST faults',
      'DELETE faults',
      'POST reset',
      'GET transactions',
      'afterHandling',
      'wrongOrderId',
    ]) {
      expect(text, marker).not.toContain(marker);
    }
  });
});
