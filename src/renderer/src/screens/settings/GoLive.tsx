import type { SettingsView } from '@shared/domain';
import { useState } from 'react';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';

/** Steps 4 and 5: a test sale in sandbox, then real money, each said plainly. */
export function SandboxThenProduction({ settings, step }: { settings: SettingsView; step: 4 | 5 }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const { error, run: setSandbox } = useAction(async (sandbox: boolean) => {
    usePos.getState().setSettings(await getPosApi().updateSettings({ sandbox }));
    setConfirming(false);
  });
  if (step === 4) return <p className="hint">{t('setup.sandboxHelp')}</p>;
  return (
    <div>
      <p className="hint">{t('setup.productionHelp')}</p>
      {settings.sandbox ? (
        confirming ? (
          <div className="inline-form">
            <span className="warn-text">{t('setup.goLiveConfirm')}</span>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="go-live-yes"
              onClick={() => void setSandbox(false)}
            >
              {t('confirm.yes')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('confirm.no')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="go-live"
            disabled={!settings.apiKeySet}
            onClick={() => setConfirming(true)}
          >
            {t('setup.goLive')}
          </button>
        )
      ) : (
        <div className="inline-form">
          <span className="ok-text">{t('setup.isLive')}</span>
          <button type="button" className="btn" data-testid="back-to-sandbox" onClick={() => void setSandbox(true)}>
            {t('setup.backToSandbox')}
          </button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
