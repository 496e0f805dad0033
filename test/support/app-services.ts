import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createAppServices } from '../../src/main/app/create-services';
import type { AppServices, AppServicesOptions } from '../../src/main/app/service-types';
import { memorySafeStorage } from '../../src/main/settings/secret-store';

/**
 * The app's services on a data folder, as a shell builds them, with a clock the test moves
 * and the background journal check left to the test (it calls services.journal.runCheck()).
 */
export function useAppFolders() {
  const dirs: string[] = [];
  const running = new Set<AppServices>();
  const START = Date.parse('2026-11-25T10:00:00+07:00');
  const clock = { now: START };
  afterEach(async () => {
    clock.now = START;
    for (const s of running) await s.stop().catch(() => undefined);
    running.clear();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    clock,
    folder(): string {
      const d = mkdtempSync(join(tmpdir(), 'pos-journal-'));
      dirs.push(d);
      return d;
    },
    async start(dataDir: string, extra: Partial<AppServicesOptions> = {}): Promise<AppServices> {
      const services = await createAppServices({
        dataDir,
        shell: 'browser',
        safeStorage: memorySafeStorage(),
        version: 'test',
        quiet: true,
        timeZone: 'Asia/Jakarta',
        clock: () => new Date(clock.now),
        journalCheckAfterMs: 3_600_000,
        listDisplays: () => [],
        exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
        ...extra,
      });
      running.add(services);
      const stop = services.stop.bind(services);
      return Object.assign(services, {
        stop: async () => {
          running.delete(services);
          await stop();
        },
      });
    },
  };
}
