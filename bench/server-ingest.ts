import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { openOrderStore } from '../src/main/orders/journal';
import { SyncOutbox } from '../src/main/sync/outbox';
import { SyncClient } from '../src/main/sync/sync-client';
import { createPairingCode, redeemPairingCode } from '../src/server/tills/tills';
import { sleep } from './lib/stats';

export interface IngestRun {
  tills: number;
  events: number;
  ms: number;
  perSecond: number;
}

/** A journal whose outbox already holds `events` order snapshots (three per sale), as after days offline. */
function filledJournal(dir: string, prefix: string, events: number): string {
  const file = join(dir, 'orders.sqlite');
  openOrderStore({ file }).close();
  const db = new Database(file);
  const insert = db.prepare(
    "INSERT INTO sync_outbox (kind, entity_id, schema, occurred_at, payload) VALUES ('order.snapshot', ?, 1, ?, ?)",
  );
  const states = ['creating', 'awaiting_payment', 'paid'] as const;
  db.transaction(() => {
    for (let i = 0; i < events; i += 1) {
      const sale = Math.floor(i / 3);
      const state = states[i % 3]!;
      const orderId = `${prefix}-20261125T074402-${String(sale + 1).padStart(8, '0')}`;
      const at = new Date(Date.parse('2026-11-25T01:00:00Z') + sale * 20_000 + (i % 3) * 1000).toISOString();
      const amount = 5_000 + (sale % 200) * 500;
      const fee = state === 'creating' ? null : Math.round(amount * 0.007) + 310;
      insert.run(
        orderId,
        at,
        JSON.stringify({
          orderId,
          state,
          method: 'qris',
          amount,
          price: amount,
          feePayer: 'customer',
          fee,
          totalPayment: fee === null ? null : amount + fee,
          note: '',
          terminal: prefix,
          apiVersion: 'v2',
          sandbox: false,
          project: 'toko',
          txnId: state === 'creating' ? null : `TX${prefix}${sale}`,
          expiresAt: null,
          createdAt: at,
          updatedAt: at,
          paidAt: state === 'paid' ? at : null,
          revision: (i % 3) * 2,
          reason: null,
          reasonDetail: null,
          replacesOrderId: null,
        }),
      );
    }
  })();
  db.close();
  return file;
}

/**
 * Events per second the server ingests: `tills` tills, each with `eventsPerTill` events
 * waiting (a till back after days offline), start pushing at the same moment; the clock
 * stops when the server's high-water marks hold every event. The server runs as its own
 * process; the tills are real sync clients in this one.
 */
export async function ingestRun(opts: {
  serverUrl: string;
  pool: pg.Pool;
  tills: number;
  eventsPerTill: number;
  tmpRoot: string;
  tag: string;
}): Promise<IngestRun> {
  const clients: { client: SyncClient; outbox: SyncOutbox }[] = [];
  const ids: string[] = [];
  for (let t = 0; t < opts.tills; t += 1) {
    const prefix = `${opts.tag}${t}`;
    const dir = mkdtempSync(join(opts.tmpRoot, `ingest-${prefix}-`));
    const file = filledJournal(dir, prefix, opts.eventsPerTill);
    const { code } = await createPairingCode(opts.pool, `Kasir ${prefix}`);
    // Straight to the database: the pairing route allows ten attempts a minute per address.
    const pair = await redeemPairingCode(opts.pool, { code, tillName: prefix, orderPrefix: prefix, firstSeq: 1 });
    ids.push(pair.tillId);
    const outbox = new SyncOutbox(file);
    const link = { url: opts.serverUrl, tillId: pair.tillId, tillName: prefix, token: pair.token };
    clients.push({
      outbox,
      client: new SyncClient({
        outbox,
        link: () => link,
        onChange: () => undefined,
        onRejected: () => undefined,
        log: { info() {}, warn() {} },
        tuning: { idleCheckMs: 1000 },
      }),
    });
  }
  const total = opts.tills * opts.eventsPerTill;
  const started = performance.now();
  for (const c of clients) c.client.start();
  for (;;) {
    const r = await opts.pool.query<{ n: number }>(
      'SELECT coalesce(sum(hwm), 0)::bigint AS n FROM shop.tills WHERE id = ANY($1::uuid[])',
      [ids],
    );
    if (r.rows[0]!.n >= total) break;
    await sleep(10);
  }
  const ms = performance.now() - started;
  await Promise.all(clients.map((c) => c.client.stop()));
  for (const c of clients) c.outbox.close();
  return { tills: opts.tills, events: total, ms, perSecond: (total / ms) * 1000 };
}
