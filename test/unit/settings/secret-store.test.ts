import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { SecretStore, memorySafeStorage } from '../../../src/main/settings/secret-store';
import { fakeSafeStorage } from './fake-safe-storage';

const KEY = 'sk_live_Zq8v3NfT0pWm4';

function allFilesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

function posErrorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (err) {
    return err instanceof PosError ? err.code : `not a PosError: ${String(err)}`;
  }
  return null;
}

describe('SecretStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the key encrypted at rest and reads it back', () => {
    const safe = fakeSafeStorage();
    const store = new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' });
    store.save(KEY, { acceptInsecure: false });
    const onDisk = allFilesText(dir);
    expect(onDisk).not.toContain(KEY);
    expect(onDisk).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(onDisk).not.toContain(Buffer.from(KEY).toString('hex'));
    // A fresh store (a new run) decrypts it through the same OS keystore.
    expect(new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' }).load()).toBe(KEY);
    expect(store.status()).toMatchObject({
      backend: 'gnome_libsecret',
      protected: true,
      stored: true,
      hint: 'pWm4',
      changed: null,
    });
  });

  it('refuses basic_text unless the operator accepted the risk', () => {
    const safe = fakeSafeStorage({ backend: 'basic_text' });
    const store = new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' });
    expect(store.isProtected()).toBe(false);
    expect(posErrorCode(() => store.save(KEY, { acceptInsecure: false }))).toBe('insecure_storage');
    expect(readdirSync(dir)).toEqual([]);
    store.save(KEY, { acceptInsecure: true });
    expect(store.load()).toBe(KEY);
  });

  it('refuses when encryption is not available at all', () => {
    const store = new SecretStore({
      dataDir: dir,
      safeStorage: fakeSafeStorage({ available: false }),
      platform: 'linux',
    });
    expect(posErrorCode(() => store.save(KEY, { acceptInsecure: false }))).toBe('insecure_storage');
    expect(store.status().stored).toBe(false);
  });

  it('the insecure_storage message never repeats the key', () => {
    const store = new SecretStore({
      dataDir: dir,
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
    });
    try {
      store.save(KEY, { acceptInsecure: false });
      expect.unreachable();
    } catch (err) {
      expect(
        JSON.stringify({ ...(err as object), message: (err as Error).message, stack: (err as Error).stack }),
      ).not.toContain(KEY);
    }
  });

  it('reports a changed backend and fails loudly instead of decrypting', () => {
    const safe = fakeSafeStorage({ backend: 'gnome_libsecret' });
    new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' }).save(KEY, { acceptInsecure: false });
    // Next run: the keyring is gone and Electron fell back to basic_text.
    safe.state.backend = 'basic_text';
    const next = new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' });
    expect(next.status().changed).toEqual({ from: 'gnome_libsecret', to: 'basic_text' });
    expect(posErrorCode(() => next.load())).toBe('storage_changed');
  });

  it('fails loudly when the keystore can no longer decrypt (another machine key)', () => {
    new SecretStore({ dataDir: dir, safeStorage: fakeSafeStorage(), platform: 'linux' }).save(KEY, {
      acceptInsecure: false,
    });
    const other = new SecretStore({ dataDir: dir, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(other.status().changed).toBeNull();
    expect(posErrorCode(() => other.load())).toBe('storage_changed');
  });

  it('clear wipes the ciphertext from disk', () => {
    const safe = fakeSafeStorage();
    const store = new SecretStore({ dataDir: dir, safeStorage: safe, platform: 'linux' });
    store.save(KEY, { acceptInsecure: false });
    const cipher = JSON.parse(readFileSync(join(dir, 'api-key.json'), 'utf8')).ciphertext as string;
    store.clear();
    expect(existsSync(join(dir, 'api-key.json'))).toBe(false);
    expect(allFilesText(dir)).not.toContain(cipher);
    expect(store.load()).toBeNull();
    expect(store.status()).toMatchObject({ stored: false, hint: null });
  });

  it('names the platform keystore where Electron has no backend getter', () => {
    const safe = fakeSafeStorage();
    const mac = {
      isEncryptionAvailable: () => true,
      encryptString: safe.encryptString,
      decryptString: safe.decryptString,
    };
    expect(new SecretStore({ dataDir: dir, safeStorage: mac, platform: 'darwin' }).status().backend).toBe('keychain');
    expect(new SecretStore({ dataDir: dir, safeStorage: mac, platform: 'win32' }).status().backend).toBe('dpapi');
  });

  it('memorySafeStorage counts as unprotected, so it needs the same acceptance', () => {
    const store = new SecretStore({ dataDir: dir, safeStorage: memorySafeStorage(), platform: 'linux' });
    expect(store.status()).toMatchObject({ backend: 'memory', protected: false });
    expect(posErrorCode(() => store.save(KEY, { acceptInsecure: false }))).toBe('insecure_storage');
    store.save(KEY, { acceptInsecure: true });
    // A restarted harness (new instance) can still read it.
    expect(new SecretStore({ dataDir: dir, safeStorage: memorySafeStorage(), platform: 'linux' }).load()).toBe(KEY);
  });
});
