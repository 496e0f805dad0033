import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../src/main/datafolder/folder-lock';
import { MAIN_BUNDLE, ensureBuilt } from './built-output';
import { createElectronDouble, interceptElectron } from './electron-double';

const require = createRequire(import.meta.url);

async function until(what: string, check: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('built main process on a data folder another copy holds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-shell-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says so in one sentence, opens no window and exits with an error', async () => {
    ensureBuilt();
    // Another copy (here: the browser version in this test process) holds the folder.
    const other = lockDataFolder(dir, { shell: 'browser' });
    const double = createElectronDouble({ userData: dir });
    const restore = interceptElectron(double);
    try {
      require(MAIN_BUNDLE);
      double.markReady();
      await until('the app to exit', () => double.app.exitCode !== null);
      expect(double.app.exitCode).toBe(1);
      expect(double.windows).toHaveLength(0);
      expect(double.dialogState.errors).toHaveLength(1);
      const { title, content } = double.dialogState.errors[0]!;
      expect(title).toBe('Pakasir POS tidak bisa dibuka / could not start');
      // Indonesian first for the shopkeeper, then the English sentence with the details.
      const [id, blank, en, ...rest] = content.split('\n');
      expect(id).toMatch(/^Pakasir POS sudah terbuka di komputer ini/);
      expect(blank).toBe('');
      expect(en).toMatch(/already running/);
      expect(en).toContain(`process ${process.pid}`);
      expect(rest).toEqual([]);
    } finally {
      restore();
      other.release();
    }
  });
});
