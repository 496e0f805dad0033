import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { jobLabel, statusLine } from '../../lib/printer-view';
import { usePrinter } from '../../stores/printer-store';

/** The printer as main last saw it, with a retry when receipts are waiting. */
export function PrinterStatusRow() {
  const t = useT();
  const status = usePrinter((s) => s.status);
  const line = statusLine(status);
  return (
    <div className="printer-status" data-testid="printer-status" data-problem={status?.problem ?? ''}>
      <span className={`printer-pill printer-pill-${line.tone}`}>{t(line.key)}</span>
      {status?.paperLow && <span className="warn-text">{t('printer.paperLow')}</span>}
      {status && status.waiting > 0 && (
        <>
          <span className="printer-waiting" data-testid="printer-waiting">
            {t('printer.waiting', { n: status.waiting })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="printer-retry"
            onClick={() =>
              void getPosApi()
                .retryPrinting({})
                .then(usePrinter.getState().setStatus, () => undefined)
            }
          >
            {t('printer.retry')}
          </button>
        </>
      )}
    </div>
  );
}

/** The latest print jobs; one still queued can be canceled. */
export function RecentJobs() {
  const t = useT();
  const jobs = usePrinter((s) => s.jobs);
  if (jobs.length === 0) return <p className="hint">{t('printer.noJobs')}</p>;
  return (
    <ul className="printer-jobs" data-testid="printer-jobs">
      {jobs.map((job) => {
        const [key, params, reprint] = jobLabel(job);
        return (
          <li key={job.id} data-state={job.state}>
            <span>
              {t(key, params)}
              {reprint ? ` (${t('printer.job.reprint', reprint)})` : ''}
            </span>
            <span className={`printer-job-state printer-job-${job.state}`}>{t(`printer.jobState.${job.state}`)}</span>
            {job.state === 'queued' && (
              <button
                type="button"
                className="link-btn"
                onClick={() =>
                  void getPosApi()
                    .cancelPrintJob({ jobId: job.id })
                    .catch(() => undefined)
                }
              >
                {t('printer.cancel')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
