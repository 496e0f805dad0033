import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../testkit/postgres';
import { createPairingCode } from '../../src/server/tills/tills';
import { event, orderId, snapshot } from './snapshots';
import { OWNER_TOKEN, startServerRig, type ServerRig } from './support';

let pgs: TestPostgres;
let rig: ServerRig;
beforeAll(async () => {
  pgs = await startPostgres();
  rig = await startServerRig(pgs);
});
afterAll(async () => {
  await rig?.close();
  await pgs?.stop();
});

const push = (token: string, events: unknown[]) =>
  rig.server.app.inject({
    method: 'POST',
    url: '/api/v1/sync/events',
    headers: { authorization: `Bearer ${token}` },
    payload: { events },
  });

describe('pairing', () => {
  it('exchanges a one-time code for a till token, once', async () => {
    const { code } = await createPairingCode(rig.pool, 'Kasir depan');
    const typed = code.toLowerCase().replace('-', ' ');
    const first = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/pair',
      payload: { code: typed, tillName: 'whatever', orderPrefix: 'KSR9' },
    });
    expect(first.statusCode).toBe(200);
    const till = first.json() as { tillId: string; tillName: string; token: string };
    expect(till.tillName).toBe('Kasir depan');
    expect(till.token.length).toBeGreaterThanOrEqual(40);
    // The server keeps only a hash of the token.
    const stored = await rig.pool.query('SELECT token_sha256 FROM shop.tills WHERE id = $1', [till.tillId]);
    expect(stored.rows[0].token_sha256).not.toContain(till.token);

    const again = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/pair',
      payload: { code, tillName: 'second', orderPrefix: '' },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error).toBe('invalid_code');

    const state = await rig.server.app.inject({
      method: 'GET',
      url: '/api/v1/sync/state',
      headers: { authorization: `Bearer ${till.token}` },
    });
    expect(state.json()).toEqual({ tillId: till.tillId, tillName: 'Kasir depan', hwm: 0 });
  });

  it('refuses an expired code and an unknown token', async () => {
    const { code } = await createPairingCode(rig.pool, 'Kasir lama', new Date(Date.now() - 11 * 60_000));
    const res = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/pair',
      payload: { code, tillName: 'x', orderPrefix: '' },
    });
    expect(res.statusCode).toBe(403);
    const state = await rig.server.app.inject({
      method: 'GET',
      url: '/api/v1/sync/state',
      headers: { authorization: 'Bearer not-a-token-that-was-ever-issued' },
    });
    expect(state.statusCode).toBe(401);
    expect(state.json().error).toBe('unauthorized');
  });

  it('creates codes through the owner API only with the owner token', async () => {
    const refused = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/owner/pairing-codes',
      payload: { tillName: 'Kasir 3' },
    });
    expect(refused.statusCode).toBe(401);
    const ok = await rig.server.app.inject({
      method: 'POST',
      url: '/api/v1/owner/pairing-codes',
      headers: { authorization: `Bearer ${OWNER_TOKEN}` },
      payload: { tillName: 'Kasir 3' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });
});

describe('ingest', () => {
  it('applies each event exactly once and in order; a gap is refused with the mark', async () => {
    const { token, tillId } = await rig.pair('Kasir A');
    const id = orderId('KSRA', 1);
    const e1 = event(1, snapshot(id, { state: 'creating', revision: 0, fee: null, totalPayment: null, paidAt: null }));
    const e2 = event(2, snapshot(id, { state: 'awaiting_payment', revision: 2, paidAt: null }));
    const e3 = event(3, snapshot(id, { state: 'paid', revision: 4 }));

    const first = await push(token, [e1, e2]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ hwm: 2, applied: 2, duplicates: 0, rejected: [] });

    // The same push again (its answer was lost): nothing is applied twice.
    const retried = await push(token, [e1, e2]);
    expect(retried.json()).toEqual({ hwm: 2, applied: 0, duplicates: 2, rejected: [] });

    // Starting past the mark is a gap: refused, with where to resume.
    const gap = await push(token, [event(5, snapshot(orderId('KSRA', 2)))]);
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toMatchObject({ error: 'gap', hwm: 2 });

    // Overlapping push: the known part is skipped, the rest applied.
    const overlap = await push(token, [e2, e3]);
    expect(overlap.json()).toEqual({ hwm: 3, applied: 1, duplicates: 1, rejected: [] });

    const events = await rig.pool.query('SELECT seq FROM shop.events WHERE till_id = $1 ORDER BY seq', [tillId]);
    expect(events.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const order = await rig.pool.query('SELECT state, revision, amount, fee FROM shop.orders WHERE order_id = $1', [
      id,
    ]);
    expect(order.rows).toEqual([{ state: 'paid', revision: 4, amount: 25_000, fee: 485 }]);
  });

  it('never rolls a sale back when an older snapshot arrives later', async () => {
    const { token } = await rig.pair('Kasir B');
    const id = orderId('KSRB', 1);
    await push(token, [event(1, snapshot(id, { state: 'paid', revision: 4 }))]);
    await push(token, [event(2, snapshot(id, { state: 'awaiting_payment', revision: 2, paidAt: null }))]);
    const order = await rig.pool.query('SELECT state, revision FROM shop.orders WHERE order_id = $1', [id]);
    expect(order.rows).toEqual([{ state: 'paid', revision: 4 }]);
  });

  it('applies racing pushes of the same events once', async () => {
    const { token, tillId } = await rig.pair('Kasir C');
    const batch = Array.from({ length: 50 }, (_, i) => event(i + 1, snapshot(orderId('KSRC', i + 1))));
    const answers = await Promise.all([push(token, batch), push(token, batch), push(token, batch)]);
    const applied = answers.map((a) => a.json().applied as number);
    expect(applied.reduce((s, n) => s + n, 0)).toBe(50);
    const n = await rig.pool.query('SELECT count(*)::int AS n FROM shop.events WHERE till_id = $1', [tillId]);
    expect(n.rows[0].n).toBe(50);
  });

  it('keeps a refused event with its reason and moves on; the till is told', async () => {
    const { token, tillId } = await rig.pair('Kasir D');
    const good = event(1, snapshot(orderId('KSRD', 1)));
    const unknownKind = {
      ...event(2, snapshot(orderId('KSRD', 2))),
      kind: 'stock.counted',
      entityId: 'stock-1',
      payload: { cash: 100_000 },
    };
    const badAmount = event(3, snapshot(orderId('KSRD', 3), { amount: -5 }));
    const after = event(4, snapshot(orderId('KSRD', 4)));
    const res = await push(token, [good, unknownKind, badAmount, after]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hwm).toBe(4);
    expect(body.applied).toBe(2);
    expect(body.rejected).toEqual([
      expect.objectContaining({ seq: 2, kind: 'stock.counted', code: 'unknown_kind' }),
      expect.objectContaining({ seq: 3, code: 'schema_invalid', reason: expect.stringContaining('amount') }),
    ]);
    const kept = await rig.pool.query(
      'SELECT seq, kind, rejected_code, payload FROM shop.events WHERE till_id = $1 AND rejected_code IS NOT NULL ORDER BY seq',
      [tillId],
    );
    expect(kept.rows).toEqual([
      { seq: 2, kind: 'stock.counted', rejected_code: 'unknown_kind', payload: { cash: 100_000 } },
      expect.objectContaining({ seq: 3, rejected_code: 'schema_invalid' }),
    ]);
    const orders = await rig.pool.query('SELECT order_id FROM shop.orders WHERE till_id = $1 ORDER BY order_id', [
      tillId,
    ]);
    expect(orders.rows.map((r) => r.order_id)).toEqual([orderId('KSRD', 1), orderId('KSRD', 4)]);
  });

  it('refuses a malformed push as a whole, and an oversized one', async () => {
    const { token } = await rig.pair('Kasir E');
    const noSeq = await push(token, [{ kind: 'order.snapshot' }]);
    expect(noSeq.statusCode).toBe(400);
    const tooMany = await push(
      token,
      Array.from({ length: 501 }, (_, i) => event(i + 1, snapshot(orderId('KSRE', i + 1)))),
    );
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('revoke', () => {
  it('refuses a revoked till with 401 revoked, on every call', async () => {
    const { token, tillId } = await rig.pair('Kasir F');
    expect((await push(token, [event(1, snapshot(orderId('KSRF', 1)))])).statusCode).toBe(200);
    const revoke = await rig.server.app.inject({
      method: 'POST',
      url: `/api/v1/owner/tills/${tillId}/revoke`,
      headers: { authorization: `Bearer ${OWNER_TOKEN}` },
    });
    expect(revoke.json()).toEqual({ revoked: true });
    const refused = await push(token, [event(2, snapshot(orderId('KSRF', 2)))]);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toBe('revoked');
    const state = await rig.server.app.inject({
      method: 'GET',
      url: '/api/v1/sync/state',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(state.statusCode).toBe(401);
  });
});
