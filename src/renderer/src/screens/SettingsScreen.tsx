import { useEffect, useState } from 'react';
import type { SettingsPatch } from '@shared/contract/api';
import type { ConnectionTestResult, DisplayInfo, SettingsView } from '@shared/domain';
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/methods';
import { getPosApi } from '../api/pos-api';
import { useT } from '../i18n';
import { ErrorBox } from '../components/ErrorBox';
import { describeError, type ShownError } from '../lib/errors';
import { usePos } from '../stores/pos-store';
import { DisplayPicturesSection } from './settings/DisplayPicturesSection';
import { SoundSection } from './settings/SoundSection';

// Sound settings save on their own, in their section (settings/SoundSection.tsx).
type Draft = Required<Omit<SettingsPatch, 'acceptInsecureStorage' | 'voiceEnabled' | 'soundVolume'>>;

function draftOf(s: SettingsView): Draft {
  return {
    projectSlug: s.projectSlug,
    apiVersion: s.apiVersion,
    sandbox: s.sandbox,
    baseUrl: s.baseUrl,
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

function KeySection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const call = async (fn: () => Promise<SettingsView>) => {
    setError(null);
    setSaved(false);
    try {
      usePos.getState().setSettings(await fn());
      setKey('');
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="key-section">
      <div className="field">
        <span>{t('settings.apiKey')}</span>
        <div className="key-status" data-testid="api-key-status">
          {settings.apiKeySet && settings.apiKeyHint
            ? t('settings.apiKeyStored', { hint: settings.apiKeyHint })
            : t('settings.apiKeyNone')}
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (key) void call(() => getPosApi().setApiKey({ apiKey: key }));
          }}
        >
          {/* Write-only: the field starts empty and is cleared after saving; the key never comes back. */}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={t('settings.apiKeyPlaceholder')}
            onChange={(e) => setKey(e.target.value)}
            data-testid="api-key-input"
          />
          <button type="submit" className="btn" disabled={!key} data-testid="api-key-save">
            {t('settings.apiKeySave')}
          </button>
          {settings.apiKeySet && (
            <button
              type="button"
              className="btn btn-danger"
              data-testid="api-key-clear"
              onClick={() => void call(() => getPosApi().clearApiKey({}))}
            >
              {t('settings.apiKeyClear')}
            </button>
          )}
        </form>
        {saved && <div className="ok-text">{t('settings.apiKeySaved')}</div>}
        {error && <ErrorBox error={error} />}
      </div>
    </div>
  );
}

function SecuritySection({ settings }: { settings: SettingsView }) {
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

function TestConnection() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await getPosApi().testConnection({}));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="test-connection">
      <button type="button" className="btn" disabled={busy} onClick={() => void run()} data-testid="test-connection">
        {busy ? t('settings.testing') : t('settings.test')}
      </button>
      {result && (
        <div
          className={result.ok ? 'verdict verdict-ok' : 'verdict verdict-bad'}
          data-testid="test-result"
          data-code={result.code}
        >
          {t(`test.${result.code}`)}
          {result.latencyMs !== null ? ` (${t('settings.latency', { ms: result.latencyMs })})` : ''}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}

export function SettingsScreen() {
  const t = useT();
  const settings = usePos((s) => s.settings)!;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [displays, setDisplays] = useState<DisplayInfo[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [advanced, setAdvanced] = useState(false);

  useEffect(() => {
    getPosApi()
      .listDisplays({})
      .then(setDisplays, () => setDisplays([]));
  }, []);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const patch = settingsPatch(settings, draft);
  const dirty = Object.keys(patch).length > 0;

  const save = async () => {
    setError(null);
    try {
      const next = await getPosApi().updateSettings(patch);
      usePos.getState().setSettings(next);
      setDraft(draftOf(next));
      setSaved(true);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="settings-head">
        <h1>{t('settings.title')}</h1>
        <span className={`mode-pill mode-${settings.mode}`} data-testid="settings-mode">
          {t('settings.mode', { mode: t(`settings.mode.${settings.mode}`) })}
        </span>
        <button type="submit" className="btn btn-primary" disabled={!dirty} data-testid="settings-save">
          {t('settings.save')}
        </button>
        {saved && <span className="ok-text">{t('settings.saved')}</span>}
      </div>
      {error && <ErrorBox error={error} />}
      <div className="settings-grid">
        <fieldset className="card">
          <legend>{t('settings.section.project')}</legend>
          <label className="field">
            <span>{t('settings.slug')}</span>
            <input
              value={draft.projectSlug}
              maxLength={64}
              onChange={(e) => set('projectSlug', e.target.value)}
              data-testid="settings-slug"
            />
            <small className="hint">{t('settings.keyWipeHint')}</small>
          </label>
          <KeySection settings={settings} />
          <div className="field-row">
            <label className="field">
              <span>{t('settings.apiVersion')}</span>
              <select
                value={draft.apiVersion}
                onChange={(e) => set('apiVersion', e.target.value as 'v1' | 'v2')}
                data-testid="settings-api-version"
              >
                <option value="v2">{t('settings.apiVersion.v2')}</option>
                <option value="v1">{t('settings.apiVersion.v1')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('settings.environment')}</span>
              <select
                value={draft.sandbox ? 'sandbox' : 'production'}
                onChange={(e) => set('sandbox', e.target.value === 'sandbox')}
                data-testid="settings-environment"
              >
                <option value="sandbox">{t('settings.sandbox')}</option>
                <option value="production">{t('settings.production')}</option>
              </select>
            </label>
          </div>
          <TestConnection />
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
            <label className="field">
              <span>{t('settings.baseUrl')}</span>
              <input
                value={draft.baseUrl}
                maxLength={500}
                onChange={(e) => set('baseUrl', e.target.value)}
                data-testid="settings-base-url"
              />
            </label>
          )}
        </fieldset>

        <fieldset className="card">
          <legend>{t('settings.section.sale')}</legend>
          <label className="field">
            <span>{t('settings.shopName')}</span>
            <input
              value={draft.shopName}
              maxLength={60}
              onChange={(e) => set('shopName', e.target.value)}
              data-testid="settings-shop-name"
            />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('settings.terminalPrefix')}</span>
              <input
                value={draft.terminalPrefix}
                maxLength={8}
                onChange={(e) => set('terminalPrefix', e.target.value)}
                data-testid="settings-terminal"
              />
            </label>
            <label className="field">
              <span>{t('settings.defaultMethod')}</span>
              <select
                value={draft.defaultMethod}
                onChange={(e) => set('defaultMethod', e.target.value as PaymentMethod)}
                data-testid="settings-default-method"
              >
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`method.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.linkQrisOnly}
              onChange={(e) => set('linkQrisOnly', e.target.checked)}
              data-testid="settings-link-qris-only"
            />
            <span>{t('settings.linkQrisOnly')}</span>
          </label>
          <label className="field">
            <span>{t('settings.linkRedirectUrl')}</span>
            <input
              value={draft.linkRedirectUrl}
              maxLength={500}
              placeholder="https://"
              onChange={(e) => set('linkRedirectUrl', e.target.value)}
              data-testid="settings-redirect"
            />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('settings.language')}</span>
              <select
                value={draft.language}
                onChange={(e) => set('language', e.target.value as 'id' | 'en')}
                data-testid="settings-language"
              >
                <option value="id">{t('lang.id')}</option>
                <option value="en">{t('lang.en')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('settings.cutoff')}</span>
              <select
                value={draft.businessDayCutoffHour}
                onChange={(e) => set('businessDayCutoffHour', Number(e.target.value))}
                data-testid="settings-cutoff"
              >
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {String(h).padStart(2, '0')}:00
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('settings.csvDelimiter')}</span>
              <select
                value={draft.csvDelimiter}
                onChange={(e) => set('csvDelimiter', e.target.value as ';' | ',')}
                data-testid="settings-delimiter"
              >
                <option value=";">;</option>
                <option value=",">,</option>
              </select>
            </label>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('settings.section.display')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.customerDisplayEnabled}
              onChange={(e) => set('customerDisplayEnabled', e.target.checked)}
              data-testid="settings-display-enabled"
            />
            <span>{t('settings.customerDisplay')}</span>
          </label>
          <label className="field">
            <span>{t('settings.customerDisplayId')}</span>
            <select
              value={draft.customerDisplayId === null ? '' : String(draft.customerDisplayId)}
              disabled={!draft.customerDisplayEnabled}
              onChange={(e) => set('customerDisplayId', e.target.value === '' ? null : Number(e.target.value))}
              data-testid="settings-display-id"
            >
              <option value="">{t('settings.displayAuto')}</option>
              {displays.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label} {d.width}×{d.height} {d.primary ? t('settings.displayPrimary') : ''}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <SecuritySection settings={settings} />
        <SoundSection settings={settings} />
        <DisplayPicturesSection />
      </div>
    </form>
  );
}
