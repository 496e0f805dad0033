import { createParser } from 'eventsource-parser';
import { paymentHintSchema, PUSH_EVENTS, PUSH_HEARTBEAT_MS, SYNC_API, type PaymentHint } from '@shared/sync/protocol';
import { backoffDelay, Waker } from './backoff';
import type { SyncClientLog } from './sync-client';
import type { ShopServerLink } from './shop-server-link';

export interface PushChannelOptions {
  link: () => ShopServerLink | null;
  onHint: (hint: PaymentHint) => void;
  /** The channel opened (true) or dropped (false). */
  onUp: (up: boolean) => void;
  /** The server refused this till's token. */
  onRefused: (error: 'revoked' | 'unauthorized') => void;
  log: SyncClientLog;
  random?: () => number;
  fetch?: typeof fetch;
  /** No byte for this long means the channel is dead (three missed heartbeats). */
  silenceMs?: number;
  backoffFirstMs?: number;
  backoffMaxMs?: number;
}

/**
 * The till's end of the push channel: a Server-Sent Events stream the till opens to its
 * shop server, so Pakasir's webhook can reach a till behind NAT without any port opened at
 * the shop. It reconnects with backoff and resumes from the last event id; a stream that
 * goes silent past three heartbeats is treated as dead (a proxy that swallows the
 * connection, a cable pulled) and opened again.
 */
export class PushChannel {
  private readonly opts: PushChannelOptions;
  private readonly waker = new Waker();
  private readonly fetch: typeof fetch;
  private readonly random: () => number;
  private current: AbortController | null = null;
  private loopDone: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private lastEventId: string | null = null;
  private blockedToken: string | null = null;
  up = false;

  constructor(opts: PushChannelOptions) {
    this.opts = opts;
    this.fetch = opts.fetch ?? fetch;
    this.random = opts.random ?? Math.random;
  }

  start(): void {
    if (!this.loopDone) this.loopDone = this.loop();
  }

  /** A new pairing (or none): drop the stream and open it again for the new link. */
  relink(): void {
    this.blockedToken = null;
    this.failures = 0;
    this.lastEventId = null;
    this.current?.abort();
    this.waker.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort();
    this.waker.wake();
    await this.loopDone;
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    this.opts.onUp(up);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const link = this.opts.link();
      if (!link || link.token === this.blockedToken) {
        await this.waker.sleep(5_000);
        continue;
      }
      await this.listen(link).catch((err: unknown) => {
        if (!this.stopped)
          this.opts.log.info('push channel dropped', { error: err instanceof Error ? err.message : String(err) });
      });
      this.setUp(false);
      if (this.stopped) return;
      // Reset when a stream opened, so a channel that worked comes back within a second or so.
      this.failures += 1;
      await this.waker.sleep(
        backoffDelay(this.failures, this.opts.backoffFirstMs ?? 1_000, this.opts.backoffMaxMs ?? 30_000, this.random),
      );
    }
  }

  /** One connection, until it ends. */
  private async listen(link: ShopServerLink): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    const silenceMs = this.opts.silenceMs ?? PUSH_HEARTBEAT_MS * 3;
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const feedWatchdog = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(new Error('push channel silent')), silenceMs);
      watchdog.unref?.();
    };
    try {
      feedWatchdog();
      const res = await this.fetch(`${link.url}${SYNC_API}/sync/push`, {
        headers: {
          authorization: `Bearer ${link.token}`,
          accept: 'text/event-stream',
          ...(this.lastEventId ? { 'last-event-id': this.lastEventId } : {}),
        },
        signal: controller.signal,
      });
      if (res.status === 401) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        // Revoked: stop until paired again. Unknown token: keep trying, slowly (see SyncClient).
        if (body?.error === 'revoked') this.blockedToken = link.token;
        else this.failures = 16;
        this.opts.onRefused(body?.error === 'revoked' ? 'revoked' : 'unauthorized');
        return;
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        return;
      }
      this.failures = 0;
      this.setUp(true);
      const parser = createParser({
        onEvent: (event) => {
          if (event.id) this.lastEventId = event.id;
          if (event.event !== PUSH_EVENTS.payment) return;
          let data: unknown;
          try {
            data = JSON.parse(event.data);
          } catch {
            return;
          }
          const hint = paymentHintSchema.safeParse(data);
          if (hint.success) this.opts.onHint(hint.data);
          else this.opts.log.warn('push channel: a payment hint had an unexpected shape');
        },
      });
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        feedWatchdog();
        parser.feed(decoder.decode(chunk, { stream: true }));
      }
    } finally {
      if (watchdog) clearTimeout(watchdog);
      controller.abort();
      if (this.current === controller) this.current = null;
    }
  }
}
