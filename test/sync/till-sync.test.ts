import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToOutbox } from '../../src/main/orders/outbox-append';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import { ShopServerLinkStore } from '../../src/main/sync/shop-server-link';
import { createPairingCode, revokeTill } from '../../src/server/tills/tills';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startServerRig, WEBHOOK_SECRET, type ServerRig } from '../server/support';
import { startTill, waitUntil, type TillRig } from './till-rig';

/**
 * A real till (the app's services, demo mode with its own Pakasir simulator) paired with a
 * real shop server on a real PostgreSQL, through a TCP proxy that can cut them apart.
 */
let pgs: TestPostgres;
let server: ServerRig;
let proxy: TcpProxy;
let till: TillRig;

beforeAll(async () => {
  pgs = await startPostgres();
  server = await startServerRig(pgs, { listen: true, heartbeatMs: 1000 });
  proxy = await startTcpProxy(Number(new URL(server.url).port));
  // The slow poll is ten minutes here: a sale can become paid quickly only through a push hint.
  till = await startTill({ pushPollIntervalMs: 600_000 });
  till.sim.setWebhook({ url: `${server.url}/webhooks/pakasir`, secret: WEBHOOK_SECRET, version: 'v2' });
  const { code } = await createPairingCode(server.pool, 'Kasir depan');
  const status = await till.services.handlers.pairShopServer({ serverUrl: proxy.url, code, tillName: 'Kasir 1' });
  expect(status.tillName).toBe('Kasir depan');
  // The token stays in main: not in what the windows see, not in the log.
  const token = new ShopServerLinkStore({ dataDir: till.dataDir, safeStorage: memorySafeStorage() }).get()!.token;
  expect(JSON.stringify(status)).not.toContain(token);
  till.services.log.info('token check', { token });
  expect(readFileSync(join(till.dataDir, 'logs', 'pos.log'), 'utf8')).not.toContain(token);
  await till.waitStatus((s) => s.pushChannel === 'up', 'the push channel');
});

afterAll(async () => {
  await till?.close();
  await proxy?.close();
  await server?.close();
  await pgs?.stop();
});

const serverOrder = async (orderId: string) =>
  (await server.pool.query('SELECT state, price, revision FROM shop.orders WHERE order_id = $1', [orderId])).rows[0] as
    { state: string; price: number; revision: number } | undefined;

describe('a till paired with the shop server', () => {
  it('never waits for the server: sales go on while it is away and catch up after', async () => {
    await proxy.setMode('refuse');
    await till.waitStatus((s) => s.pushChannel === 'down', 'the channel to drop');
    const sale = await till.services.handlers.charge({ amount: 12_000, method: 'qris' });
    expect(sale.state).toBe('awaiting_payment');
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
    const away = await till.waitStatus((s) => s.state === 'offline' && s.pending > 0, 'offline with entries waiting');
    expect(away.pending).toBeGreaterThan(0);
    expect(await serverOrder(sale.orderId)).toBeUndefined();

    await proxy.setMode('pass');
    await till.waitStatus((s) => s.state === 'up_to_date' && s.pending === 0, 'catching up');
    expect(await serverOrder(sale.orderId)).toMatchObject({ state: 'canceled', price: 12_000 });
    await till.waitStatus((s) => s.pushChannel === 'up', 'the channel to come back');
  });

  it('gives up on a connection that swallows everything, and catches up once it is back', async () => {
    await proxy.setMode('blackhole');
    const sale = await till.services.handlers.charge({ amount: 13_000, method: 'qris' });
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
    // The request times out (it never hangs): the till says the server is away.
    await till.waitStatus((s) => s.state === 'offline' && s.detail === 'timeout', 'a timed-out push');
    await proxy.setMode('pass');
    await till.waitStatus((s) => s.state === 'up_to_date' && s.pending === 0, 'catching up');
    expect(await serverOrder(sale.orderId)).toMatchObject({ state: 'canceled' });
    await till.waitStatus((s) => s.pushChannel === 'up', 'the channel to come back');
  });

  it('confirms a pushed payment with the status API before showing it paid', async () => {
    const sale = await till.services.handlers.charge({ amount: 25_000, method: 'qris' });
    const statusCallsBefore = till.sim.stats().statusCalls;
    const paid = new Promise<number>((resolve) =>
      till.services.bus.on('orderUpdated', (o) => {
        if (o.orderId === sale.orderId && o.state === 'paid') resolve(till.sim.stats().statusCalls);
      }),
    );
    till.sim.pay(sale.orderId);
    // Pakasir's webhook -> server -> push channel -> a status call -> paid.
    const callsWhenPaid = await paid;
    expect(callsWhenPaid).toBeGreaterThan(statusCallsBefore);
    const events = till.services.store.events(sale.orderId);
    const paidEvent = events.find((e) => e.to === 'paid')!;
    expect(paidEvent.reason).toBe('completed');
    expect(paidEvent.facts).toMatchObject({ status: 'completed', orderId: sale.orderId });
    const receipts = await server.pool.query(
      'SELECT api_version, matched_tills FROM shop.webhook_receipts WHERE order_id = $1',
      [sale.orderId],
    );
    expect(receipts.rows).toEqual([{ api_version: 'v2', matched_tills: 1 }]);
    await waitUntil(async () => (await serverOrder(sale.orderId))?.state === 'paid', 'the paid sale on the server');
    till.services.handlers.dismissSale({ orderId: sale.orderId });
  });

  it('never shows paid from a forged webhook: the status API says pending, the sale stays open', async () => {
    const sale = await till.services.handlers.charge({ amount: 31_000, method: 'qris' });
    await waitUntil(
      async () => (await serverOrder(sale.orderId))?.state === 'awaiting_payment',
      'the sale on the server',
    );
    const before = till.sim.stats().statusCalls;
    const res = await fetch(`${server.url}/webhooks/pakasir`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-secret': WEBHOOK_SECRET },
      body: JSON.stringify({
        txn_id: sale.txnId,
        order_id: sale.orderId,
        amount: sale.amount,
        is_sandbox: true,
        status: 'completed',
        completed_at: new Date().toISOString(),
      }),
    });
    expect(res.status).toBe(200);
    // The till asked Pakasir (one more status call) and Pakasir said pending.
    await waitUntil(() => till.sim.stats().statusCalls > before, 'the status call');
    await till.services.payments.idle();
    expect(till.services.store.get(sale.orderId)!.state).toBe('awaiting_payment');
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
  });

  it('shows an event the server refused, keeps it, and clears the notice once seen', async () => {
    // A journal entry of a kind this server does not know (a newer till, say).
    const db = new Database(join(till.dataDir, 'orders.sqlite'));
    const seq = db.transaction(() =>
      appendToOutbox(db, {
        kind: 'stock.counted',
        entityId: 'stock-0001',
        schema: 1,
        occurredAt: new Date().toISOString(),
        payload: { openingCash: 200_000 },
      }),
    )();
    db.close();
    const status = await till.waitStatus((s) => s.rejected.length > 0, 'the refusal');
    expect(status.rejected).toEqual([
      expect.objectContaining({ seq, kind: 'stock.counted', entityId: 'stock-0001', code: 'unknown_kind' }),
    ]);
    const kept = await server.pool.query('SELECT rejected_code FROM shop.events WHERE seq = $1 AND kind = $2', [
      seq,
      'stock.counted',
    ]);
    expect(kept.rows).toEqual([{ rejected_code: 'unknown_kind' }]);
    // Later entries still flow.
    expect((await till.waitStatus((s) => s.state === 'up_to_date', 'up to date')).pending).toBe(0);

    const seen = await till.services.handlers.acknowledgeSyncRejections({});
    expect(seen.rejected).toEqual([]);
  });

  it('says so when the owner revokes the till, and keeps selling', async () => {
    const { tillId } = await till.status();
    await revokeTill(server.pool, tillId!);
    const sale = await till.services.handlers.charge({ amount: 15_000, method: 'qris' });
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
    const status = await till.waitStatus((s) => s.state === 'revoked', 'the revoked state');
    expect(status.pending).toBeGreaterThan(0);
    expect(till.services.store.get(sale.orderId)!.state).toBe('canceled');
  });
});
