import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createAppServices } from '../../src/main/app/create-services';
import type { AppServices } from '../../src/main/app/services';
import type { Simulator } from '../../src/simulator/simulator';
import { startHarness, type Harness } from '../../src/harness/harness-server';
import { harnessServiceOptions } from '../../src/harness/harness-services';
import { probedPage } from './browser';

export interface HarnessRig {
  services: AppServices;
  sim: Simulator;
  harness: Harness;
  cashier: Page;
  customer: Page;
  close(): Promise<void>;
}

/**
 * The whole app as `npm run dev:web` runs it (demo mode: real services, in-process
 * simulator on loopback, API v2), with the cashier window and the customer display open
 * as two Chromium tabs on the real built renderer.
 */
export async function startHarnessRig(root: string, browser: Browser, tmpRoot: string): Promise<HarnessRig> {
  mkdirSync(tmpRoot, { recursive: true });
  const dataDir = mkdtempSync(join(tmpRoot, 'harness-'));
  const downloadsDir = join(dataDir, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const services = await createAppServices({
    ...harnessServiceOptions({ dataDir, downloadsDir, version: 'bench', link: () => ({ origin: '', token: '' }) }),
    quiet: true,
  });
  const sim = services.demoSimulator();
  if (!sim) throw new Error('demo mode did not start its simulator');
  const harness = await startHarness({ services, rendererDir: join(root, 'out', 'renderer'), downloadsDir });
  const cashier = await probedPage(browser);
  const customer = await probedPage(browser, { width: 1920, height: 1080 });
  await cashier.goto(harness.cashierUrl);
  await customer.goto(harness.customerUrl);
  await cashier.waitForFunction(
    () => (window as unknown as { __bench: { keypadReadyMs: number | null } }).__bench.keypadReadyMs !== null,
  );
  await customer.locator('[data-testid="customer-state"]').waitFor();
  return {
    services,
    sim,
    harness,
    cashier,
    customer,
    async close() {
      await cashier.context().close();
      await customer.context().close();
      await harness.close();
      await services.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
