import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import { whatsAppUrl } from '@shared/phone';
import { useT } from '../../i18n';
import { usePos } from '../../stores/pos-store';

/**
 * The payment link, copied or sent by WhatsApp to the number the cashier types. Only the
 * link, the amount and the shop's name leave the machine, in a wa.me link the system opens
 * (main allows exactly that shape of URL and nothing else on WhatsApp's hosts).
 */
/** `amount`: the price; on a link the customer picks the method (and so the fee) on Pakasir's page. */
export function ShareLink({ url, amount }: { url: string; amount: number }) {
  const t = useT();
  const shop = usePos((s) => s.settings?.shopName ?? '');
  const [phone, setPhone] = useState('');
  const [copied, setCopied] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const send = () => {
    const wa = whatsAppUrl(phone, t('pay.waText', { shop, amount: formatRupiah(amount), link: url }));
    setInvalid(wa === null);
    if (wa) window.open(wa, '_blank', 'noopener,noreferrer');
  };
  return (
    <div className="share-link" data-testid="share-link">
      <button
        type="button"
        className="btn btn-small"
        data-testid="copy-link"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(
            () => setCopied(true),
            () => undefined,
          );
        }}
      >
        {copied ? t('pay.copied') : t('pay.copyLink')}
      </button>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label className="field field-inline">
          <span>{t('pay.waNumber')}</span>
          <input
            type="tel"
            inputMode="tel"
            value={phone}
            maxLength={24}
            placeholder={t('pay.waPlaceholder')}
            data-testid="wa-number"
            onChange={(e) => {
              setPhone(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <button type="submit" className="btn btn-small btn-wa" data-testid="wa-send" disabled={!phone.trim()}>
          {t('pay.waSend')}
        </button>
      </form>
      {invalid && (
        <p className="warn-text" data-testid="wa-invalid">
          {t('pay.waInvalid')}
        </p>
      )}
    </div>
  );
}
