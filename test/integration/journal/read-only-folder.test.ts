import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppFolders } from '../../support/app-services';
import { sha } from '../../support/journal-files';
import { seedOrders } from '../../../testkit/orders';

/**
 * A data folder that cannot be written (a read-only disk, a folder restored with the wrong
 * owner) is not damage: the app says what it is, writes nothing, and the journal stays as
 * it was. Run as a separate process, as an unprivileged user when the tests run as root
 * (root may write anything).
 */
const app = useAppFolders();
const root = resolve(import.meta.dirname, '../../..');
const NOBODY = 65534;

function readOnly(path: string): void {
  for (const name of readdirSync(path)) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) readOnly(p);
    else chmodSync(p, 0o400);
  }
  chmodSync(path, 0o500);
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

describe.runIf(process.platform !== 'win32')('a data folder that cannot be written', () => {
  it('is reported as read-only, not damaged, and nothing in it changes', async () => {
    const dir = app.folder();
    const services = await app.start(dir);
    services.settings.update({ projectSlug: 'warung-bu-sri' });
    seedOrders(services.store, 50, { end: new Date(app.clock.now), days: 5, live: 0 });
    await services.stop();
    const journal = join(dir, 'orders.sqlite');
    const before = sha(journal);

    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownTree(dir, NOBODY);
    readOnly(dir);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/journal-status-child.ts', dir], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: dir },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    chmodSync(dir, 0o700);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      status?: { state: string; problem: string; detail: string };
      charge?: { code: string };
      error?: unknown;
    };
    expect(out.error, run.stderr).toBeUndefined();
    expect(out.status).toMatchObject({ state: 'closed', problem: 'read_only' });
    expect(out.status!.detail).toMatch(/cannot be written|EACCES|EROFS|EPERM/);
    expect(out.charge).toMatchObject({ code: 'database' });
    expect(sha(journal)).toBe(before);
    if (asRoot) chownTree(dir, 0);
  }, 90_000);
});
