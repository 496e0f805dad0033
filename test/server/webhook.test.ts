import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShopServer } from '../../src/server/app';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { orderId } from './snapshots';
import { OWNER_TOKEN, startServerRig, WEBHOOK_SECRET, type ServerRig } from './support';

let pgs: TestPostgres;
let rig: ServerRig;
beforeAll(async () => {
  pgs = await startPostgres();
  rig = await startServerRig(pgs, { listen: true, heartbeatMs: 300 });
});
afterAll(async () => {
  await rig?.close();
  await pgs?.stop();
});

const v2 = (id: string) => ({
  txn_id: `TRX-${id}`,
  order_id: id,
  amount: 25_000,
  is_sandbox: false,
  status: 'completed',
  completed_at: '2026-09-29T10:00:00.000Z',
});

const hook = (body: unknown, headers: Record<string, string> = { 'x-secret': WEBHOOK_SECRET }) =>
  rig.server.app.inject({ method: 'POST', url: '/webhooks/pakasir', headers, payload: body as object });

/** An SSE reader on the listening server: collects frames until told to stop. */
async function openChannel(token: string, lastEventId?: string) {
  const controller = new AbortController();
  const res = await fetch(`${rig.url}/api/v1/sync/push`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: controller.signal,
  });
  let text = '';
  const done = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    text: () => text,
    async waitFor(needle: string, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      while (!text.includes(needle)) {
        if (Date.now() > end) throw new Error(`no "${needle}" on the channel; got: ${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

describe('the Pakasir webhook', () => {
  it('refuses a call without the secret, or with a wrong one', async () => {
    expect((await hook(v2(orderId('KSRX', 1)), {})).statusCode).toBe(401);
    expect((await hook(v2(orderId('KSRX', 1)), { 'x-secret': `${WEBHOOK_SECRET}x` })).statusCode).toBe(401);
    expect((await hook(v2(orderId('KSRX', 1)), { 'x-secret': '' })).statusCode).toBe(401);
    const stored = await rig.pool.query('SELECT count(*)::int AS n FROM shop.webhook_receipts');
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses every call when no secret is configured', async () => {
    const bare = await buildShopServer({
      pool: rig.pool,
      webhookSecret: null,
      ownerToken: OWNER_TOKEN,
      logLevel: 'silent',
    });
    try {
      const res = await bare.app.inject({
        method: 'POST',
        url: '/webhooks/pakasir',
        headers: { 'x-secret': 'anything' },
        payload: v2(orderId('KSRX', 2)),
      });
      expect(res.statusCode).toBe(503);
    } finally {
      await bare.app.close();
    }
  });

  it('refuses a body that is neither shape', async () => {
    const res = await hook({ hello: 'world' });
    expect(res.statusCode).toBe(400);
  });

  it('relays a v2 webhook to the till that owns the order, over its push channel', async () => {
    const { token } = await rig.pair('Kasir W', 'KSRW');
    const channel = await openChannel(token);
    expect(channel.status).toBe(200);
    await channel.waitFor('event: hello');
    const id = orderId('KSRW', 7);
    const res = await hook(v2(id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, matched: true });
    await channel.waitFor('event: payment');
    const frame = channel
      .text()
      .split('\n\n')
      .find((f) => f.includes('event: payment'))!;
    const data = JSON.parse(
      frame
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toMatchObject({ orderId: id, txnId: `TRX-${id}`, amount: 25_000, status: 'completed' });
    await channel.close();
  });

  it('reads the v1 shape, and keeps a hint for a till that is away until it connects', async () => {
    const { token } = await rig.pair('Kasir V', 'KSRV');
    const id = orderId('KSRV', 3);
    const res = await hook({
      amount: '99000',
      order_id: id,
      project: 'toko',
      status: 'Completed',
      payment_method: 'qris',
      completed_at: '2024-09-10T08:07:02.819+07:00',
    });
    expect(res.json()).toEqual({ received: true, matched: true });
    const receipt = await rig.pool.query(
      'SELECT api_version, amount, status FROM shop.webhook_receipts WHERE order_id = $1',
      [id],
    );
    expect(receipt.rows).toEqual([{ api_version: 'v1', amount: 99_000, status: 'completed' }]);

    const channel = await openChannel(token);
    await channel.waitFor('event: payment');
    const idLine = channel
      .text()
      .split('\n')
      .find((l) => l.startsWith('id: '))!;
    await channel.close();
    // Resuming after that event id: the hint is not sent twice.
    const again = await openChannel(token, idLine.slice(4));
    await again.waitFor('event: hello');
    await new Promise((r) => setTimeout(r, 300));
    expect(again.text()).not.toContain('event: payment');
    await again.close();
  });

  it('records a webhook for an order no till owns, and tells Pakasir it was received', async () => {
    const res = await hook(v2('SOMEONE-ELSE-1'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, matched: false });
  });

  it('closes the channel of a till the owner revoked', async () => {
    const { token, tillId } = await rig.pair('Kasir R', 'KSRR');
    const channel = await openChannel(token);
    await channel.waitFor('event: hello');
    await rig.pool.query('UPDATE shop.tills SET revoked_at = now() WHERE id = $1', [tillId]);
    await channel.waitFor('event: revoked');
    await channel.close();
    const refused = await fetch(`${rig.url}/api/v1/sync/push`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('revoked');
  });
});
