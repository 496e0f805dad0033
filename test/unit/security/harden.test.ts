import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, type WebContentsLike } from '../../../src/main/security/harden';
import { isAllowedExternalUrl, isAppUrl } from '../../../src/main/security/trusted-url';

type Ev = { prevented: boolean; preventDefault(): void };
const ev = (): Ev => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

function fakeContents() {
  const listeners = new Map<string, (event: Ev, url?: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
    on(name: string, l: (event: Ev, url?: string) => void) {
      listeners.set(name, l);
      return contents;
    },
  };
  return { contents: contents as unknown as WebContentsLike, listeners, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  const setup = () => {
    const opened: string[] = [];
    const f = fakeContents();
    hardenWebContents(f.contents, {
      isAppUrl: (u) => isAppUrl(u),
      isAllowedExternalUrl,
      openExternal: (u) => opened.push(u),
    });
    return { ...f, opened };
  };

  it('denies every window.open and hands only Pakasir pages to the system browser', async () => {
    const { open, opened } = setup();
    expect(open('https://app.pakasir.com/pay/warung/5000?order_id=KSR1-1')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://pos/index.html')).toEqual({ action: 'deny' });
    await new Promise((r) => setImmediate(r));
    expect(opened).toEqual(['https://app.pakasir.com/pay/warung/5000?order_id=KSR1-1']);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s is blocked unless the target is an app page',
    (name) => {
      const { listeners } = setup();
      const away = ev();
      listeners.get(name)!(away, 'https://app.pakasir.com/');
      expect(away.prevented).toBe(true);
      const evil = ev();
      listeners.get(name)!(evil, 'https://evil.example/?next=app://pos/');
      expect(evil.prevented).toBe(true);
      const home = ev();
      listeners.get(name)!(home, 'app://pos/customer.html');
      expect(home.prevented).toBe(false);
    },
  );

  it('prevents webview attachment', () => {
    const { listeners } = setup();
    const e = ev();
    listeners.get('will-attach-webview')!(e);
    expect(e.prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((c: unknown, p: string) => boolean) | null = null;
    let device: ((d: unknown) => boolean) | null = null;
    hardenSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'serial',
    ]) {
      const answers: boolean[] = [];
      request!(null, permission, (g) => answers.push(g));
      expect(answers).toEqual([false]);
      expect(check!(null, permission)).toBe(false);
    }
    expect(device!({})).toBe(false);
  });

  it("lets only the app's own pages write to the clipboard (copy VA number), and never read it", () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((c: unknown, p: string) => boolean) | null = null;
    hardenSession(
      { setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) },
      undefined,
      (url) => url.startsWith('app://pos/'),
    );
    const app = { getURL: () => 'app://pos/index.html' };
    const foreign = { getURL: () => 'https://evil.example/' };
    const answers: boolean[] = [];
    request!(app, 'clipboard-sanitized-write', (g) => answers.push(g));
    request!(foreign, 'clipboard-sanitized-write', (g) => answers.push(g));
    request!(app, 'clipboard-read', (g) => answers.push(g));
    expect(answers).toEqual([true, false, false]);
    expect(check!(app, 'clipboard-sanitized-write')).toBe(true);
    expect(check!(foreign, 'clipboard-sanitized-write')).toBe(false);
  });
});
