import type { SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';

export function SecuritySection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const { error, run: accept } = useAction(async (v: boolean) => {
    usePos.getState().setSettings(await getPosApi().updateSettings({ acceptInsecureStorage: v }));
  });
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
