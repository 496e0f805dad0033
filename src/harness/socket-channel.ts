import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, SOCKET_PATH, type ServerFrame } from '@shared/contract/socket-frames';
import { dispatch, type DispatchLog } from '../main/api/dispatch';
import type { AppServices } from '../main/app/service-types';

/**
 * The renderer's channel in the harness: calls and events over one WebSocket, as the
 * preload carries them over Electron IPC. A fetch per call cost the page 3 to 5 ms of its
 * main thread before the request left (the charge's click waited on it), a socket frame a
 * few hundredths of one.
 *
 * A WebSocket is not held back by CORS, so the upgrade itself is the trust boundary: the Host
 * must be this loopback server (no DNS rebinding), the Origin must be this server's own (no
 * other site's page can open it), and the query must carry the run's token.
 */
export interface SocketChannelOptions {
  services: AppServices;
  tokenOk(given: string | null | undefined): boolean;
  log?: DispatchLog;
}

export interface SocketChannel {
  /** Takes an HTTP upgrade, or refuses it; `host` is null when the Host header is not this loopback server. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, host: string | null): void;
  close(): void;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

/** One text frame from the page: a call to dispatch, or a refusal answered on the spot. */
async function answer(options: SocketChannelOptions, ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
  let frame: unknown;
  try {
    frame = isBinary ? undefined : JSON.parse(data.toString());
  } catch {
    frame = undefined;
  }
  const f = frame as { id?: unknown; call?: unknown; input?: unknown } | undefined;
  const id = typeof f?.id === 'number' && Number.isSafeInteger(f.id) ? f.id : null;
  if (!f || id === null || typeof f.call !== 'string') {
    return send(ws, {
      id,
      envelope: {
        ok: false,
        error: { code: 'invalid_input', message: 'The message is not a call: {id, call, input}.' },
      },
    });
  }
  const envelope = await dispatch(options.services.handlers, f.call, f.input, options.log);
  try {
    send(ws, { id, envelope });
  } catch (err) {
    // An answer that cannot be written as JSON still answers its call: without its id the
    // page would wait on it for ever (a charge button left busy).
    options.log?.warn('harness could not send an answer', {
      call: f.call,
      error: err instanceof Error ? err.message : String(err),
    });
    send(ws, { id, envelope: { ok: false, error: { code: 'internal', message: 'Harness error.' } } });
  }
}

export function socketChannel(options: SocketChannelOptions): SocketChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const unsubscribe = options.services.bus.onAny((event, payload) => {
    if (wss.clients.size === 0) return;
    const text = JSON.stringify({ event, payload } satisfies ServerFrame);
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });
  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => void answer(options, ws, data, isBinary));
    // A frame over the limit closes the socket (1009); the page reconnects.
    ws.on('error', () => ws.terminate());
  });
  return {
    upgrade(req, socket, head, host) {
      if (!host) return refuse(socket, 421, 'Misdirected Request');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname !== SOCKET_PATH) refuse(socket, 404, 'Not Found');
      else if (req.headers.origin !== `http://${host}`) refuse(socket, 403, 'Forbidden');
      else if (!options.tokenOk(url.searchParams.get('token'))) refuse(socket, 401, 'Unauthorized');
      else wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
