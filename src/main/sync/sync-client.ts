import { MAX_PUSH_EVENTS, SYNC_API, type PushAnswer, type RejectedEvent } from '@shared/sync/protocol';
import { backoffDelay, Waker } from './backoff';
import type { SyncOutbox } from './outbox';
import type { ShopServerLink } from './shop-server-link';

export type PushState = 'off' | 'sending' | 'up_to_date' | 'offline' | 'revoked' | 'diverged' | 'error';

export interface SyncClientLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface SyncTuning {
  batchSize: number;
  requestTimeoutMs: number;
  /** How often an idle client looks at the outbox even without a nudge. */
  idleCheckMs: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  batchSize: MAX_PUSH_EVENTS,
  requestTimeoutMs: 15_000,
  idleCheckMs: 5_000,
  backoffFirstMs: 1_000,
  backoffMaxMs: 60_000,
};

export interface SyncClientOptions {
  outbox: SyncOutbox;
  link: () => ShopServerLink | null;
  /** Something a status view shows changed (state, pending count, rejections). */
  onChange: () => void;
  onRejected: (rejected: RejectedEvent[]) => void;
  log: SyncClientLog;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  tuning?: Partial<SyncTuning>;
}

type Outcome =
  | { kind: 'sent' }
  | { kind: 'idle' }
  | { kind: 'retry'; state: 'offline' | 'error' | 'revoked'; detail: string; retryAfterMs?: number }
  | { kind: 'blocked'; state: 'revoked' | 'diverged'; detail: string };

/**
 * Pushes the outbox to the shop server in order, a batch at a time, in the background. It
 * never touches a sale: the counter writes its journal and moves on, and this loop catches
 * up whenever it can (days later, if the server was away). Every failure backs off with
 * jitter; a revoked till or a journal that disagrees with the server stops pushing and says
 * so until the owner pairs again.
 */
export class SyncClient {
  private readonly opts: SyncClientOptions;
  private readonly tuning: SyncTuning;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly fetch: typeof fetch;
  private readonly waker = new Waker();
  private readonly abort = new AbortController();
  private loopDone: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  /** A link the server refused (revoked) or that disagrees with the journal: not tried again. */
  private blockedToken: string | null = null;

  state: PushState = 'off';
  detail: string | null = null;
  lastSyncedAt: string | null = null;

  constructor(opts: SyncClientOptions) {
    this.opts = opts;
    this.tuning = { ...DEFAULT_SYNC_TUNING, ...opts.tuning };
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.fetch = opts.fetch ?? fetch;
  }

  start(): void {
    if (!this.loopDone) this.loopDone = this.loop();
  }

  /** New journal entries (or a new pairing): look at the outbox now. Never cuts a backoff short. */
  poke(): void {
    if (this.failures === 0) this.waker.wake();
  }

  /** A new pairing: forget what blocked the old one and start again at once. */
  relink(): void {
    this.blockedToken = null;
    this.failures = 0;
    this.waker.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.waker.wake();
    await this.loopDone;
  }

  private set(state: PushState, detail: string | null): void {
    const changed = state !== this.state || detail !== this.detail;
    this.state = state;
    this.detail = detail;
    if (changed || state === 'sending') this.opts.onChange();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const link = this.opts.link();
      if (!link || link.token === this.blockedToken) {
        if (!link) this.set('off', null);
        await this.waker.sleep(this.tuning.idleCheckMs);
        continue;
      }
      let outcome: Outcome;
      try {
        outcome = await this.pushOnce(link);
      } catch (err) {
        if (this.stopped) return;
        outcome = { kind: 'retry', state: 'error', detail: err instanceof Error ? err.message : String(err) };
      }
      switch (outcome.kind) {
        case 'sent':
          this.failures = 0;
          continue;
        case 'idle':
          this.failures = 0;
          this.set('up_to_date', null);
          await this.waker.sleep(this.tuning.idleCheckMs);
          continue;
        case 'blocked':
          this.blockedToken = link.token;
          this.set(outcome.state, outcome.detail);
          this.opts.log.warn('sync stopped', { state: outcome.state, detail: outcome.detail });
          continue;
        case 'retry': {
          this.failures += 1;
          this.set(outcome.state, outcome.detail);
          const delay = Math.max(
            backoffDelay(this.failures, this.tuning.backoffFirstMs, this.tuning.backoffMaxMs, this.random),
            outcome.retryAfterMs ?? 0,
          );
          await this.waker.sleep(delay);
          continue;
        }
      }
    }
  }

  private async pushOnce(link: ShopServerLink): Promise<Outcome> {
    const { outbox } = this.opts;
    const hwm = outbox.serverHwm();
    const last = outbox.lastSeq();
    if (hwm > last)
      return {
        kind: 'blocked',
        state: 'diverged',
        detail: `the server holds ${hwm} events from this till but this journal has only ${last}`,
      };
    if (hwm === last) return { kind: 'idle' };
    const events = outbox.after(hwm, this.tuning.batchSize);
    if (events.length === 0 || events[0]!.seq !== hwm + 1)
      return {
        kind: 'blocked',
        state: 'diverged',
        detail: `the server needs events from ${hwm + 1} but this journal no longer holds them`,
      };
    this.set('sending', null);
    // One controller per request, aborted by our own timer (or by stop()): a request into a
    // connection that swallows everything must end, or the pusher would wait forever.
    const request = new AbortController();
    const onStop = () => request.abort();
    this.abort.signal.addEventListener('abort', onStop, { once: true });
    const timer = setTimeout(() => request.abort(new Error('timeout')), this.tuning.requestTimeoutMs);
    let res: Response;
    let body: Record<string, unknown> | null;
    try {
      res = await this.fetch(`${link.url}${SYNC_API}/sync/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
        signal: request.signal,
      });
      body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return {
        kind: 'retry',
        state: 'offline',
        detail: request.signal.aborted ? 'timeout' : (cause ?? (err instanceof Error ? err.name : 'network')),
      };
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onStop);
    }
    if (res.status === 200 && body && Number.isSafeInteger(body.hwm)) {
      const answer = body as unknown as PushAnswer;
      const rejected = Array.isArray(answer.rejected) ? answer.rejected : [];
      const at = new Date(this.now()).toISOString();
      outbox.recordAnswer(answer.hwm, rejected, at);
      this.lastSyncedAt = at;
      if (rejected.length > 0) this.opts.onRejected(rejected);
      this.opts.onChange();
      return { kind: 'sent' };
    }
    if (res.status === 409 && body && Number.isSafeInteger(body.hwm)) {
      // The server holds less (or more) than we thought: resume from its mark.
      outbox.recordAnswer(body.hwm as number, [], new Date(this.now()).toISOString());
      this.opts.log.info('sync resumes from the server mark', { hwm: body.hwm, ours: hwm });
      return { kind: 'sent' };
    }
    // The owner revoked this till: stop until it is paired again. A token the server does not
    // know (a database restored from an old backup, a proxy sending us elsewhere) is shown the
    // same way but tried again at the slowest pace, so the till recovers by itself.
    if (res.status === 401)
      return body?.error === 'revoked'
        ? { kind: 'blocked', state: 'revoked', detail: 'revoked' }
        : { kind: 'retry', state: 'revoked', detail: 'unauthorized', retryAfterMs: this.tuning.backoffMaxMs };
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      kind: 'retry',
      state: res.status >= 500 || res.status === 429 ? 'offline' : 'error',
      detail: `HTTP ${res.status}${typeof body?.message === 'string' ? `: ${body.message.slice(0, 200)}` : ''}`,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
}
