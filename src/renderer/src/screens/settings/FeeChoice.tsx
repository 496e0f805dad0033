import type { FeePayer } from '@shared/fees';
import type { SettingsView } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';
import { formatDateTime } from '../../lib/format';
import { usePos } from '../../stores/pos-store';

/** Who pays Pakasir's fee, in plain words, and what Pakasir's own project setting does to it. */
export function FeeChoice({ settings }: { settings: SettingsView }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const { error, run: choose } = useAction(async (feePayer: FeePayer) => {
    usePos.getState().setSettings(await getPosApi().updateSettings({ feePayer }));
  });
  const learned = settings.pakasirFeeBearer;
  const option = (payer: FeePayer) => (
    <label className={`choice ${settings.feePayer === payer ? 'choice-on' : ''}`}>
      <input
        type="radio"
        name="fee-payer"
        checked={settings.feePayerChosen && settings.feePayer === payer}
        onChange={() => void choose(payer)}
        data-testid={`fee-payer-${payer}`}
      />
      <span>
        <strong>{t(payer === 'shop' ? 'fee.shop.title' : 'fee.customer.title')}</strong>
        <small>{t(payer === 'shop' ? 'fee.shop.body' : 'fee.customer.body')}</small>
      </span>
    </label>
  );
  return (
    <div className="fee-choice" data-testid="fee-choice">
      <p className="field-title">{t('fee.question')}</p>
      {option('shop')}
      {option('customer')}
      {!settings.feePayerChosen && (
        <p className="warn-text" data-testid="fee-not-chosen">
          {t('fee.notChosen')}
        </p>
      )}
      <p className="hint">{t('fee.pakasirSetting')}</p>
      <p className="hint" data-testid="fee-detected" data-bearer={learned?.bearer ?? ''}>
        {learned
          ? t(learned.bearer === 'merchant' ? 'fee.detected.merchant' : 'fee.detected.customer', {
              date: formatDateTime(learned.seenAt, lang),
            })
          : t('fee.detected.none')}
      </p>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
