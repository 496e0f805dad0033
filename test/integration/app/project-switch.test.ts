import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app/create-services';
import type { AppServices } from '../../../src/main/app/service-types';
import { toView } from '../../../src/main/payments/sale-view';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';
import type { Notice, OrderView } from '../../../src/shared/domain';
import { startTestSimulator, type TestSimulator } from '../../support/simulator';

/**
 * Every shop switches from API v1 to v2 once, and some change project. Sales made under
 * the old version keep their late-payment watch with a gateway of their own version and
 * project; sales whose project's key is gone are named and sent to review, never dropped.
 */
let sim: TestSimulator;
let dir: string;
const memory = memorySafeStorage();
const apps: AppServices[] = [];

beforeEach(async () => {
  sim = await startTestSimulator({ expiryMs: 10 * 60_000 });
  dir = mkdtempSync(join(tmpdir(), 'pos-switch-'));
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ app: AppServices; notices: Notice[] }> {
  const app = await createAppServices({
    dataDir: dir,
    shell: 'browser',
    safeStorage: memory,
    version: 'test',
    quiet: true,
    listDisplays: () => [],
    exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
    tuning: { v1StatusIntervalMs: 100, watchFirstMs: 200 },
  });
  apps.push(app);
  const notices: Notice[] = [];
  app.bus.on('notice', (n) => notices.push(n));
  return { app, notices };
}

/** A production project on API v1, as a shop that began with the integration guide. */
async function liveShopOnV1(app: AppServices): Promise<void> {
  await app.handlers.updateSettings({
    projectSlug: sim.production.slug,
    baseUrl: sim.baseUrl,
    apiVersion: 'v1',
    sandbox: false,
    acceptInsecureStorage: true,
  });
  await app.handlers.setApiKey({ apiKey: sim.production.apiKey });
}

function until(app: AppServices, orderId: string, states: string[], ms = 15_000): Promise<OrderView> {
  return new Promise((resolve, reject) => {
    const now = app.store.get(orderId);
    if (now && states.includes(now.state)) return resolve(toView(now));
    const timer = setTimeout(() => {
      off();
      reject(new Error(`sale ${orderId} stayed ${app.store.get(orderId)?.state}`));
    }, ms);
    const off = app.bus.on('orderUpdated', (o) => {
      if (o.orderId === orderId && states.includes(o.state)) {
        clearTimeout(timer);
        off();
        resolve(o);
      }
    });
  });
}

describe('switching API version or project', () => {
  it('v1 -> v2: a v1 sale canceled before the switch is still watched with v1, and its late payment is flagged', async () => {
    const { app, notices } = await start();
    await liveShopOnV1(app);
    const old = await app.handlers.charge({ amount: 81_000, method: 'qris' });
    expect((await app.handlers.cancelSale({ orderId: old.orderId })).state).toBe('canceled');

    await app.handlers.updateSettings({ apiVersion: 'v2' });
    expect(app.settings.view().apiVersion).toBe('v2');
    const fresh = await app.handlers.charge({ amount: 82_000, method: 'qris' });
    expect(fresh.apiVersion).toBe('v2');

    sim.pay(old.orderId, sim.production.slug); // from a screenshot of the old QR
    const review = await until(app, old.orderId, ['needs_review']);
    expect(review.reason).toBe('paid_after_cancel');
    expect(notices).toContainEqual(expect.objectContaining({ key: 'notice.latePayment', orderId: old.orderId }));
  });

  it('v1 -> v2, then a restart: the v1 sale is still watched with v1', async () => {
    const first = await start();
    await liveShopOnV1(first.app);
    const old = await first.app.handlers.charge({ amount: 83_000, method: 'qris' });
    await first.app.handlers.cancelSale({ orderId: old.orderId });
    await first.app.handlers.updateSettings({ apiVersion: 'v2' });
    await first.app.stop();
    apps.splice(apps.indexOf(first.app), 1);

    const { app } = await start();
    sim.pay(old.orderId, sim.production.slug);
    expect((await until(app, old.orderId, ['needs_review'])).reason).toBe('paid_after_cancel');
  });

  it("another project: the old project's watched sales are named and sent to review at the switch", async () => {
    const { app, notices } = await start();
    await liveShopOnV1(app);
    const old = await app.handlers.charge({ amount: 84_000, method: 'qris' });
    await app.handlers.cancelSale({ orderId: old.orderId });

    // The key belongs to the old project and is wiped with the switch: nobody can ask
    // Pakasir about the old sale any more, so a human must.
    await app.handlers.updateSettings({ projectSlug: sim.sandbox.slug });
    const after = app.store.get(old.orderId)!;
    expect(after.state).toBe('needs_review');
    expect(after.reason).toBe('project_changed');
    const told = notices.find((n) => n.key === 'notice.watchOrphaned');
    expect(told).toMatchObject({ level: 'alarm', params: { count: 1, orderIds: old.orderId } });
  });
});
