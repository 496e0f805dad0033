import { useState } from 'react';
import { whatsAppUrl } from '@shared/phone';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { describeError, type ShownError } from '../../lib/errors';
import { jobsOfSale, receiptJobLine, receiptRef } from '../../lib/receipt-job';
import { usePrinter } from '../../stores/printer-store';
import { ErrorBox } from '../../components/ErrorBox';
import './receipt-actions.css';

/**
 * A paid sale's receipt: print it (or another copy, marked "CETAK ULANG #n"), see where the
 * copy is (printed, or waiting for the printer and why), or send it by WhatsApp to the number
 * the customer gives. Printing is queued in main: nothing here waits for the printer.
 */
export function ReceiptActions({ orderId, saleId }: { orderId: string; saleId: string | null }) {
  const t = useT();
  const allJobs = usePrinter((s) => s.jobs);
  const printer = usePrinter((s) => s.status);
  const jobs = jobsOfSale(allJobs, receiptRef({ orderId, saleId }));
  const line = receiptJobLine(jobs[0] ?? null, printer);
  const printedOnce = jobs.length > 0;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [phone, setPhone] = useState('');
  const [invalid, setInvalid] = useState(false);

  const print = async (again: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const job = again ? await getPosApi().reprintReceipt({ orderId }) : await getPosApi().printReceipt({ orderId });
      usePrinter.getState().jobUpdated(job);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    setError(null);
    // The number is checked before main is asked: a wrong one opens nothing.
    if (!whatsAppUrl(phone, '')) {
      setInvalid(true);
      return;
    }
    try {
      const { text } = await getPosApi().receiptText({ orderId });
      const url = whatsAppUrl(phone, text);
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div className="receipt-actions" data-testid="receipt-actions">
      <div className="receipt-print">
        <button
          type="button"
          className="btn"
          data-testid={printedOnce ? 'reprint-receipt' : 'print-receipt'}
          disabled={busy}
          onClick={() => void print(printedOnce)}
        >
          {t(printedOnce ? 'receipt.reprint' : 'receipt.print')}
        </button>
        {line && (
          <p className={`receipt-job receipt-job-${line.tone}`} data-testid="receipt-job" data-state={jobs[0]!.state}>
            {t(line.key, line.params)}
            {line.problem ? ` ${t(`printer.problem.${line.problem}`)}` : ''}
          </p>
        )}
      </div>
      <form
        className="inline-form receipt-wa"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
        // Enter here sends the receipt; it must not also start the next sale.
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') e.stopPropagation();
        }}
      >
        <label className="field field-inline">
          <span>{t('receipt.waNumber')}</span>
          <input
            type="tel"
            inputMode="tel"
            value={phone}
            maxLength={24}
            placeholder={t('pay.waPlaceholder')}
            data-testid="receipt-wa-number"
            onChange={(e) => {
              setPhone(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <button type="submit" className="btn btn-wa" data-testid="receipt-wa-send" disabled={!phone.trim()}>
          {t('receipt.waSend')}
        </button>
      </form>
      {invalid && (
        <p className="warn-text" data-testid="receipt-wa-invalid">
          {t('pay.waInvalid')}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
