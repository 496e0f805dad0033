import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { describeError } from '../../lib/errors';
import { useAction } from '../../lib/use-action';
import { jobsOfSale, receiptJobLine, receiptRef } from '../../lib/receipt-job';
import { usePrinter } from '../../stores/printer-store';
import { ErrorBox } from '../../components/ErrorBox';
import { WhatsAppForm } from '../../components/WhatsAppForm';
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
  const {
    busy,
    error,
    run: print,
    setError,
  } = useAction(async (again: boolean) => {
    const job = again ? await getPosApi().reprintReceipt({ orderId }) : await getPosApi().printReceipt({ orderId });
    usePrinter.getState().jobUpdated(job);
  });

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
      <WhatsAppForm
        className="receipt-wa"
        label={t('receipt.waNumber')}
        sendLabel={t('receipt.waSend')}
        text={async () => {
          setError(null);
          return (await getPosApi().receiptText({ orderId })).text;
        }}
        onError={(e) => setError(describeError(e))}
        testIds={{ number: 'receipt-wa-number', send: 'receipt-wa-send', invalid: 'receipt-wa-invalid' }}
      />
      {error && <ErrorBox error={error} />}
    </div>
  );
}
