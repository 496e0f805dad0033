import { useState } from 'react';
import { whatsAppUrl } from '@shared/phone';
import { useT } from '../i18n';

/**
 * A number field and a send button that open a wa.me link in the system (main allows exactly
 * that shape of URL on WhatsApp's hosts). The number is checked before `text` is asked for,
 * so a wrong number opens nothing and costs no call to main.
 */
export function WhatsAppForm(props: {
  label: string;
  sendLabel: string;
  /** The message; may ask main (a receipt's text). A failure is the caller's to show. */
  text: () => string | Promise<string>;
  onError?: (e: unknown) => void;
  testIds: { number: string; send: string; invalid: string };
  className?: string;
  buttonClassName?: string;
}) {
  const t = useT();
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState(false);
  const send = async () => {
    if (!whatsAppUrl(phone, '')) {
      setInvalid(true);
      return;
    }
    try {
      const url = whatsAppUrl(phone, await props.text());
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
    } catch (e) {
      props.onError?.(e);
    }
  };
  return (
    <>
      <form
        className={`inline-form ${props.className ?? ''}`.trim()}
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
        // Enter here sends the message; it must not also reach the screen's own keys (next sale).
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.stopPropagation();
        }}
      >
        <label className="field field-inline">
          <span>{props.label}</span>
          <input
            type="tel"
            inputMode="tel"
            value={phone}
            maxLength={24}
            placeholder={t('pay.waPlaceholder')}
            data-testid={props.testIds.number}
            onChange={(e) => {
              setPhone(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <button
          type="submit"
          className={props.buttonClassName ?? 'btn btn-wa'}
          data-testid={props.testIds.send}
          disabled={!phone.trim()}
        >
          {props.sendLabel}
        </button>
      </form>
      {invalid && (
        <p className="warn-text" data-testid={props.testIds.invalid}>
          {t('pay.waInvalid')}
        </p>
      )}
    </>
  );
}
