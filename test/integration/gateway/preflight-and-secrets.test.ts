import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/main/pakasir/create-gateway';
import type { CreateRequest, GatewayConfig, PakasirGateway, TransactionRef } from '../../../src/main/pakasir/gateway';
import type { PaymentMethod } from '../../../src/shared/methods';
import { createLabSimulator, type FaultSpec, type LabSimulator } from '../../../src/simulator/lab/lab-simulator';
import type { SimRoute } from '../../../src/simulator/simulator';

// A key that is easy to find in any output, with characters that change under URL encoding.
const KEY = 'SeCrEt+Key/For=Leak-Test_9f3a';
let sim: LabSimulator;
let requests: string[] = [];
const counting: typeof fetch = (input, init) => {
  requests.push(String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  sim = await createLabSimulator({
    projects: [{ slug: 'toko-rahasia', apiKey: KEY, sandbox: true }],
    v2StatusIntervalMs: 0,
  });
});
afterAll(() => sim.close());

const gateway = (version: 'v1' | 'v2', over: Partial<GatewayConfig> = {}): PakasirGateway =>
  createGateway({
    version,
    baseUrl: sim.baseUrl,
    project: 'toko-rahasia',
    apiKey: KEY,
    timeoutMs: 300,
    fetch: counting,
    ...over,
  });

describe('pre-flight: nothing is sent for a request the rules refuse', () => {
  const bad: [string, 'v1' | 'v2', CreateRequest, RegExp][] = [
    [
      'QRIS below Rp 500',
      'v2',
      { orderId: 'ORDER-1', amount: 499, method: 'qris' },
      /QRIS accepts Rp 500 to Rp 10\.000\.000/,
    ],
    [
      'QRIS above Rp 10 juta',
      'v1',
      { orderId: 'ORDER-1', amount: 10_000_001, method: 'qris' },
      /QRIS accepts Rp 500 to Rp 10\.000\.000/,
    ],
    [
      'VA below Rp 10.000',
      'v1',
      { orderId: 'ORDER-1', amount: 9_999, method: 'bni_va' },
      /BNI virtual account accepts Rp 10\.000 to Rp 50\.000\.000/,
    ],
    ['a fraction of a rupiah', 'v2', { orderId: 'ORDER-1', amount: 10_000.5, method: 'qris' }, /whole number/],
    ['NaN', 'v1', { orderId: 'ORDER-1', amount: Number.NaN, method: 'qris' }, /whole number/],
    ['a negative amount', 'v2', { orderId: 'ORDER-1', amount: -10_000, method: 'bri_va' }, /accepts/],
    ['PayPal on v2', 'v2', { orderId: 'ORDER-1', amount: 100_000, method: 'paypal' }, /not offered by API v2/],
    [
      'payment_link on v1',
      'v1',
      { orderId: 'ORDER-1', amount: 100_000, method: 'payment_link' },
      /not offered by API v1/,
    ],
    ['an order id with a slash', 'v2', { orderId: 'ORDER/1', amount: 10_000, method: 'qris' }, /order id/],
    ['a too short order id', 'v1', { orderId: 'AB', amount: 10_000, method: 'qris' }, /order id/],
    ['an order id with a space', 'v1', { orderId: 'ORDER 1', amount: 10_000, method: 'qris' }, /order id/],
  ];
  it.each(bad)('%s', async (_name, version, req, message) => {
    requests = [];
    const before = sim.stats();
    const e = await gateway(version)
      .create(req)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(message) });
    expect(requests).toEqual([]);
    expect(sim.stats()).toEqual(before);
  });

  it('status, cancel and simulate check too', async () => {
    requests = [];
    const ref: TransactionRef = { orderId: 'bad id!', amount: 10_000, txnId: 'T', method: 'qris' };
    for (const g of [gateway('v1'), gateway('v2', { simulationUrl: `${sim.baseUrl}/__sim/pay` })]) {
      await expect(g.status(ref)).rejects.toMatchObject({ kind: 'invalid_request' });
      await expect(g.cancel(ref)).rejects.toMatchObject({ kind: 'invalid_request' });
      await expect(g.simulatePayment(ref)).rejects.toMatchObject({ kind: 'invalid_request' });
    }
    await expect(gateway('v2').fees(0)).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(requests).toEqual([]);
  });
});

describe('the API key never leaves in an error', () => {
  const thrown: unknown[] = [];
  const method: PaymentMethod = 'qris';

  async function collect(p: Promise<unknown>): Promise<void> {
    await p.then(
      () => undefined,
      (e: unknown) => {
        thrown.push(e);
      },
    );
  }

  it('across every failure class, for both versions', async () => {
    const echo = JSON.stringify({ message: `Api key ${KEY} tidak valid (${encodeURIComponent(KEY)})`, error: KEY });
    for (const version of ['v1', 'v2'] as const) {
      const r =
        version === 'v1'
          ? { create: 'v1.create', status: 'v1.detail', cancel: 'v1.cancel' }
          : { create: 'v2.create', status: 'v2.status', cancel: 'v2.cancel' };
      const g = gateway(version);
      const tx = await g.create({ orderId: `LEAK-${version}-0`, amount: 10_000, method });
      const ref: TransactionRef = { orderId: tx.orderId, amount: 10_000, txnId: tx.txnId, method };
      const specs: Omit<FaultSpec, 'route'>[] = [
        { hang: true },
        { drop: true },
        { status: 429, retryAfter: '3', body: echo },
        { status: 401, body: echo },
        { status: 404, body: echo },
        { status: 500, body: echo },
        { status: 400, body: echo },
        { body: `not json ${KEY}` },
        { wrongAmount: true },
        { wrongOrderId: true },
        {
          body: JSON.stringify({
            payment: { order_id: KEY },
            transaction: { order_id: KEY },
            txn_id: KEY,
            order_id: KEY,
            amount: KEY,
          }),
        },
      ];
      for (const spec of specs) {
        for (const [call, route] of Object.entries(r)) {
          sim.faults.add({ route: route as SimRoute, ...spec });
          if (call === 'create')
            await collect(g.create({ orderId: `LEAK-${version}-${thrown.length + 1}`, amount: 10_000, method }));
          if (call === 'status') await collect(g.status(ref));
          if (call === 'cancel') await collect(g.cancel(ref));
          sim.faults.clear();
        }
      }
      await collect(
        gateway(version, { apiKey: `${KEY}-wrong` }).create({ orderId: `LEAK-${version}-w`, amount: 10_000, method }),
      );
      await collect(gateway(version, { baseUrl: 'http://127.0.0.1:1' }).status(ref));
      await collect(gateway(version).create({ orderId: 'no', amount: 1, method }));
    }
    expect(thrown.length).toBeGreaterThan(60);
    for (const e of thrown) {
      const views = [
        String(e),
        (e as Error).message,
        (e as Error).stack ?? '',
        JSON.stringify(e),
        JSON.stringify(e, Object.getOwnPropertyNames(e)),
        inspect(e, { depth: 10, showHidden: true }),
      ];
      for (const view of views) {
        expect(view).not.toContain(KEY);
        expect(view).not.toContain(encodeURIComponent(KEY));
        expect(view).not.toContain('SeCrEt');
      }
    }
  });

  it('nor in the client object when it is logged', () => {
    for (const version of ['v1', 'v2'] as const) {
      const g = gateway(version);
      expect(JSON.stringify(g)).not.toContain(KEY);
      expect(inspect(g, { depth: 10, showHidden: true })).not.toContain(KEY);
    }
  });
});
