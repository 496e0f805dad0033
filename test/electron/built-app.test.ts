import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, EVENT_CHANNEL, callChannel, type Transport } from '../../src/shared/contract/api';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, ensureBuilt } from './built-output';
import { createElectronDouble, interceptElectron, preventable, type ElectronDouble } from './electron-double';

const require = createRequire(import.meta.url);
const SECURE = { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false };
const KEY = 'sk_shell_test_9Q7wXr2T';

async function until(what: string, check: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('built main process (out/main/index.js) against the Electron double', () => {
  let dir: string;
  let double: ElectronDouble;
  let restore: () => void;
  const appFrame = { senderFrame: { url: 'app://pos/index.html', parent: null } };
  const invoke = (name: string, input: unknown, event: unknown = appFrame) =>
    double.handlers.get(callChannel(name as never))!(event, input);

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pos-shell-'));
    double = createElectronDouble({
      userData: dir,
      displays: [
        { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
        { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } },
      ],
    });
    restore = interceptElectron(double);
    require(MAIN_BUNDLE);
    double.markReady();
    await until('both windows', () => double.windows.length >= 2 && double.handlers.size === CALL_NAMES.length);
  });

  afterAll(async () => {
    if (double) {
      double.app.quit();
      await until('the services to stop and the app to quit', () => double.app.quitCalls >= 2).catch(() => undefined);
    }
    restore?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers app:// as a privileged standard, secure scheme and serves it with the CSP', async () => {
    expect(double.protocolState.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const handler = double.protocolState.handlers.get('app')!;
    const traversal = await handler({ url: 'app://pos/%2e%2e/main/index.js' });
    expect(traversal.status).toBe(404);
    const res = await handler({ url: 'app://pos/index.html' });
    // The renderer may not be built yet; when it is, its page carries the policy header.
    if (res.status === 200) expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    else expect(res.status).toBe(404);
  });

  it('registers exactly one handler per contract call', () => {
    expect([...double.handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => callChannel(n)).sort());
  });

  it('creates the cashier and customer windows with the secure preferences and the built preload', () => {
    const cashier = double.windows.find((w) => w.loadedUrl === 'app://pos/index.html');
    const customer = double.windows.find((w) => w.loadedUrl === 'app://pos/customer.html');
    expect(cashier).toBeDefined();
    expect(customer).toBeDefined();
    for (const win of [cashier!, customer!]) {
      expect(win.options.webPreferences).toMatchObject(SECURE);
      expect(win.options.webPreferences.preload).toBe(PRELOAD_BUNDLE);
    }
  });

  it('puts the customer display full-screen on the second screen', () => {
    const customer = double.windows.find((w) => w.loadedUrl === 'app://pos/customer.html')!;
    expect(customer.fullScreen).toBe(true);
    expect(customer.bounds.x).toBe(1920);
  });

  it('denies window.open and opens only Pakasir pages in the system browser', async () => {
    for (const win of double.windows) {
      expect(win.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(win.webContents.windowOpenHandler!({ url: 'https://app.pakasir.com/pay/toko/5000' })).toEqual({
        action: 'deny',
      });
    }
    await until('openExternal', () => double.opened.length > 0);
    expect(new Set(double.opened)).toEqual(new Set(['https://app.pakasir.com/pay/toko/5000']));
  });

  it('blocks navigation and redirects away from the app, and webview attachment', () => {
    for (const win of double.windows) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const away = preventable();
        win.webContents.emit(name, away, 'https://evil.example/?next=app://pos/');
        expect(away.defaultPrevented).toBe(true);
        const home = preventable();
        win.webContents.emit(name, home, 'app://pos/index.html');
        expect(home.defaultPrevented).toBe(false);
      }
      const webview = preventable();
      win.webContents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);
    }
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      double.permission.request!(null, p, (g) => answers.push(g));
      expect(double.permission.check!(null, p)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false]);
  });

  it('answers the app page, refuses a foreign frame and invalid input', async () => {
    const ok = (await invoke('getSettings', {})) as { ok: boolean; value: { shopName: string } };
    expect(ok.ok).toBe(true);
    expect(ok.value.shopName).toBe('Toko Saya');
    expect(
      await invoke('getSettings', {}, { senderFrame: { url: 'https://evil.example/', parent: null } }),
    ).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await invoke('charge', { amount: -5, method: 'qris' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('keeps the API key in main: not in answers, events, logs or the environment', async () => {
    expect(await invoke('updateSettings', { projectSlug: 'toko', acceptInsecureStorage: false })).toMatchObject({
      ok: true,
    });
    const set = await invoke('setApiKey', { apiKey: KEY });
    expect(set).toMatchObject({ ok: true, value: { apiKeySet: true, apiKeyHint: KEY.slice(-4) } });
    await invoke('getSettings', {});
    await until('the settingsChanged event to reach the windows', () =>
      double.windows.every((w) =>
        w.webContents.sent.some((s) => (s.args[0] as { name?: string })?.name === 'settingsChanged'),
      ),
    );
    const sent = double.windows.flatMap((w) => w.webContents.sent);
    expect(sent.every((s) => s.channel === EVENT_CHANNEL)).toBe(true);
    expect(sent[0]!.args).toHaveLength(1);
    expect(Object.keys(sent[0]!.args[0] as object).sort()).toEqual(['name', 'payload']);
    expect(JSON.stringify(sent)).not.toContain(KEY);
    expect(JSON.stringify(set)).not.toContain(KEY);
    expect(JSON.stringify(process.env)).not.toContain(KEY);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name)).toString('latin1')).not.toContain(KEY);
    await invoke('clearApiKey', {});
  });

  it('turns the customer display off and on from settings', async () => {
    await invoke('updateSettings', { customerDisplayEnabled: false });
    await until('the customer window to close', () =>
      double.windows.filter((w) => w.loadedUrl === 'app://pos/customer.html').every((w) => w.destroyed),
    );
    await invoke('updateSettings', { customerDisplayEnabled: true });
    await until('a new customer window', () =>
      double.windows.some((w) => w.loadedUrl === 'app://pos/customer.html' && !w.destroyed),
    );
  });
});

describe('built preload (out/preload/index.cjs) against the Electron double', () => {
  let double: ElectronDouble;
  let api: Transport;

  beforeAll(() => {
    ensureBuilt();
    double = createElectronDouble({ userData: tmpdir() });
    const restore = interceptElectron(double);
    try {
      require(PRELOAD_BUNDLE);
    } finally {
      restore();
    }
    api = double.exposed.get('pos') as Transport;
  });

  it('exposes one object, `pos`, holding exactly the contract calls and `on`', () => {
    expect([...double.exposed.keys()]).toEqual(['pos']);
    expect(Object.keys(api).sort()).toEqual(['calls', 'on']);
    expect(Object.keys(api.calls).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.values(api.calls).every((f) => typeof f === 'function')).toBe(true);
  });

  it('each call invokes its fixed channel with only the input', async () => {
    await api.calls.cancelSale({ orderId: 'KSR1-1-0001' });
    expect(double.invokes.at(-1)).toEqual({ channel: callChannel('cancelSale'), args: [{ orderId: 'KSR1-1-0001' }] });
  });

  it('a listener receives only the payload of its event, never the IPC event object', () => {
    const got: unknown[][] = [];
    const off = api.on('notice', (...args: unknown[]) => got.push(args));
    const payload = { id: 'n1', level: 'info', key: 'k', params: {}, at: '2025-01-01T00:00:00Z' };
    double.ipcRenderer.deliver(EVENT_CHANNEL, { name: 'orderUpdated', payload: { orderId: 'x' } });
    double.ipcRenderer.deliver(EVENT_CHANNEL, { name: 'notice', payload });
    expect(got).toEqual([[payload]]);
    off();
    double.ipcRenderer.deliver(EVENT_CHANNEL, { name: 'notice', payload });
    expect(got).toHaveLength(1);
    expect(double.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    expect(() => api.on('bogus' as never, () => undefined)).toThrow();
  });
});
