import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '@shared/contract/socket-frames';
import type { AppServices } from '../../../src/main/app/service-types';
import { socketChannel } from '../../../src/harness/socket-channel';
import { startHarnessRig, type HarnessRig } from '../../support/harness';

/**
 * The renderer's socket to the harness: calls answered by id, every event pushed, and the
 * upgrade refused to anyone but a page of this harness holding the run's token. A WebSocket
 * is not held back by CORS, so these checks are all that stands between another site's page
 * and the counter's calls.
 */
let rig: HarnessRig;
beforeAll(async () => {
  rig = await startHarnessRig();
});
afterAll(() => rig.close());

type Frame = { id?: number | null; envelope?: { ok: boolean; value?: unknown; error?: { code: string } } } & {
  event?: string;
  payload?: unknown;
};

function url(token = rig.harness.token): string {
  return `${rig.harness.origin.replace('http', 'ws')}/api/socket?token=${encodeURIComponent(token)}`;
}

async function open(): Promise<{ ws: WebSocket; frames: Frame[]; next(pick: (f: Frame) => boolean): Promise<Frame> }> {
  const ws = new WebSocket(url(), { headers: { origin: rig.harness.origin } });
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const w of waiters.splice(0)) w();
  });
  await once(ws, 'open');
  const next = async (pick: (f: Frame) => boolean): Promise<Frame> => {
    for (;;) {
      const found = frames.find(pick);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { ws, frames, next };
}

/** The status line the harness answers an upgrade with, for a refused one. */
function upgradeStatus(headers: Record<string, string>, path = `/api/socket?token=${rig.harness.token}`) {
  return new Promise<number>((resolve, reject) => {
    const req = request(`${rig.harness.origin}${path}`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the harness socket', () => {
  it('answers each call by its id, the answers of two calls sent together included', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ id: 7, call: 'getSettings' }));
    ws.send(JSON.stringify({ id: 8, call: 'charge', input: { amount: 100, method: 'qris' } }));
    const settings = await next((f) => f.id === 7);
    expect(settings.envelope?.ok).toBe(true);
    // The contract's own checks run as over IPC: Rp 100 is under QRIS's least amount.
    const refused = await next((f) => f.id === 8);
    expect(refused.envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.close();
  });

  it("pushes every event of main's bus to the page", async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ id: 1, call: 'charge', input: { amount: 25_000, method: 'qris' } }));
    const answer = await next((f) => f.id === 1);
    expect(answer.envelope?.ok).toBe(true);
    const orderId = (answer.envelope?.value as { orderId: string }).orderId;
    const shown = await next(
      (f) =>
        f.event === 'orderUpdated' &&
        (f.payload as { orderId: string; state: string }).orderId === orderId &&
        (f.payload as { state: string }).state === 'awaiting_payment',
    );
    expect(shown.payload).toMatchObject({ orderId, state: 'awaiting_payment' });
    ws.send(JSON.stringify({ id: 2, call: 'cancelSale', input: { orderId } }));
    expect((await next((f) => f.id === 2)).envelope?.ok).toBe(true);
    ws.close();
  });

  it('answers a message that is not a call with a clear refusal, and an unknown call as such', async () => {
    const { ws, next } = await open();
    ws.send('not json');
    expect((await next((f) => f.id === null)).envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.send(JSON.stringify({ id: 3, call: 'formatDisk' }));
    expect((await next((f) => f.id === 3)).envelope).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    ws.send(JSON.stringify({ id: 4, call: 'listOrders', input: { limit: 'all' } }));
    expect((await next((f) => f.id === 4)).envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.close();
  });

  it('closes a socket that sends a frame over the limit, and the harness keeps serving', async () => {
    const { ws } = await open();
    const closed = once(ws, 'close');
    ws.send(JSON.stringify({ id: 5, call: 'getSettings', input: { pad: 'x'.repeat(MAX_FRAME_BYTES) } }));
    const [code] = (await closed) as [number];
    expect(code).toBe(1009);
    const again = await open();
    again.ws.send(JSON.stringify({ id: 6, call: 'getSettings' }));
    expect((await again.next((f) => f.id === 6)).envelope?.ok).toBe(true);
    again.ws.close();
  });

  it("refuses an upgrade without this run's token, from another origin or host, or on another path", async () => {
    const origin = rig.harness.origin;
    const host = new URL(origin).host;
    expect(await upgradeStatus({ origin }, '/api/socket')).toBe(401);
    expect(await upgradeStatus({ origin }, '/api/socket?token=wrong-token-of-the-same-length-xx')).toBe(401);
    expect(await upgradeStatus({ origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus({})).toBe(403);
    expect(await upgradeStatus({ origin, host: 'evil.example' })).toBe(421);
    expect(await upgradeStatus({ origin }, `/api/other?token=${rig.harness.token}`)).toBe(404);
    // The same request with everything right is taken.
    expect(await upgradeStatus({ origin, host })).toBe(101);
  });
});

describe('a call whose answer cannot be sent', () => {
  it('is still answered, by its id, with an internal error the page can show', async () => {
    // A handler answering a value JSON cannot hold (a BigInt): the page must not wait for ever.
    const warnings: string[] = [];
    const services = {
      handlers: { getSettings: () => ({ count: 1n }) },
      bus: { onAny: () => () => undefined },
    } as unknown as AppServices;
    const channel = socketChannel({ services, tokenOk: () => true, log: { warn: (m) => warnings.push(m) } });
    const server = createServer();
    server.on('upgrade', (req, socket, head) => channel.upgrade(req, socket, head, req.headers.host ?? null));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api/socket?token=t`, { headers: { origin } });
    await once(ws, 'open');
    ws.send(JSON.stringify({ id: 9, call: 'getSettings' }));
    const [data] = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(data.toString())).toEqual({
      id: 9,
      envelope: { ok: false, error: { code: 'internal', message: 'Harness error.' } },
    });
    expect(warnings).toEqual(['harness could not send an answer']);
    ws.terminate();
    channel.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
