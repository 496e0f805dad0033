import { useState } from 'react';
import type { SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';
import { announce } from '../../lib/voice-player';
import { usePos } from '../../stores/pos-store';

/** Voice on or off and the volume; each change is saved at once. */
export function SoundSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const [volume, setVolume] = useState(settings.soundVolume);
  const { error, run: save } = useAction(async (patch: { voiceEnabled?: boolean; soundVolume?: number }) => {
    usePos.getState().setSettings(await getPosApi().updateSettings(patch));
  });
  return (
    <fieldset className="card" data-testid="settings-sound">
      <legend>{t('settings.section.sound')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.voiceEnabled}
          onChange={(e) => void save({ voiceEnabled: e.target.checked })}
          data-testid="settings-voice"
        />
        <span>{t('settings.voice')}</span>
      </label>
      <p className="hint">{t('settings.voiceHint')}</p>
      <label className="field">
        <span>{t('settings.volume', { volume })}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={10}
          value={volume}
          onChange={(e) => setVolume(Number(e.target.value))}
          onPointerUp={() => void save({ soundVolume: volume })}
          onKeyUp={() => void save({ soundVolume: volume })}
          data-testid="settings-volume"
        />
      </label>
      <button
        type="button"
        className="btn"
        data-testid="settings-sound-test"
        onClick={() =>
          void announce(
            { kind: 'paid', method: 'qris', amount: 25_000 },
            { lang, voice: settings.voiceEnabled, volume },
          )
        }
      >
        {t('settings.soundTest')}
      </button>
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
