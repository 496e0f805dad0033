import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppServices } from '../../../src/main/app/create-services';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';
import { startTestSimulator } from '../../support/simulator';

const options = (dataDir: string) => ({
  dataDir,
  shell: 'browser' as const,
  safeStorage: memorySafeStorage(),
  version: 'test',
  quiet: true,
  listDisplays: () => [],
  exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
});

describe('the app as a whole, across a restart', () => {
  it('starts in demo mode, and closes open demo sales whose simulator died with the last run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-app-'));
    try {
      const first = await createAppServices(options(dir));
      expect(first.settings.view().mode).toBe('demo');
      const open = await first.payments.charge({ amount: 22_000, method: 'qris' });
      expect(open.state).toBe('awaiting_payment');
      const paid = await first.payments.charge({ amount: 33_000, method: 'qris' });
      await first.payments.simulatePayment(paid.orderId);
      expect(first.store.get(paid.orderId)!.state).toBe('paid');
      await first.stop();

      const second = await createAppServices(options(dir));
      try {
        // The first sale was canceled when the second began (one live QR per counter).
        expect(second.store.get(open.orderId)!.state).toBe('canceled');
        expect(second.store.get(paid.orderId)!.state).toBe('paid');
        const third = await second.payments.charge({ amount: 44_000, method: 'qris' });
        await second.stop();
        const again = await createAppServices(options(dir));
        try {
          const closed = again.store.get(third.orderId)!;
          expect(closed.state).toBe('canceled');
          expect(closed.reason).toBe('demo_reset');
          expect(again.store.listLive()).toHaveLength(0);
        } finally {
          await again.stop();
        }
      } catch (err) {
        await second.stop().catch(() => undefined);
        throw err;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to switch project, key or environment while a sale is open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-app-'));
    const app = await createAppServices(options(dir));
    try {
      const sale = await app.handlers.charge({ amount: 25_000, method: 'qris' });
      await expect(
        Promise.resolve().then(() => app.handlers.updateSettings({ projectSlug: 'another' })),
      ).rejects.toMatchObject({ code: 'busy' });
      await expect(Promise.resolve().then(() => app.handlers.updateSettings({ sandbox: false }))).rejects.toMatchObject(
        { code: 'busy' },
      );
      await expect(
        Promise.resolve().then(() => app.handlers.setApiKey({ apiKey: 'a-new-key-123456' })),
      ).rejects.toMatchObject({ code: 'busy' });
      // What does not move the sale's project stays allowed.
      expect((await app.handlers.updateSettings({ shopName: 'Warung Bu Sri' })).shopName).toBe('Warung Bu Sri');
      await app.handlers.cancelSale({ orderId: sale.orderId });
      expect((await app.handlers.updateSettings({ projectSlug: 'another' })).projectSlug).toBe('another');
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with a real project, starts no demo simulator and reads the key once, not on every check', async () => {
    const sim = await startTestSimulator();
    const dir = mkdtempSync(join(tmpdir(), 'pos-app-'));
    const memory = memorySafeStorage();
    const first = await createAppServices({ ...options(dir), safeStorage: memory });
    first.settings.update({
      projectSlug: sim.sandbox.slug,
      baseUrl: sim.baseUrl,
      apiVersion: 'v1',
      acceptInsecureStorage: true,
    });
    first.settings.setApiKey(sim.sandbox.apiKey);
    await first.stop();
    const app = await createAppServices({ ...options(dir), safeStorage: memory, tuning: { v1StatusIntervalMs: 50 } });
    try {
      expect(app.settings.view().mode).toBe('sandbox');
      expect(app.demoSimulator()).toBeNull();
      const sale = await app.payments.charge({ amount: 12_000, method: 'qris' });
      // The key store (a file read, and a decrypt on Electron) is not touched per check.
      const keyReads = vi.spyOn(app.settings, 'credentials');
      for (let i = 0; i < 5; i++) await app.payments.checkNow(sale.orderId);
      expect(keyReads).not.toHaveBeenCalled();
      keyReads.mockRestore();
      await app.payments.cancelSale(sale.orderId);
      // Back to demo: the simulator starts then, and sales work at once.
      await app.handlers.clearApiKey({});
      expect(app.demoSimulator()).not.toBeNull();
      expect((await app.payments.charge({ amount: 13_000, method: 'qris' })).state).toBe('awaiting_payment');
    } finally {
      await app.stop();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
