import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosError } from '../../../src/shared/errors';
import { SettingsService } from '../../../src/main/settings/settings-service';
import { createLogger } from '../../../src/main/log/logger';
import type { SettingsView } from '../../../src/shared/domain';
import { fakeSafeStorage } from './fake-safe-storage';

const KEY = 'pk_test_8fJ2kLmQ9xYz';

describe('SettingsService', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const make = (safe = fakeSafeStorage()) =>
    new SettingsService({ dataDir: dir, safeStorage: safe, platform: 'linux' });

  it('starts with the documented defaults in demo mode', () => {
    const view = make().view();
    expect(view).toMatchObject({
      apiVersion: 'v2',
      sandbox: true,
      baseUrl: 'https://app.pakasir.com',
      terminalPrefix: 'KSR1',
      defaultMethod: 'qris',
      language: 'id',
      shopName: 'Toko Saya',
      businessDayCutoffHour: 4,
      csvDelimiter: ';',
      customerDisplayEnabled: true,
      apiKeySet: false,
      apiKeyHint: null,
      mode: 'demo',
    });
  });

  it('persists updates across restarts and leaves no temp file behind', () => {
    make().update({ shopName: 'Warung Bu Sri', businessDayCutoffHour: 2, csvDelimiter: ',' });
    expect(make().view()).toMatchObject({ shopName: 'Warung Bu Sri', businessDayCutoffHour: 2, csvDelimiter: ',' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a save that fails changes nothing in memory, leaves no temp file and says why', () => {
    const s = make();
    s.update({ shopName: 'Warung Bu Sri' });
    // The settings file cannot be replaced (a folder now stands where it was): the write fails
    // after the temporary copy was written, exactly where a full or read-only disk fails.
    rmSync(join(dir, 'settings.json'));
    mkdirSync(join(dir, 'settings.json'));
    const seen: SettingsView[] = [];
    s.onChange((v) => seen.push(v));
    let error: unknown;
    try {
      s.update({ shopName: 'Kedai Baru', businessDayCutoffHour: 2 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PosError);
    expect((error as PosError).message).toMatch(/settings could not be saved/i);
    expect(s.view()).toMatchObject({ shopName: 'Warung Bu Sri', businessDayCutoffHour: 4 });
    expect(seen).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('derives the mode from slug, key and sandbox', () => {
    const s = make();
    s.update({ projectSlug: 'warung' });
    expect(s.view().mode).toBe('demo');
    s.setApiKey(KEY);
    expect(s.view().mode).toBe('sandbox');
    s.update({ sandbox: false });
    expect(s.mode).toBe('production');
    s.clearApiKey();
    expect(s.view().mode).toBe('demo');
  });

  it('never puts the key in the view, the settings file or a change event', () => {
    const s = make();
    const seen: SettingsView[] = [];
    s.onChange((v) => seen.push(v));
    s.update({ projectSlug: 'warung' });
    const view = s.setApiKey(KEY);
    expect(view.apiKeySet).toBe(true);
    expect(view.apiKeyHint).toBe('9xYz');
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(JSON.stringify(seen)).not.toContain(KEY);
    expect(seen.at(-1)?.apiKeySet).toBe(true);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(KEY);
    expect(s.credentials()).toEqual({
      projectSlug: 'warung',
      apiKey: KEY,
      apiVersion: 'v2',
      baseUrl: 'https://app.pakasir.com',
      sandbox: true,
    });
  });

  it('credentials are null in demo mode and fail loudly when the key store changed', () => {
    const safe = fakeSafeStorage();
    const s = make(safe);
    expect(s.credentials()).toBeNull();
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    safe.state.backend = 'kwallet5';
    const next = make(safe);
    expect(next.view().secretBackendChanged).toEqual({ from: 'gnome_libsecret', to: 'kwallet5' });
    expect(() => next.credentials()).toThrow(PosError);
  });

  it('never sends the stored key to another host or project: changing either wipes it', () => {
    const s = make();
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    // A compromised window points the app at a host of its choosing...
    const view = s.update({ baseUrl: 'https://attacker.example' });
    // ...and there is no key left to send there.
    expect(view.apiKeySet).toBe(false);
    expect(s.credentials()).toBeNull();
    s.update({ baseUrl: 'https://app.pakasir.com' });
    s.setApiKey(KEY);
    expect(s.update({ projectSlug: 'other-shop' }).apiKeySet).toBe(false);
    // Other settings leave the key alone.
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    expect(s.update({ shopName: 'Warung Bu Sri', sandbox: false, apiVersion: 'v1' }).apiKeySet).toBe(true);
  });

  it('refuses to store the key on basic_text until the operator accepts the risk', () => {
    const s = make(fakeSafeStorage({ backend: 'basic_text' }));
    expect(s.view()).toMatchObject({ secretBackend: 'basic_text', secretProtected: false });
    expect(() => s.setApiKey(KEY)).toThrow(/keyring/);
    expect(s.view().apiKeySet).toBe(false);
    s.update({ acceptInsecureStorage: true });
    expect(s.setApiKey(KEY).apiKeySet).toBe(true);
  });

  it('re-checks invariants: base URL must be https except to this computer', () => {
    const s = make();
    expect(() => s.update({ baseUrl: 'http://app.pakasir.com' })).toThrow(PosError);
    expect(() => s.update({ baseUrl: 'https://user:pw@app.pakasir.com' })).toThrow(PosError);
    expect(() => s.update({ terminalPrefix: 'not valid!' } as never)).toThrow(PosError);
    expect(s.update({ baseUrl: 'http://127.0.0.1:4545/' }).baseUrl).toBe('http://127.0.0.1:4545');
    expect(s.update({ baseUrl: 'https://sandbox.pakasir.com/' }).baseUrl).toBe('https://sandbox.pakasir.com');
    expect(() => s.update({ unknownField: 1 } as never)).toThrow(PosError);
  });

  it('a damaged or tampered settings field falls back to its default only', () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        settings: { shopName: 'Kedai', businessDayCutoffHour: 99, baseUrl: 'http://evil.example' },
      }),
    );
    expect(make().view()).toMatchObject({
      shopName: 'Kedai',
      businessDayCutoffHour: 4,
      baseUrl: 'https://app.pakasir.com',
    });
    writeFileSync(join(dir, 'settings.json'), '{not json');
    expect(make().view().shopName).toBe('Toko Saya');
  });

  it('registers the key with the logger so no log line can carry it', () => {
    const safe = fakeSafeStorage();
    const lines: string[] = [];
    const log = createLogger({ stderr: { write: (l: string) => lines.push(l) } });
    const s = new SettingsService({ dataDir: dir, safeStorage: safe, platform: 'linux', log });
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    log.info(`calling with ${KEY}`, { body: { note: `key=${KEY}` } });
    expect(lines.join('')).toContain('calling with');
    expect(lines.join('')).not.toContain(KEY);
    // A fresh run registers it when main first reads the credentials.
    const lines2: string[] = [];
    const log2 = createLogger({ stderr: { write: (l: string) => lines2.push(l) } });
    const s2 = new SettingsService({ dataDir: dir, safeStorage: safe, platform: 'linux', log: log2 });
    expect(s2.credentials()?.apiKey).toBe(KEY);
    log2.error(`gateway said no to ${KEY}`);
    expect(lines2.join('')).toContain('gateway said no');
    expect(lines2.join('')).not.toContain(KEY);
  });

  it('the shop bears the fee until the owner chooses, and the choice survives a restart', () => {
    const first = make();
    expect(first.view()).toMatchObject({ feePayer: 'shop', feePayerChosen: false, pakasirFeeBearer: null });
    expect(first.feePayer()).toBe('shop');
    first.update({ feePayer: 'customer' });
    expect(make().view()).toMatchObject({ feePayer: 'customer', feePayerChosen: true });
    expect(make().feePayer()).toBe('customer');
    expect(() => make().update({ feePayer: 'nobody' as never })).toThrow(PosError);
  });

  it("remembers Pakasir's fee setting per project, and says so in the view for the project set", () => {
    const s = make();
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    s.noteFeeBearer('warung', 'merchant', new Date('2026-11-25T03:00:00.000Z'));
    s.noteFeeBearer('other', 'customer');
    expect(s.feeBearerFor('warung')).toBe('merchant');
    const restarted = make();
    expect(restarted.view().pakasirFeeBearer).toEqual({ bearer: 'merchant', seenAt: '2026-11-25T03:00:00.000Z' });
    expect(restarted.feeBearerFor('other')).toBe('customer');
    expect(restarted.feeBearerFor('unknown')).toBeNull();
  });

  it('project and key in one step: the old key is replaced only once both are accepted', () => {
    const safe = fakeSafeStorage();
    const s = make(safe);
    s.update({ projectSlug: 'warung' });
    s.setApiKey(KEY);
    // A bad key changes nothing: the old project and key stay.
    expect(() => s.setProject({ projectSlug: 'warung-baru' }, 'short')).toThrow(PosError);
    expect(s.view()).toMatchObject({ projectSlug: 'warung', apiKeySet: true, apiKeyHint: KEY.slice(-4) });
    // A keyring that stopped: refused before anything is wiped.
    safe.state.backend = 'basic_text';
    expect(() => s.setProject({ projectSlug: 'warung-baru' }, 'pk_live_newkey123456')).toThrow(
      expect.objectContaining({ code: 'insecure_storage' }),
    );
    expect(s.view().projectSlug).toBe('warung');
    safe.state.backend = 'gnome_libsecret';
    const view = s.setProject({ projectSlug: 'warung-baru' }, 'pk_live_newkey123456');
    expect(view).toMatchObject({ projectSlug: 'warung-baru', apiKeySet: true, apiKeyHint: '3456', mode: 'sandbox' });
    expect(s.credentials()?.apiKey).toBe('pk_live_newkey123456');
  });
});
