import type pg from 'pg';
import { buildShopServer, type ShopServer } from '../../src/server/app';
import { createPool } from '../../src/server/db/pool';
import { createPairingCode } from '../../src/server/tills/tills';
import type { ShopDatabase, TestPostgres } from '../../testkit/postgres';

export const WEBHOOK_SECRET = 'whsec-test-7f3a9c1e5b2d4f60';
export const OWNER_TOKEN = 'owner-token-test-0123456789abcdef';

export interface ServerRig {
  db: ShopDatabase;
  pool: pg.Pool;
  server: ShopServer;
  /** http://127.0.0.1:port when listening was asked for. */
  url: string;
  pair(name?: string, prefix?: string): Promise<{ tillId: string; token: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** A migrated database of its own, and the real server on it running as the app role. */
export async function startServerRig(
  pgs: TestPostgres,
  opts: {
    listen?: boolean;
    heartbeatMs?: number;
    now?: () => Date;
    ownerPageDir?: string;
    sheetRowsLimit?: number;
  } = {},
): Promise<ServerRig> {
  counter += 1;
  const db = await pgs.createShopDatabase(`shop_${process.pid}_${counter}`);
  const pool = createPool(db.appUrl);
  const server = await buildShopServer({
    pool,
    webhookSecret: WEBHOOK_SECRET,
    ownerToken: OWNER_TOKEN,
    logLevel: 'silent',
    ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.ownerPageDir ? { ownerPageDir: opts.ownerPageDir } : {}),
    ...(opts.sheetRowsLimit ? { sheetRowsLimit: opts.sheetRowsLimit } : {}),
  });
  let url = '';
  if (opts.listen) url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    db,
    pool,
    server,
    url,
    async pair(name = 'Kasir 1', prefix = '') {
      const { code } = await createPairingCode(pool, name);
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/pair',
        payload: { code, tillName: name, orderPrefix: prefix },
      });
      if (res.statusCode !== 200) throw new Error(`pairing failed: ${res.statusCode} ${res.body}`);
      return res.json() as { tillId: string; token: string };
    },
    async close() {
      await server.app.close();
      await pool.end();
    },
  };
}
