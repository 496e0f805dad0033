import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../src/main/app/create-services';
import type { AppServices } from '../../src/main/app/service-types';
import { createLogger } from '../../src/main/log/logger';
import type { PaymentTuning } from '../../src/main/payments/engine-tuning';
import { memorySafeStorage } from '../../src/main/settings/secret-store';
import type { SyncServiceOptions } from '../../src/main/sync/sync-service';
import type { Notice, SyncStatusView } from '../../src/shared/domain';
import type { Simulator } from '../../src/simulator/simulator';

export interface TillRig {
  services: AppServices;
  dataDir: string;
  sim: Simulator;
  notices: Notice[];
  status(): Promise<SyncStatusView>;
  waitStatus(ok: (s: SyncStatusView) => boolean, what: string, timeoutMs?: number): Promise<SyncStatusView>;
  close(): Promise<void>;
}

/** Fast retries for tests: the real loop, a shorter clock. */
export const FAST_SYNC: SyncServiceOptions['tuning'] = {
  idleCheckMs: 100,
  backoffFirstMs: 100,
  backoffMaxMs: 800,
  requestTimeoutMs: 2_000,
  pushSilenceMs: 3_000,
  pushBackoffFirstMs: 100,
};

export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A whole till as the app runs it (demo mode, its own simulator), with storage consent for the token; in `folder` when given (a data folder from before). */
export async function startTill(tuning: Partial<PaymentTuning> = {}, folder?: string): Promise<TillRig> {
  const dataDir = folder ?? mkdtempSync(join(tmpdir(), 'pos-till-'));
  const services = await createAppServices({
    dataDir,
    shell: 'browser',
    safeStorage: memorySafeStorage(),
    version: 'test',
    logger: createLogger({ dataDir, stderr: false }),
    listDisplays: () => [],
    exportSink: { choosePath: async (n) => join(dataDir, n), describe: (_p, name, bytes) => ({ name, bytes }) },
    tuning,
    syncTuning: FAST_SYNC,
    timeZone: 'Asia/Jakarta',
  });
  await services.handlers.updateSettings({ acceptInsecureStorage: true });
  const notices: Notice[] = [];
  services.bus.on('notice', (n) => notices.push(n));
  const status = async () => services.handlers.getSyncStatus({});
  return {
    services,
    dataDir,
    sim: services.demoSimulator()!,
    notices,
    status,
    waitStatus: (ok, what, timeoutMs) =>
      waitUntil(
        async () => {
          const s = await status();
          return ok(s) ? s : null;
        },
        what,
        timeoutMs,
      ),
    async close() {
      await services.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
