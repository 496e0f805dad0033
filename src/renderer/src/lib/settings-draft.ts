import type { SettingsPatch } from '@shared/contract/api';
import type { SettingsView } from '@shared/domain';

/** The fields saved with the "save settings" button; the project has its own guided steps. */
export type Draft = Required<
  Pick<
    SettingsPatch,
    | 'terminalPrefix'
    | 'defaultMethod'
    | 'linkQrisOnly'
    | 'linkRedirectUrl'
    | 'customerDisplayEnabled'
    | 'customerDisplayId'
    | 'shopName'
    | 'language'
    | 'businessDayCutoffHour'
    | 'csvDelimiter'
  >
>;

export function draftOf(s: SettingsView): Draft {
  return {
    terminalPrefix: s.terminalPrefix,
    defaultMethod: s.defaultMethod,
    linkQrisOnly: s.linkQrisOnly,
    linkRedirectUrl: s.linkRedirectUrl,
    customerDisplayEnabled: s.customerDisplayEnabled,
    customerDisplayId: s.customerDisplayId,
    shopName: s.shopName,
    language: s.language,
    businessDayCutoffHour: s.businessDayCutoffHour,
    csvDelimiter: s.csvDelimiter,
  };
}

/** Only what changed goes to main, so a save never overwrites another window's edit. */
export function settingsPatch(saved: SettingsView, draft: Draft): SettingsPatch {
  const base = draftOf(saved);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(draft) as (keyof Draft)[]) {
    if (draft[k] !== base[k]) patch[k] = draft[k];
  }
  return patch as SettingsPatch;
}

export type SetDraft = <K extends keyof Draft>(k: K, v: Draft[K]) => void;
