import { useState } from 'react';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { ErrorBox } from '../components/ErrorBox';
import { usePos } from '../stores/pos-store';
import { JournalCard } from './journal/JournalCard';
import { DisplayPicturesSection } from './settings/DisplayPicturesSection';
import { DisplaySection } from './settings/DisplaySection';
import { ItemsSection } from './settings/ItemsSection';
import { PrinterSection } from './settings/PrinterSection';
import { ProjectSetup } from './settings/ProjectSetup';
import { SaleSection } from './settings/SaleSection';
import { SecuritySection } from './settings/SecuritySection';
import { SoundSection } from './settings/SoundSection';
import { StaffSection } from './settings/StaffSection';
import { draftOf, settingsPatch, type Draft, type SetDraft } from '../lib/settings-draft';
import { useAction } from '../lib/use-action';
import { ShopServerPanel } from './settings/ShopServerPanel';

/**
 * Settings: the guided project setup (its steps save on their own), then the shop's own
 * choices, saved together with one button.
 */
export function SettingsScreen() {
  const t = useT();
  const settings = usePos((s) => s.settings)!;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);

  const set: SetDraft = (k, v) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const patch = settingsPatch(settings, draft);
  const dirty = Object.keys(patch).length > 0;

  const {
    busy,
    error,
    run: save,
  } = useAction(async () => {
    const next = await getPosApi().updateSettings(patch);
    usePos.getState().setSettings(next);
    setDraft(draftOf(next));
    setSaved(true);
  });

  return (
    <div className="settings">
      <div className="settings-head">
        <h1>{t('settings.title')}</h1>
        <span className={`mode-pill mode-${settings.mode}`} data-testid="settings-mode">
          {t('settings.mode', { mode: t(`settings.mode.${settings.mode}`) })}
        </span>
      </div>
      <ProjectSetup settings={settings} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="settings-head settings-head-sub">
          <button type="submit" className="btn btn-primary" disabled={!dirty || busy} data-testid="settings-save">
            {t('settings.save')}
          </button>
          {saved && <span className="ok-text">{t('settings.saved')}</span>}
        </div>
        {error && <ErrorBox error={error} />}
        <div className="settings-grid">
          <SaleSection draft={draft} set={set} />
          <DisplaySection draft={draft} set={set} />
          <SecuritySection settings={settings} />
          {/* The owner and cashiers save on their own (PINs never sit in the draft). */}
          <StaffSection />
          {/* Sound and pictures save on their own, in their sections. */}
          <SoundSection settings={settings} />
          <DisplayPicturesSection />
          {/* The printer saves on its own too (its own calls and file). */}
          <PrinterSection />
          <ItemsSection />
          <ShopServerPanel defaultName={settings.terminalPrefix} />
          <JournalCard />
        </div>
      </form>
    </div>
  );
}
