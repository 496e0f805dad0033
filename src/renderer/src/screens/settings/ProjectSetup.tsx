import { useState, type ReactNode } from 'react';
import type { ConnectionTestResult, SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { keyFate, setupDone, type SetupStep } from '../../lib/setup-steps';
import { usePos } from '../../stores/pos-store';
import { FeeChoice } from './FeeChoice';
import { TestConnection } from './TestConnection';

function Step({ n, done, title, children }: { n: SetupStep; done: boolean; title: string; children: ReactNode }) {
  const t = useT();
  return (
    <li className={`setup-step ${done ? 'setup-step-done' : ''}`} data-testid={`setup-step-${n}`} data-done={done}>
      <div className="setup-step-head">
        <span className="setup-num" aria-hidden="true">
          {done ? '✓' : n}
        </span>
        <h3>{title}</h3>
        <span className="setup-state">{done ? t('setup.done') : t('setup.todo')}</span>
      </div>
      <div className="setup-step-body">{children}</div>
    </li>
  );
}

/** Step 1: the project code and its key, saved together so no key is lost on the way. */
function ProjectAndKey({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [slug, setSlug] = useState(settings.projectSlug);
  const [key, setKey] = useState('');
  const [apiVersion, setApiVersion] = useState(settings.apiVersion);
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [advanced, setAdvanced] = useState(false);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const fate = keyFate(settings, { projectSlug: slug, baseUrl }, key);
  const changed =
    key !== '' ||
    slug.trim() !== settings.projectSlug ||
    apiVersion !== settings.apiVersion ||
    baseUrl !== settings.baseUrl;

  const save = async () => {
    setError(null);
    setSaved(false);
    if (fate === 'wipe' && !confirmWipe) {
      setConfirmWipe(true);
      return;
    }
    try {
      const api = getPosApi();
      const next =
        fate === 'replace'
          ? await api.setProject({ projectSlug: slug.trim(), apiKey: key.trim(), apiVersion, baseUrl })
          : await api.updateSettings({ projectSlug: slug.trim(), apiVersion, baseUrl });
      usePos.getState().setSettings(next);
      setKey('');
      setConfirmWipe(false);
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form
      className="setup-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
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
        <label className="field">
          <span>{t('settings.apiKey')}</span>
          {/* Write-only: the field starts empty and is cleared after saving; the key never comes back. */}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={
              fate === 'keep' && settings.apiKeyHint
                ? t('setup.keyKeep', { hint: settings.apiKeyHint })
                : t('setup.keyPlaceholder')
            }
            onChange={(e) => {
              setKey(e.target.value);
              setSaved(false);
            }}
            data-testid="api-key-input"
          />
        </label>
      </div>
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
      <button
        type="button"
        className="link-btn"
        onClick={() => setAdvanced((a) => !a)}
        aria-expanded={advanced}
        data-testid="settings-advanced"
      >
        {advanced ? '▾' : '▸'} {t('settings.section.advanced')}
      </button>
      {advanced && (
        <div className="field-row">
          <label className="field">
            <span>{t('settings.apiVersion')}</span>
            <select
              value={apiVersion}
              onChange={(e) => setApiVersion(e.target.value as 'v1' | 'v2')}
              data-testid="settings-api-version"
            >
              <option value="v2">{t('settings.apiVersion.v2')}</option>
              <option value="v1">{t('settings.apiVersion.v1')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('settings.baseUrl')}</span>
            <input
              value={baseUrl}
              maxLength={500}
              onChange={(e) => {
                setBaseUrl(e.target.value);
                setConfirmWipe(false);
              }}
              data-testid="settings-base-url"
            />
          </label>
        </div>
      )}
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

/** Steps 4 and 5: a test sale in sandbox, then real money, each said plainly. */
function SandboxThenProduction({ settings, step }: { settings: SettingsView; step: 4 | 5 }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const setSandbox = async (sandbox: boolean) => {
    setError(null);
    try {
      usePos.getState().setSettings(await getPosApi().updateSettings({ sandbox }));
      setConfirming(false);
    } catch (e) {
      setError(describeError(e));
    }
  };
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

/** The guided setup for a real Pakasir project: five short steps, sandbox first. */
export function ProjectSetup({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const done = setupDone(settings, test);
  return (
    <section className="card setup" data-testid="project-setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p className="hint">{t('setup.intro')}</p>
      <ol className="setup-steps">
        <Step n={1} done={done[1]} title={t('setup.step1')}>
          <ProjectAndKey settings={settings} />
        </Step>
        <Step n={2} done={done[2]} title={t('setup.step2')}>
          <TestConnection onResult={setTest} />
        </Step>
        <Step n={3} done={done[3]} title={t('setup.step3')}>
          <FeeChoice settings={settings} />
        </Step>
        <Step n={4} done={done[4]} title={t('setup.step4')}>
          <SandboxThenProduction settings={settings} step={4} />
        </Step>
        <Step n={5} done={done[5]} title={t('setup.step5')}>
          <SandboxThenProduction settings={settings} step={5} />
        </Step>
      </ol>
    </section>
  );
}
