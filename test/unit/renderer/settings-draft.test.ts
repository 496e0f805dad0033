import { describe, expect, it } from 'vitest';
import type { SettingsView } from '@shared/domain';
import { draftOf, settingsPatch } from '@renderer/lib/settings-draft';

const saved = {
  terminalPrefix: 'POS1',
  defaultMethod: 'qris',
  linkQrisOnly: false,
  linkRedirectUrl: '',
  customerDisplayEnabled: true,
  customerDisplayId: null,
  shopName: 'Warung',
  language: 'id',
  businessDayCutoffHour: 4,
  csvDelimiter: ';',
  // Fields the save button does not own: never part of a patch.
  projectSlug: 'toko',
  apiKeySet: true,
  feePayer: 'shop',
} as unknown as SettingsView;

describe('settingsPatch: only what the owner changed goes to main', () => {
  it('is empty when nothing changed, so the save button stays off', () => {
    expect(settingsPatch(saved, draftOf(saved))).toEqual({});
  });

  it('carries exactly the changed fields, so another window’s edit is not overwritten', () => {
    const draft = { ...draftOf(saved), shopName: 'Warung Bu Sri', businessDayCutoffHour: 0 };
    expect(settingsPatch(saved, draft)).toEqual({ shopName: 'Warung Bu Sri', businessDayCutoffHour: 0 });
  });

  it('sends a field changed back to empty or false, and nothing the project steps own', () => {
    const s = { ...saved, linkRedirectUrl: 'https://toko.example/thanks', customerDisplayEnabled: true };
    const draft = { ...draftOf(s), linkRedirectUrl: '', customerDisplayEnabled: false };
    const patch = settingsPatch(s, draft);
    expect(patch).toEqual({ linkRedirectUrl: '', customerDisplayEnabled: false });
    expect(Object.keys(draftOf(s))).not.toContain('projectSlug');
    expect(Object.keys(draftOf(s))).not.toContain('feePayer');
  });
});
