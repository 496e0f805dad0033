import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairingCode } from '../../src/server/tills/tills';
import { orderIdOwnerKey } from '../../src/shared/sync/order-owner';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { startServerRig, type ServerRig } from '../server/support';
import { startTill, waitUntil, type TillRig } from './till-rig';

/**
 * A data folder copied from a paired till (to a second PC, or beside the first) carries the
 * pairing with it. The copy takes a new install id at its first start (reason 'copied'); it
 * must then never send as the original till: it unpairs itself before sending anything and
 * says so, while the original stays paired.
 */
let pgs: TestPostgres;
let server: ServerRig;
const folders: string[] = [];
const running: TillRig[] = [];

beforeAll(async () => {
  pgs = await startPostgres();
  server = await startServerRig(pgs, { listen: true, heartbeatMs: 1000 });
});
afterAll(async () => {
  for (const till of running) await till.services.stop().catch(() => undefined);
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  await server?.close();
  await pgs?.stop();
});

async function open(folder: string): Promise<TillRig> {
  const till = await startTill({}, folder);
  running.push(till);
  return till;
}

async function stop(till: TillRig): Promise<void> {
  await till.services.stop();
  running.splice(running.indexOf(till), 1);
}

const serverHwm = async (tillId: string) =>
  (await server.pool.query<{ hwm: number }>('SELECT hwm FROM shop.tills WHERE id = $1', [tillId])).rows[0]!.hwm;

describe('a copied data folder', () => {
  it('unpairs the copy before it sends anything, says so until seen, and leaves the original paired', async () => {
    const original = mkdtempSync(join(tmpdir(), 'pos-till-original-'));
    folders.push(original);
    let till = await open(original);
    const { code } = await createPairingCode(server.pool, 'Kasir depan');
    const paired = await till.services.handlers.pairShopServer({ serverUrl: server.url, code, tillName: 'Kasir 1' });
    const tillId = paired.tillId!;
    // The till files its order ids under prefix + install id from the start, before any sale is sent.
    const keys = await server.pool.query<{ prefix: string }>(
      'SELECT prefix FROM shop.till_prefixes WHERE till_id = $1',
      [tillId],
    );
    const sale = await till.services.handlers.charge({ amount: 21_000, method: 'qris' });
    await till.services.handlers.cancelSale({ orderId: sale.orderId });
    await till.waitStatus((s) => s.state === 'up_to_date' && s.pending === 0, 'the original to be up to date');
    expect(keys.rows.map((r) => r.prefix)).toEqual([orderIdOwnerKey(sale.orderId)]);
    await stop(till);
    const hwm = await serverHwm(tillId);
    expect(hwm).toBeGreaterThan(0);

    // The folder copied elsewhere: a new folder on the disk, so a new install id.
    const copy = mkdtempSync(join(tmpdir(), 'pos-till-copy-'));
    folders.push(copy);
    rmSync(copy, { recursive: true });
    cpSync(original, copy, { recursive: true });
    const copied = await open(copy);
    const info = await copied.services.handlers.getAppInfo({});
    expect(info.installIdRenewed?.reason).toBe('copied');
    let status = await copied.status();
    expect(status).toMatchObject({ state: 'unpaired_copy', tillId: null, pushChannel: 'off' });
    // The till token is gone from the copy, not just unused.
    expect(readFileSync(join(copy, 'shop-server.json'), 'utf8')).not.toContain(tillId);
    const copySale = await copied.services.handlers.charge({ amount: 22_000, method: 'qris' });
    await copied.services.handlers.cancelSale({ orderId: copySale.orderId });
    status = await copied.waitStatus((s) => s.pending > 0, 'the copy to hold its entries');
    expect(status.state).toBe('unpaired_copy');
    expect(await serverHwm(tillId)).toBe(hwm);
    const onServer = await server.pool.query('SELECT 1 FROM shop.orders WHERE order_id = $1', [copySale.orderId]);
    expect(onServer.rowCount).toBe(0);

    // Seen: the note goes, the till is simply not paired; a restart does not unpair again.
    status = await copied.services.handlers.acknowledgeSyncRejections({});
    expect(status.state).toBe('off');
    await stop(copied);
    const again = await open(copy);
    expect((await again.status()).state).toBe('off');
    await stop(again);

    // The original, started again where it was, is still the paired till and goes on sending.
    till = await open(original);
    expect((await till.services.handlers.getAppInfo({})).installIdRenewed).toBeNull();
    const more = await till.services.handlers.charge({ amount: 23_000, method: 'qris' });
    await till.services.handlers.cancelSale({ orderId: more.orderId });
    await till.waitStatus((s) => s.state === 'up_to_date' && s.pending === 0, 'the original to send again');
    await waitUntil(async () => (await serverHwm(tillId)) > hwm, 'the server to receive the original');
    await stop(till);
  });
});
