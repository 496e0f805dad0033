import type { Transport } from '@shared/contract/api';
import { createSocketTransport } from './socket-transport';
import { createPosApi, setPosApi, type PosApi } from './pos-api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser harness. */
    pos?: Transport;
  }
}

/**
 * Picks the transport at start: Electron's preload when present, else the browser harness
 * (which passes its loopback origin and per-run token in the page URL's fragment, so the
 * token never reaches a server log or a Referer header).
 */
export function initPosApi(): PosApi {
  let transport: Transport;
  if (window.pos) {
    transport = window.pos;
  } else {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const token = params.get('token') ?? sessionStorage.getItem('pos-token') ?? '';
    if (token) sessionStorage.setItem('pos-token', token);
    transport = createSocketTransport(window.location.origin, token);
  }
  const api = createPosApi(transport);
  setPosApi(api);
  return api;
}
