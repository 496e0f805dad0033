import { PAYMENT_METHODS, type PaymentMethod } from '@shared/methods';
import { useT } from '../../i18n';
import { InstallIdHint } from './InstallIdHint';
import type { Draft, SetDraft } from '../../lib/settings-draft';

export function SaleSection({ draft, set }: { draft: Draft; set: SetDraft }) {
  const t = useT();
  return (
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
      <InstallIdHint />
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
  );
}
