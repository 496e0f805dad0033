import { GatewayError, type GatewayErrorKind } from './gateway';

/**
 * The one place the clients touch the network. Single-shot on purpose: retries are the
 * payment engine's decision (a retried create is how a customer gets charged twice).
 *
 * Trust boundary: the API key travels in the v1 body and query string and in the v2
 * header. Nothing from the request ever goes into an error; errors are built from our own
 * words plus the gateway's `message`/`error`, which is scrubbed of the key in case the
 * gateway echoes what it was sent.
 */
export interface HttpCallOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Scrubbed from anything the gateway says before it reaches an error. */
  secret: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Our name for the call, used in messages: "create", "status", ... */
  what: string;
}

export interface HttpAnswer {
  json: unknown;
  httpStatus: number;
  /** The server's Date header as ISO UTC. */
  serverDate: string | null;
}

const MAX_GATEWAY_MESSAGE = 200;

export function scrubSecret(text: string, secret: string): string {
  if (!secret) return text;
  let out = text;
  // Every shape the key travels in: raw, in a path or JSON, and form-encoded in a v1 query
  // (URLSearchParams encodes spaces and !'()~ unlike encodeURIComponent).
  const formEncoded = new URLSearchParams({ k: secret }).toString().slice(2);
  for (const form of new Set([secret, encodeURIComponent(secret), formEncoded, JSON.stringify(secret).slice(1, -1)])) {
    if (form) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** Retry-After is either delta-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function parseServerDate(value: string | null): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

function gatewayWords(json: unknown, secret: string): string | null {
  if (!json || typeof json !== 'object') return null;
  const record = json as Record<string, unknown>;
  const raw = [record.message, record.error, record.msg].find((v) => typeof v === 'string' && v.trim() !== '') as
    string | undefined;
  if (!raw) return null;
  return scrubSecret(raw.trim(), secret).slice(0, MAX_GATEWAY_MESSAGE);
}

function kindForStatus(status: number): GatewayErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'invalid_answer';
  return 'rejected';
}

const KIND_WORDS: Record<GatewayErrorKind, string> = {
  network: 'could not reach the gateway',
  timeout: 'the gateway did not answer in time',
  rate_limited: 'the gateway asks to slow down',
  auth: 'the gateway refused the project or API key',
  not_found: 'the gateway does not know it',
  server: 'the gateway had an internal error',
  invalid_answer: 'the gateway answered something we cannot trust',
  rejected: 'the gateway refused the request',
  invalid_request: 'the request is not valid',
};

export function describe(what: string, kind: GatewayErrorKind, detail: string | null): string {
  return `Pakasir ${what}: ${KIND_WORDS[kind]}${detail ? ` (${detail})` : ''}`;
}

export async function httpCall(opts: HttpCallOptions, req: HttpRequest, signal?: AbortSignal): Promise<HttpAnswer> {
  if (signal?.aborted) throw new GatewayError('network', describe(req.what, 'network', 'aborted before sending'));
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), opts.timeoutMs);
  const combined = signal ? AbortSignal.any([timer.signal, signal]) : timer.signal;
  const failed = (): GatewayError =>
    timer.signal.aborted
      ? new GatewayError('timeout', describe(req.what, 'timeout', `no answer within ${opts.timeoutMs} ms`))
      : signal?.aborted
        ? new GatewayError('network', describe(req.what, 'network', 'aborted by the caller'))
        : new GatewayError('network', describe(req.what, 'network', null));
  try {
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      response = await opts.fetch(req.url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        // A redirect could carry the key in the body or query to another host: never follow.
        redirect: 'manual',
        signal: combined,
      });
    } catch {
      // The underlying error is dropped on purpose: it may name the URL (and so the key).
      throw failed();
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw failed();
    }
    let json: unknown = undefined;
    let jsonOk = false;
    try {
      json = JSON.parse(text);
      jsonOk = true;
    } catch {
      jsonOk = false;
    }
    const status = response.status;
    const serverDate = parseServerDate(response.headers.get('date'));
    if (status >= 200 && status < 300) {
      if (!jsonOk)
        throw new GatewayError('invalid_answer', describe(req.what, 'invalid_answer', 'the answer is not JSON'), {
          httpStatus: status,
        });
      return { json, httpStatus: status, serverDate };
    }
    const kind = kindForStatus(status);
    const words = jsonOk ? gatewayWords(json, opts.secret) : null;
    const detail = words ?? `HTTP ${status}`;
    throw new GatewayError(kind, describe(req.what, kind, detail), {
      httpStatus: status,
      gatewayMessage: words,
      // 429 and 503 (and a busy 502/504) may say when to come back; honour it either way.
      retryAfterMs:
        kind === 'rate_limited' || kind === 'server'
          ? // An HTTP-date is read against the gateway's own Date header: ours may be hours off.
            parseRetryAfter(response.headers.get('retry-after'), serverDate ? Date.parse(serverDate) : Date.now())
          : null,
    });
  } finally {
    clearTimeout(timeout);
  }
}

/** A schema failure, described by field paths only: values may echo what we sent. */
export function invalidAnswer(
  what: string,
  detail: string,
  httpStatus: number | null = null,
  txnId: string | null = null,
): GatewayError {
  return new GatewayError('invalid_answer', describe(what, 'invalid_answer', detail), { httpStatus, txnId });
}

export function issuePaths(error: { issues: readonly { path: readonly PropertyKey[] }[] }): string {
  const paths = [...new Set(error.issues.map((i) => (i.path.length ? i.path.map(String).join('.') : '(root)')))];
  return `unexpected ${paths.slice(0, 5).join(', ')}`;
}
