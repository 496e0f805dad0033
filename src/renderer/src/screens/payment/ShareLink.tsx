import { useState } from 'react';
import { formatRupiah } from '@shared/money';
import { useT } from '../../i18n';
import { usePos } from '../../stores/pos-store';
import { WhatsAppForm } from '../../components/WhatsAppForm';

/**
 * The payment link, copied or sent by WhatsApp to the number the cashier types. Only the
 * link, the amount and the shop's name leave the machine, in a wa.me link the system opens
 * (main allows exactly that shape of URL and nothing else on WhatsApp's hosts).
 */
/** `amount`: the price; on a link the customer picks the method (and so the fee) on Pakasir's page. */
export function ShareLink({ url, amount }: { url: string; amount: number }) {
  const t = useT();
  const shop = usePos((s) => s.settings?.shopName ?? '');
  const [copied, setCopied] = useState(false);
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
      <WhatsAppForm
        label={t('pay.waNumber')}
        sendLabel={t('pay.waSend')}
        text={() => t('pay.waText', { shop, amount: formatRupiah(amount), link: url })}
        testIds={{ number: 'wa-number', send: 'wa-send', invalid: 'wa-invalid' }}
        buttonClassName="btn btn-small btn-wa"
      />
    </div>
  );
}
