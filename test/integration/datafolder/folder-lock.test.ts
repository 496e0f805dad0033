import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src/main/app/create-services';
import { DataFolderInUseError, LOCK_FILE, lockDataFolder } from '../../../src/main/datafolder/folder-lock';
import { memorySafeStorage } from '../../../src/main/settings/secret-store';
import { freePort, startHarnessCli, type CliRun } from '../../support/harness-cli';

/**
 * One copy of the app per data folder: two copies would poll the same sales and break
 * Pakasir's rate limit. Checked with real processes, including one killed with SIGKILL,
 * whose lock must die with it.
 */
const dirs: string[] = [];
const runs: CliRun[] = [];
afterEach(async () => {
  for (const r of runs.splice(0)) await r.stop('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pos-lock-'));
  dirs.push(d);
  return d;
}
async function cli(dir: string): Promise<CliRun> {
  const r = startHarnessCli(dir, await freePort());
  runs.push(r);
  return r;
}

const appOptions = (dataDir: string) => ({
  dataDir,
  shell: 'browser' as const,
  safeStorage: memorySafeStorage(),
  version: 'test',
  quiet: true,
  listDisplays: () => [],
  exportSink: { choosePath: async () => null, describe: () => ({ name: '', bytes: 0 }) },
});

describe('the data folder lock', () => {
  it('refuses a second holder in the same process until the first lets go; the file is private', () => {
    const dir = tempDir();
    const first = lockDataFolder(dir, { shell: 'electron' });
    expect(() => lockDataFolder(dir, { shell: 'browser' })).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(dir, { shell: 'browser' })).toThrow(new RegExp(`process ${process.pid}`));
    first.release();
    lockDataFolder(dir, { shell: 'browser' }).release();
    if (process.platform !== 'win32') expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a second harness process says so in one sentence and exits; the first keeps running', async () => {
    const dir = tempDir();
    const first = await cli(dir);
    const { origin } = await first.ready;
    const second = await cli(dir);
    const out = await second.exited;
    expect(out.code).toBe(1);
    const said = out.stderr.trim();
    expect(said.split('\n')).toHaveLength(1);
    expect(said).toMatch(/already running/);
    expect(said).toContain(dir);
    expect(said).toContain(`process ${first.child.pid}`);
    expect(out.stdout).not.toMatch(/cashier window/);
    // The first copy was not disturbed.
    const res = await fetch(`${origin}/index.html`);
    expect(res.status).toBeLessThan(500);
    expect(first.child.exitCode).toBeNull();
  }, 60_000);

  it('the services refuse a folder another process holds, and take it once that process is killed', async () => {
    const dir = tempDir();
    const holder = await cli(dir);
    await holder.ready;
    await expect(createAppServices(appOptions(dir))).rejects.toBeInstanceOf(DataFolderInUseError);
    // A crash (SIGKILL: no clean-up code runs) must not leave the folder locked.
    await holder.stop('SIGKILL');
    const services = await createAppServices(appOptions(dir));
    try {
      expect(services.settings.view().mode).toBe('demo');
      // ...and now this process holds it: a new harness process is the one refused.
      const late = await (await cli(dir)).exited;
      expect(late.code).toBe(1);
      expect(late.stderr).toMatch(/already running/);
    } finally {
      await services.stop();
    }
    // Stopped cleanly: the folder is free again.
    lockDataFolder(dir, { shell: 'browser' }).release();
  }, 60_000);
});
