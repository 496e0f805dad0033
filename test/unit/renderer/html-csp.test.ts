import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_META } from '@shared/csp';

const root = resolve(import.meta.dirname, '../../../src/renderer');

describe('renderer html', () => {
  for (const page of ['index.html', 'customer.html', 'owner.html']) {
    it(`${page} carries the app's Content-Security-Policy and loads nothing from elsewhere`, () => {
      const html = readFileSync(resolve(root, page), 'utf8');
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
      expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<script>(?!<\/script>)/);
    });
  }
});
