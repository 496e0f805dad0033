import { Pakasir } from 'pakasir-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateQrisPayload } from '../../../src/shared/qris';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * An independent reading of the guide: the `pakasir-sdk` package, run unchanged against
 * the simulator. It hard-codes the production host and calls the global fetch, so the
 * global fetch is wrapped to swap ONLY the origin; path, query, method and body are the
 * SDK's own. Anything else it tried to reach would fail the test.
 */
const PRODUCTION = 'https://app.pakasir.com';
let sim: TestSimulator;
const realFetch = globalThis.fetch;
const seen: string[] = [];

beforeAll(async () => {
  sim = await startTestSimulator();
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(`${PRODUCTION}/`)) throw new Error(`unexpected host in ${url.slice(0, 40)}`);
    const rewritten = sim.baseUrl + url.slice(PRODUCTION.length);
    seen.push(new URL(rewritten).pathname);
    return realFetch(rewritten, init);
  }) as typeof fetch;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await sim.close();
});

describe('pakasir-sdk against the simulator', () => {
  it('creates a QRIS payment with the guide fee and a valid payload', async () => {
    const sdk = new Pakasir({ slug: sim.sandbox.slug, apikey: sim.sandbox.apiKey });
    const p = await sdk.createPayment('qris', 'SDK-INV-0001', 99_000);
    expect(p).toMatchObject({
      order_id: 'SDK-INV-0001',
      amount: 99_000,
      fee: 1_003,
      total_payment: 100_003,
      status: 'pending',
    });
    expect(validateQrisPayload(p.payment_number!, p.total_payment)).toEqual({ ok: true });
    expect(p.expired_at).toMatch(/Z$/);
    expect(seen).toContain('/api/transactioncreate/qris');
  });

  it('reads the detail, simulates the payment, and sees it completed', async () => {
    const sdk = new Pakasir({ slug: sim.sandbox.slug, apikey: sim.sandbox.apiKey });
    await sdk.createPayment('qris', 'SDK-INV-0002', 25_000);
    expect((await sdk.detailPayment('SDK-INV-0002', 25_000)).status).toBe('pending');
    const paid = await sdk.simulationPayment('SDK-INV-0002', 25_000);
    expect(paid.status).toBe('completed');
    const detail = await sdk.detailPayment('SDK-INV-0002', 25_000);
    expect(detail.status).toBe('completed');
    expect(detail.completed_at).toMatch(/\+07:00$/);
    expect(sim.transactions().find((t) => t.orderId === 'SDK-INV-0002')!.status).toBe('completed');
  });

  it('cancels a payment', async () => {
    const sdk = new Pakasir({ slug: sim.sandbox.slug, apikey: sim.sandbox.apiKey });
    await sdk.createPayment('bni_va', 'SDK-INV-0003', 50_000);
    const canceled = await sdk.cancelPayment('SDK-INV-0003', 50_000);
    expect(canceled.status).toBe('canceled');
    expect((await sdk.detailPayment('SDK-INV-0003', 50_000)).status).toBe('canceled');
    expect(seen).toEqual(
      expect.arrayContaining(['/api/transactioncancel', '/api/transactiondetail', '/api/paymentsimulation']),
    );
  });

  it('surfaces the gateway message for a wrong key', async () => {
    const sdk = new Pakasir({ slug: sim.sandbox.slug, apikey: 'bukan-kunci' });
    await expect(sdk.createPayment('qris', 'SDK-INV-0004', 10_000)).rejects.toThrow('Api key tidak valid');
  });
});
