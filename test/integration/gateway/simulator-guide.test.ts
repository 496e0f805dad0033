import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';
import { parseGatewayTimestamp } from '../../../src/main/pakasir/answer-fields';

/**
 * The simulator's v1 answers against the integration guide's examples, key by key. The
 * examples are transcribed from integration-guide-v1.txt with the PDF artefacts repaired
 * (missing colons after "amount"/"fee", broken timestamps).
 */
const GUIDE_CREATE = {
  payment: {
    project: 'depodomain',
    order_id: 'INV123123',
    amount: 99000,
    fee: 1003,
    total_payment: 100003,
    payment_method: 'qris',
    payment_number:
      '00020101021226610016ID.CO.SHOPEE.WWW01189360091800216005230208216005230303UME51440014ID.CO.QRIS.WWW0215ID10243228429300303UME5204792953033605409100003.005802ID5907Pakasir6012KAB. KEBUMEN61055439262230519SP25RZRATEQI2HQ65Q46304A079',
    expired_at: '2025-09-19T01:18:49.678622564Z',
  },
};
const GUIDE_DETAIL = {
  transaction: {
    amount: 22000,
    order_id: '240910HDE7C9',
    project: 'depodomain',
    status: 'completed',
    payment_method: 'qris',
    completed_at: '2024-09-10T08:07:02.819+07:00',
  },
};

/** Keys, nesting and value types of a JSON value, not the values themselves. */
function shape(v: unknown): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

async function post(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const r = await fetch(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: await r.json() };
}
async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const r = await fetch(`${sim.baseUrl}${path}`, { headers });
  return { status: r.status, json: await r.json(), headers: r.headers };
}
const body = (orderId: string, amount: number, project = sim.sandbox): Record<string, unknown> => ({
  project: project.slug,
  order_id: orderId,
  amount,
  api_key: project.apiKey,
});
const detail = (orderId: string, amount: number, project = sim.sandbox): string =>
  `/api/transactiondetail?${new URLSearchParams({ project: project.slug, amount: String(amount), order_id: orderId, api_key: project.apiKey })}`;

describe('v1 answers match the guide', () => {
  it('transactioncreate: same keys, nesting and types; fee and total for 99,000', async () => {
    const r = await post('/api/transactioncreate/qris', body('INV123123', 99000));
    expect(r.status).toBe(200);
    expect(shape(r.json)).toEqual(shape(GUIDE_CREATE));
    expect(Object.keys(r.json.payment)).toEqual(Object.keys(GUIDE_CREATE.payment));
    expect(r.json.payment).toMatchObject({
      order_id: 'INV123123',
      amount: 99000,
      fee: 1003,
      total_payment: 100003,
      payment_method: 'qris',
    });
    expect(r.json.payment.payment_number).toContain('5409100003.00');
    expect(r.json.payment.payment_number).toContain('5907Pakasir');
    expect(r.json.payment.expired_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/);
  });

  it('transactiondetail: same keys, nesting and types once completed; completed_at in WIB like the guide', async () => {
    await post('/api/transactioncreate/qris', body('240910HDE7C9', 22000));
    expect((await get(detail('240910HDE7C9', 22000))).json.transaction).toMatchObject({
      status: 'pending',
      completed_at: null,
    });
    expect((await post('/api/paymentsimulation', body('240910HDE7C9', 22000))).status).toBe(200);
    const r = await get(detail('240910HDE7C9', 22000));
    expect(shape(r.json)).toEqual(shape(GUIDE_DETAIL));
    expect(Object.keys(r.json.transaction)).toEqual(Object.keys(GUIDE_DETAIL.transaction));
    expect(r.json.transaction.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
    expect(parseGatewayTimestamp(r.json.transaction.completed_at)).not.toBeNull();
  });

  it('identifies a transaction by (order_id, amount)', async () => {
    await post('/api/transactioncreate/bni_va', body('PAIR-0001', 50000));
    expect((await get(detail('PAIR-0001', 50001))).status).toBe(404);
    const other = await post('/api/transactioncreate/bni_va', body('PAIR-0001', 60000));
    expect(other.status).toBe(400);
    expect(other.json.message).toMatch(/nominal lain/);
    const same = await post('/api/transactioncreate/bni_va', body('PAIR-0001', 50000));
    expect(same.status).toBe(200);
    expect(sim.stats().createsPerOrder['PAIR-0001']).toBe(1);
  });

  it('answers errors in the shapes seen in the wild', async () => {
    expect(await post('/api/transactioncreate/qris', { ...body('ERR-00001', 10000), api_key: 'salah' })).toEqual({
      status: 401,
      json: { message: 'Api key tidak valid' },
    });
    expect(await post('/api/transactioncreate/qris', { ...body('ERR-00001', 10000), project: 'tidak-ada' })).toEqual({
      status: 404,
      json: { message: 'Proyek tidak ditemukan' },
    });
    expect((await get(detail('ERR-NOPE1', 10000))).json).toEqual({ message: 'Transaksi tidak ditemukan' });
    expect((await post('/api/transactioncreate/qris', body('ERR-00002', 499))).status).toBe(400);
    expect((await post('/api/transactioncreate/gopay', body('ERR-00003', 10000))).status).toBe(400);
  });

  it('cancel and simulation answer with `success`; simulation only in sandbox', async () => {
    await post('/api/transactioncreate/qris', body('CAN-00001', 10000));
    expect(await post('/api/transactioncancel', body('CAN-00001', 10000))).toMatchObject({
      status: 200,
      json: { success: true },
    });
    await post('/api/transactioncreate/qris', body('LIVE-0001', 10000, sim.production));
    const live = await post('/api/paymentsimulation', body('LIVE-0001', 10000, sim.production));
    expect(live.status).toBe(400);
    expect(live.json.success).toBe(false);
  });
});

describe('v2 behaviour', () => {
  const h = (key = sim.sandbox.apiKey): Record<string, string> => ({
    'content-type': 'application/json',
    'x-api-key': key,
  });
  const create = (orderId: string, b: unknown, key?: string) =>
    fetch(`${sim.baseUrl}/api/v2/create-transaction/${sim.sandbox.slug}/${orderId}`, {
      method: 'POST',
      headers: h(key),
      body: JSON.stringify(b),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));

  it('find-or-create: same body gives the same txn; another amount is refused', async () => {
    const a = await create('V2-FOC-01', { method: 'qris', amount: 15000 });
    const b = await create('V2-FOC-01', { method: 'qris', amount: 15000 });
    expect(a.json.txn_id).toBe(b.json.txn_id);
    expect(a.json).toMatchObject({
      fee: 415,
      total_payment: 15415,
      is_sandbox: true,
      status: 'pending',
      va_number: null,
    });
    const c = await create('V2-FOC-01', { method: 'qris', amount: 16000 });
    expect(c.status).toBe(400);
    expect(sim.stats().createsPerOrder['V2-FOC-01']).toBe(1);
  });

  it('needs the key in X-Api-Key, not in the body', async () => {
    const r = await create('V2-KEY-01', { method: 'qris', amount: 15000, api_key: sim.sandbox.apiKey }, 'salah');
    expect(r).toEqual({ status: 401, json: { message: 'Api key tidak valid' } });
  });

  it('production projects say is_sandbox false', async () => {
    const r = await fetch(`${sim.baseUrl}/api/v2/create-transaction/${sim.production.slug}/V2-LIVE-01`, {
      method: 'POST',
      headers: h(sim.production.apiKey),
      body: JSON.stringify({ method: 'bri_va', amount: 15000 }),
    });
    expect(((await r.json()) as any).is_sandbox).toBe(false);
  });

  it('limits status to one call per 4 s per transaction, counting violations', async () => {
    const a = await create('V2-RL-001', { method: 'qris', amount: 15000 });
    const b = await create('V2-RL-002', { method: 'qris', amount: 15000 });
    const status = (txn: string) => get(`/api/v2/transaction-status/${sim.sandbox.slug}/${txn}`, h());
    const before = sim.stats().rateLimitViolations;
    expect((await status(a.json.txn_id)).status).toBe(200);
    const second = await status(a.json.txn_id);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await status(b.json.txn_id)).status).toBe(200);
    expect(sim.stats().rateLimitViolations).toBe(before + 1);
  });
});

describe('time, the scripted payer and the control plane', () => {
  it('expires lazily at expired_at and pays on schedule, on an injected clock', async () => {
    let now = Date.parse('2026-01-05T03:00:00Z');
    const s = await startTestSimulator({ clock: () => now, expiryMs: 60_000, autoPayAfterMs: null });
    try {
      const res = await fetch(`${s.baseUrl}/api/transactioncreate/qris`, {
        method: 'POST',
        body: JSON.stringify({
          project: s.sandbox.slug,
          order_id: 'CLK-00001',
          amount: 10000,
          api_key: s.sandbox.apiKey,
        }),
      });
      expect(((await res.json()) as any).payment.expired_at).toMatch(/^2026-01-05T03:01:00\.000\d{6}Z$/);
      now += 59_999;
      expect(s.transactions()[0]!.status).toBe('pending');
      now += 1;
      expect(s.transactions()[0]!.status).toBe('expired');
      // A late payment from a screenshot still lands.
      expect(s.pay('CLK-00001').status).toBe('completed');
    } finally {
      await s.close();
    }
    const payer = await startTestSimulator({ clock: () => now, autoPayAfterMs: 5_000 });
    try {
      await fetch(`${payer.baseUrl}/api/v2/create-transaction/${payer.sandbox.slug}/AUTO-0001`, {
        method: 'POST',
        headers: { 'x-api-key': payer.sandbox.apiKey },
        body: JSON.stringify({ method: 'qris', amount: 10000 }),
      });
      now += 4_999;
      expect(payer.transactions()[0]!.status).toBe('pending');
      now += 1;
      expect(payer.transactions()[0]).toMatchObject({ status: 'completed', completedAt: now });
    } finally {
      await payer.close();
    }
  });

  it('offers the same controls over HTTP under /__sim/', async () => {
    const s = await startTestSimulator();
    try {
      const call = (path: string, b?: unknown) =>
        fetch(`${s.baseUrl}/__sim/${path}`, b === undefined ? {} : { method: 'POST', body: JSON.stringify(b) }).then(
          async (r) => ({ status: r.status, json: (await r.json()) as any }),
        );
      const created = await fetch(`${s.baseUrl}/api/v2/create-transaction/${s.sandbox.slug}/CTL-00001`, {
        method: 'POST',
        headers: { 'x-api-key': s.sandbox.apiKey },
        body: JSON.stringify({ method: 'qris', amount: 10000 }),
      });
      const txnId = ((await created.json()) as any).txn_id;
      expect((await call('pay', { txn_id: txnId })).json).toMatchObject({
        ok: true,
        changed: true,
        status: 'completed',
      });
      expect((await call('pay', { order_id: 'NOPE-0001' })).status).toBe(404);
      expect((await call('faults', { route: 'v2.fee', status: 503, times: 'Infinity' })).json.faults).toHaveLength(1);
      expect((await fetch(`${s.baseUrl}/api/v2/payment-fee/10000`)).status).toBe(503);
      expect((await fetch(`${s.baseUrl}/api/v2/payment-fee/10000`)).status).toBe(503);
      expect((await call('faults', { route: 'v9.nope' })).status).toBe(400);
      expect((await call('faults', { clear: true })).json.faults).toEqual([]);
      expect((await fetch(`${s.baseUrl}/api/v2/payment-fee/10000`)).status).toBe(200);
      expect((await call('stats')).json).toMatchObject({ createCalls: 1, createsPerOrder: { 'CTL-00001': 1 } });
      expect((await call('transactions')).json).toHaveLength(1);
      await fetch(`${s.baseUrl}/api/transactioncreate/qris`, {
        method: 'POST',
        body: JSON.stringify({
          project: s.sandbox.slug,
          order_id: 'CTL-00002',
          amount: 10000,
          api_key: s.sandbox.apiKey,
        }),
      });
      expect((await call('expire', { order_id: 'CTL-00002' })).json.status).toBe('expired');
      expect((await call('reset', {})).json.ok).toBe(true);
      expect((await call('transactions')).json).toEqual([]);
      expect((await call('stats')).json).toEqual({
        createCalls: 0,
        statusCalls: 0,
        cancelCalls: 0,
        rateLimitViolations: 0,
        createsPerOrder: {},
      });
    } finally {
      await s.close();
    }
  });

  it('serves the pay page, which opens the transaction and offers a pay button', async () => {
    const page = await fetch(
      `${sim.baseUrl}/pay/${sim.sandbox.slug}/22000?order_id=PAGE-0001&qris_only=1&redirect=https%3A%2F%2Ftoko.example%2F`,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('PAGE-0001');
    expect(html).toContain('https://toko.example/');
    const t = sim.transactions().find((x) => x.orderId === 'PAGE-0001')!;
    expect(t).toMatchObject({ method: 'qris', amount: 22000, status: 'pending' });
    const paid = await fetch(`${sim.baseUrl}/__sim/pay?txn_id=${t.txnId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(sim.transactions().find((x) => x.orderId === 'PAGE-0001')!.status).toBe('completed');
  });

  it('generates fresh keys per run', async () => {
    const a = await startTestSimulator();
    const b = await startTestSimulator();
    try {
      expect(a.sandbox.apiKey).not.toBe(b.sandbox.apiKey);
      expect(a.sandbox.apiKey.length).toBeGreaterThanOrEqual(20);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
