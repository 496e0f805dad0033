import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { basename } from 'node:path';
import { EVENT_NAMES } from '@shared/contract/api';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { dispatch, type DispatchLog } from '../main/api/dispatch';
import type { AppServices } from '../main/app/service-types';
import { socketChannel } from './socket-channel';
import { resolveInside, serveFile } from './static-files';

/**
 * The browser harness: main's real services in plain Node, the real renderer in a browser.
 * It carries the same contract as the Electron preload over loopback:
 *   GET  /api/socket?token=  WebSocket, the renderer's channel: calls and events as JSON
 *                           frames (socket-channel.ts, shared/contract/socket-frames.ts).
 *   POST /api/call/{name}   for other clients (tests, scripts); body: the call's JSON input; header x-pos-token: <token>
 *                           answer: {"ok":true,"value":...} | {"ok":false,"error":{code,message}}
 *   GET  /api/events?token=  Server-Sent Events; `event:` is the contract event name,
 *                           `data:` its JSON payload.
 *   GET  /downloads/{file}?token=  finished exports.
 * Only 127.0.0.1 is bound, the Host header must be loopback (no DNS rebinding) and every
 * API request needs the per-run random token. A development tool: never packaged.
 */
export interface HarnessOptions {
  services: AppServices;
  rendererDir: string;
  downloadsDir: string;
  port?: number;
  token?: string;
  log?: DispatchLog;
}

export interface Harness {
  origin: string;
  token: string;
  cashierUrl: string;
  customerUrl: string;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? newToken();
  const tokenBuf = Buffer.from(token);
  const clients = new Set<ServerResponse>();
  let port = 0;

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };
  const wire: Wire = { options, tokenOk, clients };

  const unsubscribe = options.services.bus.onAny((name, payload) => {
    // The pages listen on their socket: no event is serialised for an event stream nobody reads.
    if (clients.size === 0) return;
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of clients) res.write(frame);
  });

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'internal', message: 'Harness error.' } }));
    });
  });
  const loopbackHost = (req: IncomingMessage): string | null => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null;
  };
  const socket = socketChannel({ services: options.services, tokenOk, log: options.log });
  server.on('upgrade', (req, conn: Duplex, head: Buffer) => socket.upgrade(req, conn, head, loopbackHost(req)));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = loopbackHost(req);
    if (!host) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;

    if (path.startsWith('/api/call/')) return answerCall(wire, req, res, host, path);
    if (path === '/api/events') return openEvents(wire, req, res, url);

    if (path.startsWith('/downloads/')) {
      if (!tokenOk(url.searchParams.get('token'))) return void res.writeHead(401).end();
      const file = resolveInside(options.downloadsDir, path.slice('/downloads/'.length));
      if (!file || !serveFile(res, file, { 'content-disposition': `attachment; filename="${basename(file)}"` }))
        res.writeHead(404).end();
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const file = resolveInside(options.rendererDir, path === '/' ? '/index.html' : path);
    if (
      !file ||
      !serveFile(res, file, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' })
    )
      res.writeHead(404).end();
  }

  try {
    await listenLoopback(server, options.port ?? 0);
  } catch (err) {
    // A taken port is the caller's to explain (the CLI says how to choose another).
    unsubscribe();
    socket.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    cashierUrl: `${origin}/index.html#token=${token}`,
    customerUrl: `${origin}/customer.html#token=${token}`,
    async close() {
      unsubscribe();
      socket.close();
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Binds 127.0.0.1 only; a taken port rejects with the server's own error. */
function listenLoopback(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** What the contract's two routes need from the running harness. */
interface Wire {
  options: HarnessOptions;
  tokenOk(given: string | null | undefined): boolean;
  clients: Set<ServerResponse>;
}

/** POST /api/call/{name}: same origin, the run's token, a JSON body within the limit. */
async function answerCall(
  wire: Wire,
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
  path: string,
): Promise<void> {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  const origin = req.headers.origin;
  if (origin && origin !== `http://${host}`) return void res.writeHead(403).end();
  if (!wire.tokenOk(req.headers['x-pos-token'] as string | undefined))
    return json(res, 401, {
      ok: false,
      error: { code: 'untrusted_sender', message: 'Missing or wrong harness token.' },
    });
  const name = path.slice('/api/call/'.length);
  const body = await readBody(req, MAX_BODY);
  if (body === null) return tooLarge(req, res);
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body) : {};
  } catch {
    return json(res, 200, {
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
    });
  }
  const envelope = await dispatch(wire.options.services.handlers, name, input, wire.options.log);
  return json(res, 200, envelope);
}

/** GET /api/events?token=: every bus event as Server-Sent Events, pinged to stay open. */
function openEvents(wire: Wire, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (!wire.tokenOk(url.searchParams.get('token'))) return void res.writeHead(401).end();
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(`: connected ${EVENT_NAMES.length} events\n\n`);
  wire.clients.add(res);
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    wire.clients.delete(res);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The body as text, or null as soon as it is known to be larger than `limit`: a declared
 * Content-Length over the limit is refused before any byte is read, and a chunked body stops
 * being read the moment it passes the limit (no call input comes near it, so nothing
 * legitimate is lost, and a hostile client cannot make the harness buffer 60 MB first).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** How long a refused upload's connection stays open so its client can read the 413. */
const LINGER_MS = 2_000;

/**
 * Answers 413 and stops reading: the socket is paused (the rest of the body stays unread in
 * the kernel and then stops coming), our side is closed after the answer, and the connection
 * is dropped after a short linger. Dropping it at once would reset it, and a reset can throw
 * away the 413 before a slow client has read it.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  const text = JSON.stringify({
    ok: false,
    error: { code: 'invalid_input', message: `The request body is larger than ${MAX_BODY / 1024} KiB.` },
  });
  res.on('finish', () => {
    req.socket.pause();
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
