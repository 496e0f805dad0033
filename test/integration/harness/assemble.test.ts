import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { assembleHarness } from '../../../src/harness/assemble';

/**
 * The one function every browser run starts the app with (dev:web, tests, e2e, bench): the
 * pages it serves carry the app's own Content-Security-Policy, the same one Electron's
 * app:// protocol sends and the html files carry, so a screen that works in the harness
 * works under the policy the shipped app enforces.
 */
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('assembleHarness', () => {
  it('serves the renderer under the shared CSP and closes the journal on close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pos-assemble-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const app = await assembleHarness({
      dataDir: join(dir, 'data'),
      version: 'test',
      rendererDir,
      services: { quiet: true, timeZone: 'Asia/Jakarta' },
    });
    try {
      expect(existsSync(app.downloadsDir)).toBe(true);
      const res = await fetch(`${app.harness.origin}/index.html`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).not.toContain('blob:');
      const view = await fetch(`${app.harness.origin}/api/call/getSettings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pos-token': app.harness.token },
        body: '{}',
      });
      expect(((await view.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await app.close();
    }
    await expect(fetch(`${app.harness.origin}/index.html`)).rejects.toThrow();
  });
});
