import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppServices } from '../../src/main/app/service-types';
import { createLabSimulator, type LabSimulator } from '../../src/simulator/lab/lab-simulator';
import { assembleHarness } from '../../src/harness/assemble';
import type { Harness } from '../../src/harness/harness-server';
import { keypadReadyMs } from './page-probe';
import type { QuietBrowser } from './quiet-browser';
import type { ChargePages } from '../sale-in-browser';

export interface HarnessRig extends ChargePages {
  services: AppServices;
  sim: LabSimulator;
  harness: Harness;
  close(): Promise<void>;
}

/**
 * The whole app as `npm run dev:web` runs it (demo mode: real services, in-process
 * simulator on loopback, API v2), with the cashier window and the customer display open
 * as two Chromium tabs on the real built renderer.
 */
export async function startHarnessRig(root: string, browser: QuietBrowser, tmpRoot: string): Promise<HarnessRig> {
  mkdirSync(tmpRoot, { recursive: true });
  const dataDir = mkdtempSync(join(tmpRoot, 'harness-'));
  let lab: LabSimulator | null = null;
  const { services, harness, close } = await assembleHarness({
    dataDir,
    version: 'bench',
    rendererDir: join(root, 'out', 'renderer'),
    // Demo mode's simulator with fault knobs, so the bench can add gateway latency.
    services: { quiet: true, startDemoSimulator: async (o) => (lab = await createLabSimulator(o)) },
  });
  const sim = lab;
  if (!sim) throw new Error('demo mode did not start its simulator');
  const cashier = await browser.newPage(harness.cashierUrl);
  const customer = await browser.newPage(harness.customerUrl, { width: 1920, height: 1080 });
  await keypadReadyMs(cashier);
  await customer.waitVisible('[data-testid="customer-state"]');
  const clocks = { cashier: await cashier.syncClock(), customer: await customer.syncClock() };
  return {
    services,
    sim,
    harness,
    cashier,
    customer,
    clocks,
    async close() {
      await cashier.close();
      await customer.close();
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
