import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app/create-services';
import type { AppServices } from '../../../src/main/app/service-types';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';
import { saleMoney } from '../../../src/shared/fees';
import { parseTlv } from '../../../src/shared/qris';
import { createLabSimulator, type LabSimulator } from '../../../src/simulator/lab/lab-simulator';
import { randomApiKey, type SimProject } from '../../../src/simulator/simulator';

/**
 * Who pays Pakasir's fee, through the whole app (settings, the fee table, the engine, the
 * journal) against the simulator over HTTP, for both API versions.
 */
const customerBears: SimProject = { slug: 'warung-bulat', apiKey: randomApiKey(), sandbox: true };
const merchantBears: SimProject = {
  slug: 'warung-tanggung',
  apiKey: randomApiKey(),
  sandbox: true,
  feeBearer: 'merchant',
};

let sim: LabSimulator;
const dirs: string[] = [];

beforeAll(async () => {
  sim = await createLabSimulator({ port: 0, projects: [customerBears, merchantBears] });
});
afterAll(async () => {
  await sim.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function appFor(project: SimProject, apiVersion: 'v1' | 'v2'): Promise<AppServices> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-fee-'));
  dirs.push(dir);
  const app = await createAppServices({
    dataDir: dir,
    shell: 'browser',
    safeStorage: memorySafeStorage(),
    version: 'test',
    quiet: true,
    listDisplays: () => [],
    exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
    tuning: { v1StatusIntervalMs: 50, createSpacingMs: 0 },
  });
  // Every app is its own counter: its own terminal prefix keeps order ids apart at the simulator.
  app.settings.update({ acceptInsecureStorage: true, terminalPrefix: `F${dirs.length}${apiVersion}` });
  await app.handlers.setProject({
    projectSlug: project.slug,
    apiKey: project.apiKey,
    baseUrl: sim.baseUrl,
    apiVersion,
  });
  return app;
}

function simTxn(orderId: string) {
  return sim.transactions().find((t) => t.orderId === orderId)!;
}

for (const version of ['v2', 'v1'] as const) {
  describe(`the fee choice, API ${version}`, () => {
    it('a new project: the shop bears the fee and the customer pays exactly the price', async () => {
      const app = await appFor(customerBears, version);
      try {
        const view = app.settings.view();
        expect(view.feePayer).toBe('shop');
        expect(view.feePayerChosen).toBe(false);
        const sale = await app.handlers.charge({ amount: 25_000, method: 'qris' });
        expect(sale.state).toBe('awaiting_payment');
        expect(sale).toMatchObject({ price: 25_000, amount: 24_518, fee: 482, totalPayment: 25_000, feePayer: 'shop' });
        // What the customer's wallet reads: the QR asks exactly the price.
        expect(parseTlv(sale.paymentNumber!).find((f) => f.tag === '54')?.value).toBe('25000.00');
        expect(saleMoney(sale)).toMatchObject({
          customerPays: 25_000,
          shopReceives: 24_518,
          feeOnShop: 482,
          feeOnCustomer: 0,
        });
        // One transaction for the sale, for the amount sent.
        expect(sim.stats().createsPerOrder[sale.orderId]).toBe(1);
        expect(simTxn(sale.orderId)).toMatchObject({ amount: 24_518, totalPayment: 25_000 });
        sim.pay(sale.orderId, customerBears.slug);
        await app.handlers.checkNow({ orderId: sale.orderId });
        const paid = app.store.get(sale.orderId)!;
        expect(paid.state).toBe('paid');
        const report = app.store.dailyReport(paid.createdAt.slice(0, 10), 0, 'UTC');
        expect(report).toMatchObject({ grossAmount: 25_000, fees: 482, netReceived: 24_518, feesShop: 482 });
        // Pakasir's answer showed that this project puts the fee on the customer.
        expect(app.settings.view().pakasirFeeBearer?.bearer).toBe('customer');
      } finally {
        await app.stop();
      }
    });

    it('the owner chose that the customer pays the fee: the price is sent as is', async () => {
      const app = await appFor(customerBears, version);
      try {
        await app.handlers.updateSettings({ feePayer: 'customer' });
        const before = sim.stats().createCalls;
        const sale = await app.handlers.charge({ amount: 25_000, method: 'qris' });
        expect(sale).toMatchObject({
          price: 25_000,
          amount: 25_000,
          fee: 485,
          totalPayment: 25_485,
          feePayer: 'customer',
        });
        expect(saleMoney(sale)).toMatchObject({
          customerPays: 25_485,
          shopReceives: 25_000,
          feeOnCustomer: 485,
          feeOnShop: 0,
        });
        expect(sim.stats().createCalls).toBe(before + 1);
        await app.handlers.cancelSale({ orderId: sale.orderId });
      } finally {
        await app.stop();
      }
    });

    it("Pakasir's project bears the fee itself: learnt from the first answer, then the price is sent as is", async () => {
      const app = await appFor(merchantBears, version);
      try {
        const first = await app.handlers.charge({ amount: 50_000, method: 'qris' });
        // Before anything was known the app chose the round price: the customer pays less, never more.
        expect(first.totalPayment).toBe(first.amount);
        expect(first.totalPayment).toBeLessThanOrEqual(50_000);
        expect(app.settings.view().pakasirFeeBearer?.bearer).toBe('merchant');
        await app.handlers.cancelSale({ orderId: first.orderId });
        const second = await app.handlers.charge({ amount: 50_000, method: 'qris' });
        expect(second).toMatchObject({ price: 50_000, amount: 50_000, totalPayment: 50_000, feePayer: 'shop' });
        expect(saleMoney(second)).toMatchObject({
          customerPays: 50_000,
          shopReceives: 50_000 - second.fee!,
          feeOnShop: second.fee,
        });
        await app.handlers.cancelSale({ orderId: second.orderId });
      } finally {
        await app.stop();
      }
    });
  });
}

describe('when the fee table and the create answer disagree', () => {
  it('a total above the price is never shown: that transaction is canceled, and a new QR asks the fee again', async () => {
    const app = await appFor(customerBears, 'v2');
    try {
      // The fee table says less than Pakasir then charges: the total would come out above the price.
      sim.faults.add({ route: 'v2.fee', times: 8, body: JSON.stringify({ qris: 100, bni_va: 3_500 }) });
      const sale = await app.handlers.charge({ amount: 30_000, method: 'qris' });
      sim.faults.clear();
      expect(sale.state).toBe('failed');
      expect(sale.reason).toBe('fee_above_price');
      expect(sale.paymentNumber).toBeNull();
      expect(simTxn(sale.orderId).status).toBe('canceled');
      const again = await app.handlers.recreateSale({ orderId: sale.orderId });
      expect(again).toMatchObject({ state: 'awaiting_payment', price: 30_000, totalPayment: 30_000 });
      expect(again.orderId).not.toBe(sale.orderId);
      await app.handlers.cancelSale({ orderId: again.orderId });
    } finally {
      await app.stop();
    }
  });

  it('a VA price that falls below the VA minimum once the fee is taken off is refused, saying so', async () => {
    const app = await appFor(customerBears, 'v2');
    try {
      await expect(app.handlers.charge({ amount: 12_000, method: 'bni_va' })).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: 'roundPriceAmount' }],
      });
      expect(app.store.listLive()).toHaveLength(0);
    } finally {
      await app.stop();
    }
  });

  it('a pause on the keypad asks the fee ahead: the charge then needs no fee answer', async () => {
    const app = await appFor(customerBears, 'v2');
    try {
      expect(await app.handlers.prepareCharge({ amount: 37_000, method: 'qris' })).toBeNull();
      sim.faults.add({ route: 'v2.fee', status: 503, times: 20 });
      const sale = await app.handlers.charge({ amount: 37_000, method: 'qris' });
      sim.faults.clear();
      expect(sale).toMatchObject({ state: 'awaiting_payment', price: 37_000, totalPayment: 37_000 });
      // A failure while preparing is silent: the charge is where it is reported.
      sim.faults.add({ route: 'v2.fee', status: 503, times: 20 });
      expect(await app.handlers.prepareCharge({ amount: 38_000, method: 'qris' })).toBeNull();
      sim.faults.clear();
      await app.handlers.cancelSale({ orderId: sale.orderId });
    } finally {
      await app.stop();
    }
  });

  it('no fee table: nothing is journaled or sent, and the cashier is told why', async () => {
    const app = await appFor(customerBears, 'v2');
    try {
      const creates = sim.stats().createCalls;
      sim.faults.add({ route: 'v2.fee', status: 503, times: 20 });
      await expect(app.handlers.charge({ amount: 31_000, method: 'qris' })).rejects.toMatchObject({
        code: 'fee_unavailable',
      });
      sim.faults.clear();
      expect(sim.stats().createCalls).toBe(creates);
      expect(app.store.listLive()).toHaveLength(0);
    } finally {
      await app.stop();
    }
  });
});
