import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/main/pakasir/create-gateway';
import {
  GatewayError,
  type GatewayErrorKind,
  type PakasirGateway,
  type TransactionRef,
} from '../../../src/main/pakasir/gateway';
import type { SimRoute } from '../../../src/simulator/simulator';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

let sim: TestSimulator;
let seq = 0;
const orderId = (): string => `ERR-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  // A short status limit so repeated status calls in these tests stay within it.
  sim = await startTestSimulator({ v2StatusIntervalMs: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

function client(version: 'v1' | 'v2', over: Partial<Parameters<typeof createGateway>[0]> = {}): PakasirGateway {
  return createGateway({
    version,
    baseUrl: sim.baseUrl,
    project: sim.sandbox.slug,
    apiKey: sim.sandbox.apiKey,
    timeoutMs: 3000,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GatewayError);
  return e as GatewayError;
}

/** A transaction to ask about, created through the client itself. */
async function pendingRef(g: PakasirGateway): Promise<TransactionRef> {
  const id = orderId();
  const tx = await g.create({ orderId: id, amount: 20_000, method: 'qris' });
  return { orderId: id, amount: 20_000, txnId: tx.txnId, method: 'qris' };
}

async function freePortThatIsClosed(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

type Call = 'create' | 'status' | 'cancel' | 'simulate' | 'fees';
const ROUTES: Record<'v1' | 'v2', Partial<Record<Call, SimRoute>>> = {
  v1: { create: 'v1.create', status: 'v1.detail', cancel: 'v1.cancel', simulate: 'v1.simulate' },
  v2: { create: 'v2.create', status: 'v2.status', cancel: 'v2.cancel', fees: 'v2.fee' },
};

async function invoke(g: PakasirGateway, call: Call, ref: TransactionRef): Promise<unknown> {
  switch (call) {
    case 'create':
      return g.create({ orderId: orderId(), amount: 20_000, method: 'qris' });
    case 'status':
      return g.status(ref);
    case 'cancel':
      return g.cancel(ref);
    case 'simulate':
      return g.simulatePayment(ref);
    case 'fees':
      return g.fees(20_000);
  }
}

const fault: Record<string, { spec: Record<string, unknown>; kind: GatewayErrorKind; timeoutMs?: number }> = {
  'a hung answer (timeout)': { spec: { hang: true }, kind: 'timeout', timeoutMs: 300 },
  'a dropped connection (network)': { spec: { drop: true }, kind: 'network' },
  '429 with Retry-After (rate_limited)': { spec: { status: 429, retryAfter: '7' }, kind: 'rate_limited' },
  '401 (auth)': { spec: { status: 401, body: '{"message":"Api key tidak valid"}' }, kind: 'auth' },
  '403 (auth)': { spec: { status: 403 }, kind: 'auth' },
  '404 (not_found)': { spec: { status: 404, body: '{"message":"Transaksi tidak ditemukan"}' }, kind: 'not_found' },
  '500 (server)': { spec: { status: 500 }, kind: 'server' },
  '503 (server)': { spec: { status: 503, body: '<html>Bad gateway</html>' }, kind: 'server' },
  'a malformed body (invalid_answer)': { spec: { body: '{"payment": {"order_id": ' }, kind: 'invalid_answer' },
  'an HTML page with 200 (invalid_answer)': { spec: { body: '<html>maintenance</html>' }, kind: 'invalid_answer' },
  '422 with an error field (rejected)': {
    spec: { status: 422, body: '{"error":"Nominal tidak valid"}' },
    kind: 'rejected',
  },
};

for (const version of ['v1', 'v2'] as const) {
  describe(`${version} failure classes`, () => {
    for (const [call, route] of Object.entries(ROUTES[version]) as [Call, SimRoute][]) {
      for (const [name, f] of Object.entries(fault)) {
        it(`${call}: ${name}`, async () => {
          const g = client(version, f.timeoutMs ? { timeoutMs: f.timeoutMs } : {});
          const ref = await pendingRef(client(version));
          sim.faults.add({ route, ...f.spec } as never);
          const e = await failure(invoke(g, call, ref));
          expect(e.kind).toBe(f.kind);
          if (f.kind === 'rate_limited') expect(e.retryAfterMs).toBe(7000);
          if (name.startsWith('401')) expect(e.gatewayMessage).toBe('Api key tidak valid');
          if (name.startsWith('404')) expect(e.gatewayMessage).toBe('Transaksi tidak ditemukan');
          if (name.startsWith('422')) {
            expect(e.gatewayMessage).toBe('Nominal tidak valid');
            expect(e.message).toContain('Nominal tidak valid');
          }
        });
      }
    }

    it('network: a closed port', async () => {
      const port = await freePortThatIsClosed();
      const g = client(version, { baseUrl: `http://127.0.0.1:${port}` });
      const e = await failure(g.create({ orderId: orderId(), amount: 20_000, method: 'qris' }));
      expect(e.kind).toBe('network');
      expect(e.transient).toBe(true);
    });

    it('auth: a wrong key, with the gateway message', async () => {
      const e = await failure(
        client(version, { apiKey: 'not-the-key' }).create({ orderId: orderId(), amount: 20_000, method: 'qris' }),
      );
      expect(e).toMatchObject({ kind: 'auth', httpStatus: 401, gatewayMessage: 'Api key tidak valid' });
    });

    it('not_found: an unknown project, and an unknown transaction', async () => {
      const e = await failure(
        client(version, { project: 'tidak-ada' }).create({ orderId: orderId(), amount: 20_000, method: 'qris' }),
      );
      expect(e).toMatchObject({ kind: 'not_found', gatewayMessage: 'Proyek tidak ditemukan' });
      const missing = await failure(
        client(version).status({ orderId: orderId(), amount: 20_000, txnId: 'TRXNOPE', method: 'qris' }),
      );
      expect(missing).toMatchObject({ kind: 'not_found', gatewayMessage: 'Transaksi tidak ditemukan' });
    });

    it('rate_limited: an HTTP-date Retry-After', async () => {
      const ref = await pendingRef(client(version));
      const at = new Date(Date.now() + 60_000).toUTCString();
      sim.faults.add({ route: ROUTES[version].status!, status: 429, retryAfter: at });
      const e = await failure(client(version).status(ref));
      expect(e.kind).toBe('rate_limited');
      // Read against the answer's own Date header, which has whole seconds and which Node's
      // server refreshes on a timer that a busy event loop runs late: up to a second behind
      // this test's clock, so the wait can read a second longer than the 60 s asked.
      expect(e.retryAfterMs).toBeGreaterThan(50_000);
      expect(e.retryAfterMs).toBeLessThanOrEqual(61_000);
    });

    for (const spoil of ['wrongAmount', 'wrongOrderId'] as const) {
      it(`invalid_answer: ${spoil} on create; a status answer is passed on for the engine to judge`, async () => {
        sim.faults.add({ route: ROUTES[version].create!, [spoil]: true });
        expect(
          (await failure(client(version).create({ orderId: orderId(), amount: 20_000, method: 'qris' }))).kind,
        ).toBe('invalid_answer');
        // Whether a status answer is about our transaction is a money rule (payments/verify):
        // a completed for another amount or order must reach a human, not vanish here.
        const ref = await pendingRef(client(version));
        sim.faults.add({ route: ROUTES[version].status!, [spoil]: true });
        const s = await client(version).status(ref);
        if (spoil === 'wrongAmount') expect(s).toMatchObject({ orderId: ref.orderId, amount: 20_001 });
        else expect(s).toMatchObject({ orderId: `${ref.orderId}X`, amount: 20_000 });
      });
    }

    it('invalid_answer: a total that is neither amount + fee nor amount, and a status without its identity', async () => {
      const id = orderId();
      const bad = {
        order_id: id,
        amount: 20_000,
        fee: 100,
        total_payment: 99_999,
        payment_method: 'qris',
        payment_number: 'x',
        qr_string: 'x',
        txn_id: 'T',
      };
      sim.faults.add({
        route: ROUTES[version].create!,
        body: JSON.stringify(version === 'v1' ? { payment: bad } : bad),
      });
      expect((await failure(client(version).create({ orderId: id, amount: 20_000, method: 'qris' }))).kind).toBe(
        'invalid_answer',
      );
      const ref = await pendingRef(client(version));
      const answer = (status: string) => {
        const t = {
          txn_id: ref.txnId,
          order_id: ref.orderId,
          amount: '20.000',
          status,
          project: sim.sandbox.slug,
        };
        return JSON.stringify(version === 'v1' ? { transaction: t } : t);
      };
      // A pending answer whose amount cannot be read tells us nothing: malformed.
      sim.faults.add({ route: ROUTES[version].status!, body: answer('pending') });
      expect((await failure(client(version).status(ref))).kind).toBe('invalid_answer');
      // A completed one must reach the money rules (and so a human): amount unreadable, not an error.
      sim.faults.add({ route: ROUTES[version].status!, body: answer('completed') });
      expect(await client(version).status(ref)).toMatchObject({ status: 'completed', amount: null });
    });

    it('a caller abort stops the call', async () => {
      const ref = await pendingRef(client(version));
      sim.faults.add({ route: ROUTES[version].status!, hang: true });
      const ac = new AbortController();
      const p = client(version, { timeoutMs: 10_000 }).status(ref, ac.signal);
      setTimeout(() => ac.abort(), 50);
      const e = await failure(p);
      expect(e.kind).toBe('network');
      expect(e.message).toMatch(/aborted/);
    });

    it('status spelling and case are normalised; unknown words keep checking', async () => {
      const table: [string, string][] = [
        ['COMPLETED', 'completed'],
        ['Cancelled', 'canceled'],
        ['canceled', 'canceled'],
        ['expired', 'expired'],
        ['failed', 'failed'],
        ['PAID', 'unknown'],
        ['settled', 'unknown'],
      ];
      const ref = await pendingRef(client(version));
      for (const [raw, status] of table) {
        const t = {
          txn_id: ref.txnId,
          order_id: ref.orderId,
          amount: 20_000,
          status: raw,
          payment_method: 'qris',
          completed_at: '2024-09-10T08:07:02.819+07:00',
          project: sim.sandbox.slug,
        };
        sim.faults.add({
          route: ROUTES[version].status!,
          body: JSON.stringify(version === 'v1' ? { transaction: t } : t),
        });
        const s = await client(version).status(ref);
        expect(s.status).toBe(status);
        expect(s.rawStatus).toBe(raw.toLowerCase());
        expect(s.completedAt).toBe('2024-09-10T01:07:02.819Z');
      }
    });

    it('a flipped status after completion is reported as the gateway says (pending), never invented', async () => {
      const ref = await pendingRef(client(version));
      sim.pay(ref.txnId ?? ref.orderId, sim.sandbox.slug);
      sim.faults.add({ route: ROUTES[version].status!, flipStatus: 'pending' });
      expect((await client(version).status(ref)).status).toBe('pending');
      expect((await client(version).status(ref)).status).toBe('completed');
    });
  });
}

describe('lost create answer (afterHandling)', () => {
  it('v2: the transaction exists though the answer was lost; a repeat finds the same one', async () => {
    const id = orderId();
    sim.faults.add({ route: 'v2.create', drop: true, afterHandling: true });
    expect((await failure(client('v2').create({ orderId: id, amount: 20_000, method: 'qris' }))).kind).toBe('network');
    expect(sim.stats().createsPerOrder[id]).toBe(1);
    const tx = await client('v2').create({ orderId: id, amount: 20_000, method: 'qris' });
    expect(sim.stats().createsPerOrder[id]).toBe(1);
    expect(
      sim
        .transactions()
        .filter((t) => t.orderId === id)
        .map((t) => t.txnId),
    ).toEqual([tx.txnId]);
  });

  it('v1: a 502 after processing still created the transaction; detail sees it', async () => {
    const id = orderId();
    sim.faults.add({ route: 'v1.create', status: 502, afterHandling: true });
    expect((await failure(client('v1').create({ orderId: id, amount: 20_000, method: 'qris' }))).kind).toBe('server');
    expect((await client('v1').status({ orderId: id, amount: 20_000, txnId: null, method: 'qris' })).status).toBe(
      'pending',
    );
  });

  it('a hang after processing times out, and the create happened', async () => {
    const id = orderId();
    sim.faults.add({ route: 'v2.create', hang: true, afterHandling: true });
    expect(
      (await failure(client('v2', { timeoutMs: 300 }).create({ orderId: id, amount: 20_000, method: 'qris' }))).kind,
    ).toBe('timeout');
    expect(sim.stats().createsPerOrder[id]).toBe(1);
  });
});
