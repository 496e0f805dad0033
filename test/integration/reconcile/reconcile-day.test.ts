import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { createGateway } from '../../../src/main/pakasir/create-gateway';
import type { PakasirGateway, TransactionRef } from '../../../src/main/pakasir/gateway';
import { openOrderStore } from '../../../src/main/orders/journal';
import type { OrderStore } from '../../../src/main/orders/order-store';
import { reconcileDay } from '../../../src/main/reconcile/reconcile-day';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

const TZ = 'Asia/Jakarta';
const DAY = '2026-11-24';
const NOON_LOCAL = new Date('2026-11-24T05:00:00.000Z');

let sim: TestSimulator;
let dir: string;
let store: OrderStore;
let gateway: PakasirGateway;
let run = 0;

beforeAll(async () => {
  // No per-transaction status pace in the simulator: each sale is checked once here.
  sim = await startTestSimulator({ v2StatusIntervalMs: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  run += 1;
  dir = mkdtempSync(join(tmpdir(), 'pos-reconcile-'));
  store = openOrderStore({ file: join(dir, 'orders.db'), now: () => NOON_LOCAL, timeZone: TZ });
  gateway = createGateway({
    version: 'v2',
    baseUrl: sim.baseUrl,
    project: sim.production.slug,
    apiKey: sim.production.apiKey,
    timeoutMs: 3000,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const id = (name: string) => `KSR1-R${run}-${name}`;

/** A sale journaled the way the engine does it, with a real transaction at the simulator. */
async function sale(name: string, amount: number, opts: { gatewayAmount?: number; atGateway?: boolean } = {}) {
  const orderId = id(name);
  store.create({
    orderId,
    amount,
    method: 'qris',
    note: '',
    terminal: 'KSR1',
    apiVersion: 'v2',
    sandbox: false,
    project: sim.production.slug,
  });
  store.noteCreateAttempt(orderId);
  let txnId = `txn-${orderId}-missing`;
  let fee = 0;
  if (opts.atGateway !== false) {
    const tx = await gateway.create({ orderId, amount: opts.gatewayAmount ?? amount, method: 'qris' });
    txnId = tx.txnId!;
    fee = tx.fee;
  }
  store.transition(orderId, 'awaiting_payment', 'created', {
    txnId,
    fee,
    totalPayment: amount + fee,
    paymentNumber: 'QR',
  });
  return orderId;
}

/** Sales whose journal and gateway states deliberately disagree, plus some that agree. */
async function divergingDay() {
  const paidThereOnly = await sale('A', 21_000);
  sim.pay(paidThereOnly, sim.production.slug);
  store.transition(paidThereOnly, 'expired', 'expired_locally');

  const paidHereOnly = await sale('B', 22_000);
  store.transition(paidHereOnly, 'paid', 'proof_accepted', { paidAt: NOON_LOCAL.toISOString() });

  const unknownThere = await sale('C', 23_000, { atGateway: false });

  const wrongAmount = await sale('D', 25_000, { gatewayAmount: 20_000 });

  const bothPaid = await sale('E', 24_000);
  sim.pay(bothPaid, sim.production.slug);
  store.transition(bothPaid, 'paid', 'status_completed', { paidAt: NOON_LOCAL.toISOString() });

  const bothOpen = await sale('F', 26_000);

  const refused = id('G');
  store.create({
    orderId: refused,
    amount: 27_000,
    method: 'qris',
    note: '',
    terminal: 'KSR1',
    apiVersion: 'v2',
    sandbox: false,
    project: sim.production.slug,
  });
  store.transition(refused, 'failed', 'gateway_rejected');

  return { paidThereOnly, paidHereOnly, unknownThere, wrongAmount, bothPaid, bothOpen, refused };
}

function deps(over: Partial<Parameters<typeof reconcileDay>[2]> = {}): Parameters<typeof reconcileDay>[2] {
  return {
    checkStatus: (ref: TransactionRef, signal?: AbortSignal) => gateway.status(ref, signal),
    cutoffHour: 4,
    timeZone: TZ,
    now: () => new Date('2026-11-25T02:00:00.000Z'),
    ...over,
  };
}

describe('reconcileDay against the simulator', () => {
  it('lists every kind of difference and nothing for sales that agree', async () => {
    const s = await divergingDay();
    const progress: [number, number][] = [];
    const result = await reconcileDay(store, DAY, deps({ onProgress: (d, t) => progress.push([d, t]) }));
    expect(result).toMatchObject({
      day: DAY,
      checkedAt: '2026-11-25T02:00:00.000Z',
      checked: 6,
      unchecked: 0,
      offline: false,
    });
    expect(result.differences).toEqual([
      {
        orderId: s.paidThereOnly,
        localState: 'expired',
        gatewayStatus: 'completed',
        amount: 21_000,
        kind: 'paid_at_gateway_only',
      },
      {
        orderId: s.paidHereOnly,
        localState: 'paid',
        gatewayStatus: 'pending',
        amount: 22_000,
        kind: 'paid_locally_only',
      },
      {
        orderId: s.unknownThere,
        localState: 'awaiting_payment',
        gatewayStatus: 'not_found',
        amount: 23_000,
        kind: 'unknown_at_gateway',
      },
      {
        orderId: s.wrongAmount,
        localState: 'awaiting_payment',
        gatewayStatus: 'pending',
        amount: 25_000,
        kind: 'amount_mismatch',
      },
    ]);
    expect(progress[0]).toEqual([0, 6]);
    expect(progress[progress.length - 1]).toEqual([6, 6]);
    // Reconciliation reports; it never changes a sale by itself.
    expect(store.get(s.paidThereOnly)!.state).toBe('expired');
    expect(store.get(s.paidHereOnly)!.state).toBe('paid');
  });

  it('keeps at most two status calls in flight', async () => {
    for (const n of ['1', '2', '3', '4', '5', '6']) await sale(n, 20_000 + Number(n) * 1_000);
    sim.faults.add({ route: 'v2.status', latencyMs: 40, times: Infinity });
    let inFlight = 0;
    let maxInFlight = 0;
    const result = await reconcileDay(
      store,
      DAY,
      deps({
        checkStatus: async (ref, signal) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            return await gateway.status(ref, signal);
          } finally {
            inFlight -= 1;
          }
        },
      }),
    );
    expect(result.checked).toBe(6);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBeGreaterThan(0);
  });

  it('says it could not check when Pakasir is unreachable, and keeps that result across a restart', async () => {
    await divergingDay();
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const offlineGateway = createGateway({
      version: 'v2',
      baseUrl: `http://127.0.0.1:${port}`,
      project: sim.production.slug,
      apiKey: sim.production.apiKey,
      timeoutMs: 1000,
    });
    const result = await reconcileDay(
      store,
      DAY,
      deps({ checkStatus: (ref, signal) => offlineGateway.status(ref, signal) }),
    );
    expect(result).toMatchObject({ offline: true, checked: 0, unchecked: 6, differences: [] });

    const file = store.file;
    store.close();
    store = openOrderStore({ file, timeZone: TZ });
    expect(store.lastReconcile(DAY)).toEqual(result);
    expect(store.lastReconcile('2026-11-23')).toBeNull();
  });

  it('treats dropped connections on every call as offline too', async () => {
    await divergingDay();
    sim.faults.add({ route: 'v2.status', drop: true, times: Infinity });
    const result = await reconcileDay(store, DAY, deps());
    expect(result.offline).toBe(true);
    expect(result.checked).toBe(0);
  });

  it('is not offline when only some calls fail; those sales are unchecked', async () => {
    const s = await divergingDay();
    sim.faults.add({ route: 'v2.status', status: 500, times: 1 });
    const result = await reconcileDay(store, DAY, deps());
    expect(result.offline).toBe(false);
    expect(result.unchecked).toBe(1);
    expect(result.checked).toBe(5);
    expect(result.differences.length).toBeGreaterThanOrEqual(3);
    expect(result.differences.every((d) => Object.values(s).includes(d.orderId))).toBe(true);
  });

  it('stops on cancel without saving a result', async () => {
    await divergingDay();
    const before = store.lastReconcile(DAY);
    const controller = new AbortController();
    sim.faults.add({ route: 'v2.status', latencyMs: 30, times: Infinity });
    const run = reconcileDay(
      store,
      DAY,
      deps({ signal: controller.signal, onProgress: (d) => d >= 1 && controller.abort() }),
    );
    await expect(run).rejects.toThrow(PosError);
    await expect(run).rejects.toThrow(/canceled/);
    expect(store.lastReconcile(DAY)).toEqual(before);
  });

  it('ignores sales of other business days', async () => {
    await divergingDay();
    const result = await reconcileDay(store, '2026-11-23', deps());
    expect(result).toMatchObject({ checked: 0, unchecked: 0, offline: false, differences: [] });
    expect((await reconcileDay(store, '2026-11-25', deps())).checked).toBe(0);
  });
});
