import type { ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { PUSH_EVENTS, PUSH_HEARTBEAT_MS, type PaymentHint } from '@shared/sync/protocol';
import { revokedAmong } from '../tills/tills';

interface Channel {
  tillId: string;
  res: ServerResponse;
}

export interface HubLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A notice older than this is not replayed to a till that (re)connects: its sale has long been polled. */
const REPLAY_WINDOW_MS = 15 * 60_000;

/**
 * The server's half of each till's push channel: Server-Sent Events over a connection the
 * till opened, so nothing at the shop listens on a port. Heartbeats keep proxies from
 * closing an idle stream and let the till notice a dead one; on each heartbeat the hub also
 * closes the channels of tills revoked since (revocation may come from the CLI, another
 * process).
 */
export class PushHub {
  private readonly channels = new Map<string, Set<Channel>>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly pool: Pool,
    private readonly log: HubLog,
    heartbeatMs = PUSH_HEARTBEAT_MS,
  ) {
    this.timer = setInterval(() => void this.heartbeat(), heartbeatMs);
    this.timer.unref();
  }

  /** Takes over a hijacked response and replays recent notices the till has not seen. */
  async attach(tillId: string, tillName: string, hwm: number, res: ServerResponse, lastEventId: number | null) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx buffers responses by default; an event must not wait in a proxy buffer.
      'x-accel-buffering': 'no',
    });
    const channel: Channel = { tillId, res };
    let set = this.channels.get(tillId);
    if (!set) this.channels.set(tillId, (set = new Set()));
    set.add(channel);
    res.on('close', () => this.detach(channel));
    this.write(channel, PUSH_EVENTS.hello, { tillId, tillName, hwm });
    const since = new Date(Date.now() - REPLAY_WINDOW_MS);
    const pending = await this.pool.query<{
      id: number;
      order_id: string;
      txn_id: string | null;
      amount: number | null;
      status: string;
    }>(
      `SELECT id, order_id, txn_id, amount, status FROM shop.payment_notices
        WHERE till_id = $1 AND created_at > $2 AND ${lastEventId === null ? 'delivered_at IS NULL' : 'id > $3'}
        ORDER BY id`,
      lastEventId === null ? [tillId, since] : [tillId, since, lastEventId],
    );
    for (const n of pending.rows)
      this.sendHint(tillId, {
        noticeId: n.id,
        orderId: n.order_id,
        txnId: n.txn_id,
        amount: n.amount,
        status: n.status,
      });
  }

  connected(tillId: string): boolean {
    return (this.channels.get(tillId)?.size ?? 0) > 0;
  }

  /** Sends a payment hint on every open channel of the till; true when at least one took it. */
  sendHint(tillId: string, hint: PaymentHint): boolean {
    const set = this.channels.get(tillId);
    if (!set || set.size === 0) return false;
    for (const channel of set) this.write(channel, PUSH_EVENTS.payment, hint, String(hint.noticeId));
    void this.pool
      .query('UPDATE shop.payment_notices SET delivered_at = now() WHERE id = $1 AND delivered_at IS NULL', [
        hint.noticeId,
      ])
      .catch((err: unknown) => this.log.warn({ err }, 'could not mark a payment notice delivered'));
    return true;
  }

  /** Ends every channel of a till (revoked). */
  disconnect(tillId: string): void {
    for (const channel of this.channels.get(tillId) ?? []) {
      this.write(channel, 'revoked', { tillId });
      channel.res.end();
    }
    this.channels.delete(tillId);
  }

  close(): void {
    clearInterval(this.timer);
    for (const set of this.channels.values()) for (const channel of set) channel.res.end();
    this.channels.clear();
  }

  private detach(channel: Channel): void {
    const set = this.channels.get(channel.tillId);
    set?.delete(channel);
    if (set && set.size === 0) this.channels.delete(channel.tillId);
  }

  private write(channel: Channel, event: string, data: unknown, id?: string): void {
    const frame = `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    channel.res.write(frame);
  }

  private async heartbeat(): Promise<void> {
    for (const set of this.channels.values()) for (const channel of set) channel.res.write(': ping\n\n');
    try {
      for (const id of await revokedAmong(this.pool, [...this.channels.keys()])) this.disconnect(id);
    } catch (err) {
      this.log.warn({ err }, 'could not check for revoked tills');
    }
  }
}
