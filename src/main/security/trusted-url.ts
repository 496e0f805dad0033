/**
 * The two URL questions the shell asks, as small pure functions tested against lookalikes:
 * "is this page ours?" (may it navigate, may it call IPC) and "may we hand this link to the
 * system browser?". Both parse with WHATWG URL, compare exact parts, and refuse anything
 * ambiguous (backslashes, control characters, credentials, odd ports) instead of guessing.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';

/** Only Pakasir's own pages open outside the app (pay page links, the dashboard). */
const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['app.pakasir.com', 'pakasir.com']);

// Backslashes are read as slashes by some parsers and not others; whitespace and control
// characters are stripped by some. A URL that needs either is not one we produced.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const AMBIGUOUS = /[\\\s\u0000-\u001f\u007f]/;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096 || AMBIGUOUS.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: `app://pos/...` in production, or the electron-vite dev
 * server's origin when one is given (development only; index.ts passes it only when the app
 * is not packaged).
 */
export function isAppUrl(url: string, devServerUrl?: string | null): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  if (u.protocol === `${APP_SCHEME}:`) {
    return u.hostname.toLowerCase() === APP_HOST && u.port === '';
  }
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
    return u.origin === dev.origin;
  }
  return false;
}

/**
 * A WhatsApp "click to chat" link the app builds to send a payment link: exactly
 * https://wa.me/<digits>?text=... or https://api.whatsapp.com/send?phone=<digits>&text=...,
 * nothing else on those hosts (no other path, parameter or fragment).
 */
function isWhatsAppChat(u: URL): boolean {
  if (u.hash) return false;
  const params = [...u.searchParams.keys()];
  const phone = /^[1-9]\d{7,14}$/;
  if (u.hostname === 'wa.me') {
    return phone.test(u.pathname.slice(1)) && params.every((k) => k === 'text') && params.length <= 1;
  }
  if (u.hostname === 'api.whatsapp.com') {
    return (
      u.pathname === '/send' &&
      phone.test(u.searchParams.get('phone') ?? '') &&
      params.every((k) => k === 'phone' || k === 'text') &&
      new Set(params).size === params.length
    );
  }
  return false;
}

/**
 * True only for https pages on Pakasir's own hosts, and WhatsApp chat links, on the default
 * port, without credentials.
 */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:' || u.port !== '' || u.username || u.password) return false;
  return EXTERNAL_HOSTS.has(u.hostname) || isWhatsAppChat(u);
}
