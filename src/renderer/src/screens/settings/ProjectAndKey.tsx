import { useState } from 'react';
import type { SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { ErrorBox } from '../../components/ErrorBox';
import { useT } from '../../i18n';
import { describeError } from '../../lib/errors';
import { keyFate, projectChanged } from '../../lib/setup-steps';
import { useAction } from '../../lib/use-action';
import { usePos } from '../../stores/pos-store';
import { ProjectAdvanced } from './ProjectAdvanced';

type Fate = ReturnType<typeof keyFate>;

/** The key field: write-only, so its placeholder says whether a stored key stays. */
function KeyField(props: { settings: SettingsView; fate: Fate; value: string; onChange: (v: string) => void }) {
  const { settings, fate, value, onChange } = props;
  const t = useT();
  return (
    <label className="field">
      <span>{t('settings.apiKey')}</span>
      {/* Write-only: the field starts empty and is cleared after saving; the key never comes back. */}
      <input
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={
          fate === 'keep' && settings.apiKeyHint
            ? t('setup.keyKeep', { hint: settings.apiKeyHint })
            : t('setup.keyPlaceholder')
        }
        onChange={(e) => onChange(e.target.value)}
        data-testid="api-key-input"
      />
    </label>
  );
}

/** The stored key's hint, and what saving now would do to it. */
function KeyNotes({ settings, fate, slug }: { settings: SettingsView; fate: Fate; slug: string }) {
  const t = useT();
  return (
    <>
      <div className="key-status" data-testid="api-key-status">
        {t('settings.apiKey')}:{' '}
        {settings.apiKeySet && settings.apiKeyHint
          ? t('settings.apiKeyStored', { hint: settings.apiKeyHint })
          : t('settings.apiKeyNone')}
      </div>
      {fate === 'wipe' && (
        <p className="warn-text" data-testid="key-will-wipe">
          {t('setup.keyWillWipe', { hint: settings.apiKeyHint ?? '' })}
        </p>
      )}
      {fate === 'none' && slug.trim() !== '' && (
        <p className="hint" data-testid="key-needed">
          {t('setup.keyNeeded')}
        </p>
      )}
    </>
  );
}

/** Step 1: the project code and its key, saved together so no key is lost on the way. */
export function ProjectAndKey({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [slug, setSlug] = useState(settings.projectSlug);
  const [key, setKey] = useState('');
  const [apiVersion, setApiVersion] = useState(settings.apiVersion);
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const [saved, setSaved] = useState(false);
  const fate = keyFate(settings, { projectSlug: slug, baseUrl }, key);
  const changed = projectChanged(settings, { projectSlug: slug, apiVersion, baseUrl }, key);

  const { error, setError, run } = useAction(async () => {
    const api = getPosApi();
    const next =
      fate === 'replace'
        ? await api.setProject({ projectSlug: slug.trim(), apiKey: key.trim(), apiVersion, baseUrl })
        : await api.updateSettings({ projectSlug: slug.trim(), apiVersion, baseUrl });
    usePos.getState().setSettings(next);
    setKey('');
    setConfirmWipe(false);
    setSaved(true);
  });
  const save = () => {
    setSaved(false);
    // Moving the project without a new key removes the stored one: the owner says yes first.
    if (fate === 'wipe' && !confirmWipe) {
      setError(null);
      setConfirmWipe(true);
      return;
    }
    void run();
  };

  return (
    <form
      className="setup-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <p className="hint">{t('setup.projectHelp')}</p>
      <div className="field-row">
        <label className="field">
          <span>{t('settings.slug')}</span>
          <input
            value={slug}
            maxLength={64}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setSlug(e.target.value);
              setConfirmWipe(false);
              setSaved(false);
            }}
            data-testid="settings-slug"
          />
        </label>
        <KeyField
          settings={settings}
          fate={fate}
          value={key}
          onChange={(v) => {
            setKey(v);
            setSaved(false);
          }}
        />
      </div>
      <KeyNotes settings={settings} fate={fate} slug={slug} />
      <ProjectAdvanced
        apiVersion={apiVersion}
        onApiVersion={setApiVersion}
        baseUrl={baseUrl}
        onBaseUrl={(url) => {
          setBaseUrl(url);
          setConfirmWipe(false);
        }}
      />
      {confirmWipe && (
        <p className="warn-text" data-testid="confirm-wipe">
          {t('setup.confirmWipe')}
        </p>
      )}
      <div className="inline-form">
        <button type="submit" className="btn btn-primary" disabled={!changed} data-testid="setup-save">
          {confirmWipe ? t('confirm.yes') : t('setup.save')}
        </button>
        {settings.apiKeySet && (
          <button
            type="button"
            className="btn btn-danger"
            data-testid="api-key-clear"
            onClick={() =>
              void getPosApi()
                .clearApiKey({})
                .then(
                  (v) => usePos.getState().setSettings(v),
                  (e: unknown) => setError(describeError(e)),
                )
            }
          >
            {t('settings.apiKeyClear')}
          </button>
        )}
        {saved && <span className="ok-text">{t('setup.saved')}</span>}
      </div>
      {error && <ErrorBox error={error} />}
    </form>
  );
}
