import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app/create-services';
import type { AppServices } from '../../../src/main/app/service-types';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * Two tills of one shop, both on default settings (terminal prefix KSR1), on one Pakasir
 * project with API v2, whose create is find-or-create by order id. Before install ids, both
 * tills' first sale in the same second had the same order id: one transaction for two
 * sales, and one payment became two paid sales.
 */
let sim: TestSimulator;
const dirs: string[] = [];
const tills: AppServices[] = [];

beforeAll(async () => {
  sim = await startTestSimulator();
  // One shared clock that starts on a whole second, so both first sales fall in it.
  const startedAt = Date.now();
  const clock = () => new Date(Date.parse('2026-11-25T07:44:02.000Z') + (Date.now() - startedAt));
  for (let i = 0; i < 2; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), `pos-till${i + 1}-`));
    dirs.push(dataDir);
    const till = await createAppServices({
      dataDir,
      shell: 'browser',
      safeStorage: memorySafeStorage(),
      version: 'test',
      quiet: true,
      clock,
      listDisplays: () => [],
      exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
    });
    till.settings.update({ projectSlug: sim.sandbox.slug, baseUrl: sim.baseUrl, acceptInsecureStorage: true });
    till.settings.setApiKey(sim.sandbox.apiKey);
    tills.push(till);
  }
});
afterAll(async () => {
  for (const t of tills) await t.stop();
  await sim?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('two tills on default settings', () => {
  it('never share an order id: one payment pays one sale', async () => {
    const [a, b] = tills as [AppServices, AppServices];
    expect(a.settings.view().terminalPrefix).toBe(b.settings.view().terminalPrefix);
    const [saleA, saleB] = await Promise.all([
      a.payments.charge({ amount: 25_000, method: 'qris' }),
      b.payments.charge({ amount: 25_000, method: 'qris' }),
    ]);
    expect(saleA.orderId).not.toBe(saleB.orderId);
    // Both carry the readable label and their own installation's id.
    expect(saleA.orderId).toMatch(/^KSR1-[0-9A-Z]{8}-20261125T0744\d\d-00000001$/);
    expect(saleB.orderId).toMatch(/^KSR1-[0-9A-Z]{8}-20261125T0744\d\d-00000001$/);
    const txns = sim.transactions().filter((t) => [saleA.orderId, saleB.orderId].includes(t.orderId));
    expect(txns).toHaveLength(2);
    expect(saleA.txnId).not.toBe(saleB.txnId);

    sim.pay(saleA.orderId);
    await a.payments.checkNow(saleA.orderId);
    await b.payments.checkNow(saleB.orderId);
    expect(a.store.get(saleA.orderId)!.state).toBe('paid');
    expect(b.store.get(saleB.orderId)!.state).toBe('awaiting_payment');
    await b.payments.cancelSale(saleB.orderId);
  });

  it('each till shows its own install id, and no setting changes it', async () => {
    const [a, b] = tills as [AppServices, AppServices];
    const infoA = await a.handlers.getAppInfo({});
    const infoB = await b.handlers.getAppInfo({});
    expect(infoA.installId).not.toBe(infoB.installId);
    await b.handlers.updateSettings({ terminalPrefix: 'KSR1' });
    expect((await b.handlers.getAppInfo({})).installId).toBe(infoB.installId);
  });
});
