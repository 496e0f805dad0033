import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse, resolveAppPath } from '../../../src/main/security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';

describe('resolveAppPath', () => {
  const root = join(tmpdir(), 'pos-root', 'renderer');

  it('maps app pages and assets under the root', () => {
    expect(resolveAppPath(root, 'app://pos/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pos')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://pos/customer.html?x=1#y')).toBe(join(root, 'customer.html'));
    expect(resolveAppPath(root, 'app://pos/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://pos/assets/My%20Font.woff2')).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it.each([
    'app://pos/../secret.txt',
    'app://pos/assets/../../secret.txt',
    'app://pos/./index.html',
    'app://pos/%2e%2e/secret.txt',
    'app://pos/%2E%2E/secret.txt',
    'app://pos/.%2e/secret.txt',
    'app://pos/assets%2f..%2f..%2fsecret.txt',
    'app://pos/assets%2F..%2F..%2Fsecret.txt',
    'app://pos/..%5c..%5csecret.txt',
    'app://pos/..\\..\\secret.txt',
    'app://pos/index.html%00.png',
    'app://pos//etc/passwd',
    'app://pos/C:/Windows/win.ini',
    'app://pos/%E0%A4%A',
    'app://evil/index.html',
    'app://pos.evil/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('decodes once: a double-encoded dot pair is a literal file name inside the root', () => {
    expect(resolveAppPath(root, 'app://pos/%252e%252e/x')).toBe(join(root, '%2e%2e', 'x'));
  });
});

describe('appProtocolResponse', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-proto-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<html>cashier</html>');
    writeFileSync(join(dir, 'renderer', 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files with their type and the CSP header', async () => {
    const res = await appProtocolResponse(join(dir, 'renderer'), 'app://pos/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<html>cashier</html>');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      (await appProtocolResponse(join(dir, 'renderer'), 'app://pos/assets/a.js')).headers.get('content-type'),
    ).toMatch(/javascript/);
  });

  it('answers 404 for traversal, missing files and unknown types', async () => {
    expect((await appProtocolResponse(join(dir, 'renderer'), 'app://pos/%2e%2e/secret.txt')).status).toBe(404);
    expect((await appProtocolResponse(join(dir, 'renderer'), 'app://pos/missing.html')).status).toBe(404);
    writeFileSync(join(dir, 'renderer', 'x.exe'), 'MZ');
    expect((await appProtocolResponse(join(dir, 'renderer'), 'app://pos/x.exe')).status).toBe(404);
  });
});

describe('CSP', () => {
  it('allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});
