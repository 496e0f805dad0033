import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/main/pakasir/create-gateway';
import type { PakasirGateway, TransactionRef } from '../../../src/main/pakasir/gateway';
import { validateQrisPayload } from '../../../src/shared/qris';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

let sim: TestSimulator;
let v1: PakasirGateway;
let v2: PakasirGateway;
let seq = 0;
const orderId = (): string => `INV-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  sim = await startTestSimulator();
  const base = { baseUrl: sim.baseUrl, project: sim.sandbox.slug, apiKey: sim.sandbox.apiKey, timeoutMs: 5000 };
  v1 = createGateway({ ...base, version: 'v1' });
  v2 = createGateway({ ...base, version: 'v2', simulationUrl: `${sim.baseUrl}/__sim/pay` });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

describe('v1 client', () => {
  it('creates a QRIS transaction whose payload encodes the total', async () => {
    const id = orderId();
    const tx = await v1.create({ orderId: id, amount: 99_000, method: 'qris' });
    expect(tx).toMatchObject({
      txnId: null,
      project: sim.sandbox.slug,
      orderId: id,
      amount: 99_000,
      fee: 1_003,
      totalPayment: 100_003,
      method: 'qris',
      paymentUrl: null,
    });
    expect(validateQrisPayload(tx.paymentNumber!, tx.totalPayment)).toEqual({ ok: true });
    expect(Date.parse(tx.expiresAt!)).toBeGreaterThan(Date.now());
    expect(tx.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(tx.serverDate).not.toBeNull();
  });

  it('creates a VA transaction with a VA number and the bank fee', async () => {
    const tx = await v1.create({ orderId: orderId(), amount: 50_000, method: 'sampoerna_va' });
    expect(tx.fee).toBe(2_000);
    expect(tx.totalPayment).toBe(52_000);
    expect(tx.paymentNumber).toMatch(/^\d{10,20}$/);
  });

  it('follows pending -> completed through detail and paymentsimulation', async () => {
    const id = orderId();
    await v1.create({ orderId: id, amount: 25_000, method: 'qris' });
    const ref: TransactionRef = { orderId: id, amount: 25_000, txnId: null, method: 'qris' };
    expect(await v1.status(ref)).toMatchObject({
      status: 'pending',
      rawStatus: 'pending',
      completedAt: null,
      orderId: id,
      amount: 25_000,
    });
    await v1.simulatePayment(ref);
    const done = await v1.status(ref);
    expect(done.status).toBe('completed');
    expect(done.completedAt).toMatch(/Z$/);
    expect(done.paymentMethod).toBe('qris');
  });

  it('cancels a pending transaction, and refuses to cancel it twice with the gateway message', async () => {
    const id = orderId();
    await v1.create({ orderId: id, amount: 25_000, method: 'bri_va' });
    const ref: TransactionRef = { orderId: id, amount: 25_000, txnId: null, method: 'bri_va' };
    await v1.cancel(ref);
    expect((await v1.status(ref)).status).toBe('canceled');
    await expect(v1.cancel(ref)).rejects.toMatchObject({
      kind: 'rejected',
      gatewayMessage: expect.stringMatching(/tidak dapat dibatalkan/),
    });
  });

  it('reports an expired transaction', async () => {
    const id = orderId();
    await v1.create({ orderId: id, amount: 25_000, method: 'qris' });
    sim.expire(id);
    expect((await v1.status({ orderId: id, amount: 25_000, txnId: null, method: 'qris' })).status).toBe('expired');
  });

  it('refuses the same order_id with another amount, with the gateway message', async () => {
    const id = orderId();
    await v1.create({ orderId: id, amount: 25_000, method: 'qris' });
    await expect(v1.create({ orderId: id, amount: 26_000, method: 'qris' })).rejects.toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
      gatewayMessage: expect.stringMatching(/nominal lain/),
    });
  });

  it('PayPal makes no API call and points at the /paypal/ pay page; status treats "not opened yet" as pending', async () => {
    const before = sim.stats().createCalls;
    const id = orderId();
    const tx = await v1.create({ orderId: id, amount: 150_000, method: 'paypal' });
    expect(sim.stats().createCalls).toBe(before);
    expect(tx).toMatchObject({ fee: 0, totalPayment: 150_000, paymentNumber: null, method: 'paypal' });
    expect(tx.paymentUrl).toBe(`${sim.baseUrl}/paypal/${sim.sandbox.slug}/150000?order_id=${id}`);
    const ref: TransactionRef = { orderId: id, amount: 150_000, txnId: null, method: 'paypal' };
    expect(await v1.status(ref)).toMatchObject({ status: 'pending', rawStatus: 'not_started' });
    const page = await fetch(tx.paymentUrl!);
    expect(page.status).toBe(200);
    sim.pay(id, sim.sandbox.slug);
    expect((await v1.status(ref)).status).toBe('completed');
  });

  it('reads fees from the public fee table on the same host, without the key, and keeps a 2 s status pace', async () => {
    let sawKey = false;
    const spy = createGateway({
      version: 'v1',
      baseUrl: sim.baseUrl,
      project: sim.sandbox.slug,
      apiKey: sim.sandbox.apiKey,
      fetch: (input, init) => {
        if (String(input).includes(sim.sandbox.apiKey) || JSON.stringify(init ?? {}).includes(sim.sandbox.apiKey))
          sawKey = true;
        return fetch(input, init);
      },
    });
    expect(await spy.fees(99_000)).toMatchObject({ qris: 1_003, bni_va: 3_500 });
    expect(sawKey).toBe(false);
    expect(v1.minStatusIntervalMs).toBe(2000);
    expect(
      createGateway({ version: 'v1', baseUrl: sim.baseUrl, project: 'x', apiKey: 'y', v1StatusIntervalMs: 3000 })
        .minStatusIntervalMs,
    ).toBe(3000);
  });

  it('refuses paymentsimulation for a production project', async () => {
    const live = createGateway({
      version: 'v1',
      baseUrl: sim.baseUrl,
      project: sim.production.slug,
      apiKey: sim.production.apiKey,
    });
    const id = orderId();
    await live.create({ orderId: id, amount: 10_000, method: 'qris' });
    await expect(
      live.simulatePayment({ orderId: id, amount: 10_000, txnId: null, method: 'qris' }),
    ).rejects.toMatchObject({ kind: 'rejected', gatewayMessage: expect.stringMatching(/Sandbox/) });
  });
});

describe('v2 client', () => {
  it('creates a QRIS transaction (flat answer) and finds the same one again', async () => {
    const id = orderId();
    const tx = await v2.create({ orderId: id, amount: 99_000, method: 'qris' });
    expect(tx).toMatchObject({
      orderId: id,
      amount: 99_000,
      fee: 1_003,
      totalPayment: 100_003,
      isSandbox: true,
      status: 'pending',
      project: sim.sandbox.slug,
    });
    expect(tx.txnId).toMatch(/\S+/);
    expect(validateQrisPayload(tx.paymentNumber!, 100_003)).toEqual({ ok: true });
    const again = await v2.create({ orderId: id, amount: 99_000, method: 'qris' });
    expect(again.txnId).toBe(tx.txnId);
    expect(again.paymentNumber).toBe(tx.paymentNumber);
    expect(sim.stats().createsPerOrder[id]).toBe(1);
  });

  it('creates a VA transaction', async () => {
    const tx = await v2.create({ orderId: orderId(), amount: 75_000, method: 'bni_va' });
    expect(tx).toMatchObject({ fee: 3_500, totalPayment: 78_500 });
    expect(tx.paymentNumber).toMatch(/^\d+$/);
  });

  it('creates a payment link and appends qris_only and redirect', async () => {
    const id = orderId();
    const tx = await v2.create({
      orderId: id,
      amount: 40_000,
      method: 'payment_link',
      link: { qrisOnly: true, redirectUrl: 'https://toko.example/terima-kasih' },
    });
    const url = new URL(tx.paymentUrl!);
    expect(url.searchParams.get('qris_only')).toBe('1');
    expect(url.searchParams.get('redirect')).toBe('https://toko.example/terima-kasih');
    expect(url.searchParams.get('order_id')).toBe(id);
    expect(tx).toMatchObject({ paymentNumber: null, fee: 0, totalPayment: 40_000 });
  });

  it('reads status, pays through the simulation URL, and reports completion', async () => {
    const id = orderId();
    const tx = await v2.create({ orderId: id, amount: 30_000, method: 'qris' });
    const ref: TransactionRef = { orderId: id, amount: 30_000, txnId: tx.txnId, method: 'qris' };
    expect(await v2.status(ref)).toMatchObject({ status: 'pending', txnId: tx.txnId, isSandbox: true });
    await v2.simulatePayment(ref);
    // The gateway allows one status call per 4 s per transaction: read the books directly.
    expect(sim.transactions().find((t) => t.txnId === tx.txnId)!.status).toBe('completed');
    const again = await v2.create({ orderId: id, amount: 30_000, method: 'qris' });
    expect(again.status).toBe('completed');
    expect(again.completedAt).toMatch(/Z$/);
  });

  it('hits the 4 s limit on a second immediate status call: rate_limited with Retry-After', async () => {
    const id = orderId();
    const tx = await v2.create({ orderId: id, amount: 30_000, method: 'qris' });
    const ref: TransactionRef = { orderId: id, amount: 30_000, txnId: tx.txnId, method: 'qris' };
    const violations = sim.stats().rateLimitViolations;
    await v2.status(ref);
    const err = await v2.status(ref).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rate_limited', httpStatus: 429, transient: true });
    expect((err as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect((err as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(4000);
    expect(sim.stats().rateLimitViolations).toBe(violations + 1);
    expect(v2.minStatusIntervalMs).toBe(4000);
  });

  it('cancels by txn_id', async () => {
    const id = orderId();
    const tx = await v2.create({ orderId: id, amount: 30_000, method: 'bri_va' });
    await v2.cancel({ orderId: id, amount: 30_000, txnId: tx.txnId, method: 'bri_va' });
    expect(sim.transactions().find((t) => t.txnId === tx.txnId)!.status).toBe('canceled');
  });

  it('needs a txn_id for status and cancel', async () => {
    const ref: TransactionRef = { orderId: orderId(), amount: 30_000, txnId: null, method: 'qris' };
    await expect(v2.status(ref)).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(v2.cancel(ref)).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('reads the public fee table (flat map and {status,data}) without sending the key', async () => {
    const fees = await v2.fees(99_000);
    expect(fees).toMatchObject({ qris: 1_003, bni_va: 3_500, sampoerna_va: 2_000, artha_graha_va: 2_000 });
    sim.faults.add({
      route: 'v2.fee',
      body: JSON.stringify({ status: 'success', data: { qris: '394', bri_va: 3500, mystery_pay: 1 } }),
    });
    expect(await v2.fees(10_000)).toEqual({ qris: 394, bri_va: 3500 });
    let sawKey = false;
    const spy = createGateway({
      version: 'v2',
      baseUrl: sim.baseUrl,
      project: sim.sandbox.slug,
      apiKey: sim.sandbox.apiKey,
      fetch: (input, init) => {
        if (
          JSON.stringify(init?.headers ?? {}).includes(sim.sandbox.apiKey) ||
          String(input).includes(sim.sandbox.apiKey)
        )
          sawKey = true;
        return fetch(input, init);
      },
    });
    await spy.fees(10_000);
    expect(sawKey).toBe(false);
  });

  it('refuses simulation when no simulation URL is configured (real v2 has none)', async () => {
    const real = createGateway({
      version: 'v2',
      baseUrl: sim.baseUrl,
      project: sim.sandbox.slug,
      apiKey: sim.sandbox.apiKey,
    });
    const before = sim.stats();
    await expect(
      real.simulatePayment({ orderId: orderId(), amount: 10_000, txnId: 'TRX1', method: 'qris' }),
    ).rejects.toMatchObject({ kind: 'rejected' });
    expect(sim.stats()).toEqual(before);
  });

  it('accepts a payment/data wrapper, payment_number and numeric strings in create answers', async () => {
    const id = orderId();
    sim.faults.add({
      route: 'v2.create',
      body: JSON.stringify({
        data: {
          txn_id: 'T-1',
          order_id: id,
          amount: '20000',
          fee: '3500',
          total_payment: '23500',
          payment_method: 'bni_va',
          payment_number: '8800123',
          expired_at: '2030-01-01T00:00:00.123456789+07:00',
          is_sandbox: 'true',
        },
      }),
    });
    const tx = await v2.create({ orderId: id, amount: 20_000, method: 'bni_va' });
    expect(tx).toMatchObject({
      txnId: 'T-1',
      amount: 20_000,
      fee: 3_500,
      totalPayment: 23_500,
      paymentNumber: '8800123',
      expiresAt: '2029-12-31T17:00:00.123Z',
      isSandbox: true,
    });
  });

  it('accepts the minimal {txn_id, payment_link} answer', async () => {
    const id = orderId();
    sim.faults.add({
      route: 'v2.create',
      body: JSON.stringify({ txn_id: 'L-1', payment_link: 'https://app.pakasir.com/p/L-1' }),
    });
    const tx = await v2.create({ orderId: id, amount: 20_000, method: 'payment_link' });
    expect(tx).toMatchObject({
      txnId: 'L-1',
      paymentUrl: 'https://app.pakasir.com/p/L-1',
      totalPayment: 20_000,
      orderId: id,
    });
  });
});
