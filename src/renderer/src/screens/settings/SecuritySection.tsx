import { useState } from 'react';
import type { SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { usePos } from '../../stores/pos-store';

export function SecuritySection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [error, setError] = useState<ShownError | null>(null);
  const accept = async (v: boolean) => {
    setError(null);
    try {
      usePos.getState().setSettings(await getPosApi().updateSettings({ acceptInsecureStorage: v }));
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <fieldset className="card">
      <legend>{t('settings.section.security')}</legend>
      <p data-testid="secret-backend">{t('settings.backend', { backend: t(`backend.${settings.secretBackend}`) })}</p>
      {settings.secretProtected ? (
        <p className="ok-text">{t('settings.protected')}</p>
      ) : (
        <>
          <p className="warn-text" data-testid="secret-unprotected">
            {t('settings.unprotected')}
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.acceptInsecureStorage}
              onChange={(e) => void accept(e.target.checked)}
              data-testid="accept-risk"
            />
            <span>{t('settings.acceptRisk')}</span>
          </label>
        </>
      )}
      {settings.secretBackendChanged && (
        <p className="warn-text">
          {t('settings.backendChanged', {
            from: t(`backend.${settings.secretBackendChanged.from}`),
            to: t(`backend.${settings.secretBackendChanged.to}`),
          })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
