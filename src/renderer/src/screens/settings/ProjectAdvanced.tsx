import { useState } from 'react';
import type { SettingsView } from '@shared/domain';
import { useT } from '../../i18n';

/** The API version and the server address: folded away, since a shop rarely changes them. */
export function ProjectAdvanced({
  apiVersion,
  onApiVersion,
  baseUrl,
  onBaseUrl,
}: {
  apiVersion: SettingsView['apiVersion'];
  onApiVersion: (v: SettingsView['apiVersion']) => void;
  baseUrl: string;
  onBaseUrl: (url: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="link-btn"
        onClick={() => setOpen((a) => !a)}
        aria-expanded={open}
        data-testid="settings-advanced"
      >
        {open ? '▾' : '▸'} {t('settings.section.advanced')}
      </button>
      {open && (
        <div className="field-row">
          <label className="field">
            <span>{t('settings.apiVersion')}</span>
            <select
              value={apiVersion}
              onChange={(e) => onApiVersion(e.target.value as 'v1' | 'v2')}
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
              onChange={(e) => onBaseUrl(e.target.value)}
              data-testid="settings-base-url"
            />
          </label>
        </div>
      )}
    </>
  );
}
