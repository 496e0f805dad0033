import { describe, expect, it } from 'vitest';
import type { SettingsView } from '@shared/domain';
import { keyFate, projectChanged, setupDone } from '@renderer/lib/setup-steps';

const base: SettingsView = {
  projectSlug: 'warung',
  apiKeySet: true,
  apiKeyHint: '1234',
  apiVersion: 'v2',
  sandbox: true,
  baseUrl: 'https://app.pakasir.com',
  terminalPrefix: 'KSR1',
  defaultMethod: 'qris',
  linkQrisOnly: false,
  linkRedirectUrl: '',
  customerDisplayEnabled: true,
  customerDisplayId: null,
  shopName: 'Toko',
  language: 'id',
  businessDayCutoffHour: 4,
  csvDelimiter: ';',
  secretBackend: 'memory',
  secretProtected: false,
  acceptInsecureStorage: true,
  secretBackendChanged: null,
  mode: 'sandbox',
  feePayer: 'shop',
  feePayerChosen: false,
  pakasirFeeBearer: null,
  voiceEnabled: true,
  soundVolume: 80,
};

describe('the guided setup', () => {
  it('says before saving what happens to a stored key', () => {
    const same = { projectSlug: 'warung', baseUrl: 'https://app.pakasir.com' };
    expect(keyFate(base, same, '')).toBe('keep');
    expect(keyFate(base, { ...same, projectSlug: 'warung-2' }, '')).toBe('wipe');
    expect(keyFate(base, { ...same, baseUrl: 'https://sandbox.pakasir.com' }, '')).toBe('wipe');
    // Project and key together: the old key is replaced, nothing is lost on the way.
    expect(keyFate(base, { ...same, projectSlug: 'warung-2' }, 'new-key-123456')).toBe('replace');
    expect(keyFate({ ...base, apiKeySet: false, apiKeyHint: null }, same, '')).toBe('none');
    // A trailing slash or path is the same server.
    expect(keyFate(base, { ...same, baseUrl: 'https://app.pakasir.com/' }, '')).toBe('keep');
  });

  it('marks each step done from what main says', () => {
    expect(setupDone({ ...base, apiKeySet: false, mode: 'demo' }, null)).toEqual({
      1: false,
      2: false,
      3: false,
      4: false,
      5: false,
    });
    const tested = { ok: true, code: 'ok' as const, detail: null, latencyMs: 12 };
    expect(setupDone(base, tested)).toMatchObject({ 1: true, 2: true, 3: false, 4: false });
    expect(setupDone(base, { ...tested, ok: false, code: 'auth' })[2]).toBe(false);
    const afterSandboxSale = {
      ...base,
      feePayerChosen: true,
      pakasirFeeBearer: { bearer: 'customer' as const, seenAt: '2026-11-25T03:00:00.000Z' },
    };
    expect(setupDone(afterSandboxSale, tested)).toMatchObject({ 3: true, 4: true, 5: false });
    expect(setupDone({ ...afterSandboxSale, sandbox: false, mode: 'production' }, null)[5]).toBe(true);
  });

  it('offers to save the project step only when the form differs from what is stored', () => {
    const stored = { projectSlug: 'warung', apiVersion: 'v2' as const, baseUrl: 'https://app.pakasir.com' };
    expect(projectChanged(base, stored, '')).toBe(false);
    // Spaces around the code are not a change: they are trimmed on saving.
    expect(projectChanged(base, { ...stored, projectSlug: '  warung ' }, '')).toBe(false);
    expect(projectChanged(base, { ...stored, projectSlug: 'warung-2' }, '')).toBe(true);
    expect(projectChanged(base, { ...stored, apiVersion: 'v1' }, '')).toBe(true);
    expect(projectChanged(base, { ...stored, baseUrl: 'https://sandbox.pakasir.com' }, '')).toBe(true);
    // A typed key is always something to save, even for the same project.
    expect(projectChanged(base, stored, 'new-key-123456')).toBe(true);
  });
});
