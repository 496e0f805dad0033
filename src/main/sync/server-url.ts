import { PosError } from '@shared/errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** 10/8, 172.16/12, 192.168/16: a shop server on the shop's own network. */
function isPrivateIpv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The shop server's address. https anywhere; plain http only to this computer or to a
 * private address on the shop's own network (a box under the counter often has no
 * certificate). The till token rides every call, and the server never decides anything
 * about money on the till, so a LAN without TLS risks the owner's figures, never a sale.
 */
export function normalizeShopServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new PosError('invalid_input', 'The shop server address is not a valid address.', [
      { path: 'serverUrl', message: 'not a URL' },
    ]);
  }
  const plainOk = url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || isPrivateIpv4(url.hostname));
  if (url.protocol !== 'https:' && !plainOk)
    throw new PosError(
      'invalid_input',
      'The shop server address must start with https:// (plain http only inside the shop network).',
      [{ path: 'serverUrl', message: 'must be https' }],
    );
  if (url.username || url.password || url.search || url.hash)
    throw new PosError(
      'invalid_input',
      'The shop server address must not carry a user name, password, query or fragment.',
      [{ path: 'serverUrl', message: 'only scheme, host, port and path' }],
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
