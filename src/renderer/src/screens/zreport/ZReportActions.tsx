import { useState } from 'react';
import type { ZReport } from '@shared/counter';
import type { ZReportRef } from '@shared/contract/counter-calls';
import { getPosApi } from '../../api/pos-api';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useAction } from '../../lib/use-action';
import { usePrintKey } from '../../lib/use-print-key';
import { ownerLocked } from '../../lib/owner-gate';
import { closeDayButton, closeDayError, openShiftsOf, zJobLine, zJobs } from '../../lib/z-report-view';
import { useCounter } from '../../stores/counter-store';
import { usePos } from '../../stores/pos-store';
import { usePrinter } from '../../stores/printer-store';
import { JobProgressView } from '../history/JobProgressView';
import { CloseDayConfirm } from './CloseDayConfirm';

/**
 * The Z report's buttons: print (queued in main; the job's state and the printer's problem
 * shown as they change), save as CSV or Excel (the owner's; a job with progress, then where
 * the file went), and for a business day not yet closed (or with something new since its
 * close), closing it after a confirmation. Every refusal is
 * main's, shown as it is: a locked owner gets owner_required, which the header turns into a
 * PIN prompt.
 */
export function ZReportActions({
  z,
  zref,
  onDayClosed,
}: {
  z: ZReport;
  zref: ZReportRef;
  onDayClosed: (z: ZReport) => void;
}) {
  const t = useT();
  const printer = usePrinter((s) => s.status);
  const jobs = zJobs(
    usePrinter((s) => s.jobs),
    zref,
  );
  const line = zJobLine(jobs[0] ?? null, printer);
  const locked = useCounter((s) => ownerLocked(s.access));
  const [exportJob, setExportJob] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const printable = z.scope === 'shift' ? z.to !== null : z.closes.length > 0;
  const stillOpen = openShiftsOf(z);
  const closeButton = closeDayButton(z);

  const printing = useAction(async () => usePrinter.getState().jobUpdated(await getPosApi().printZReport(zref)));
  const saver = useAction(async (format: 'csv' | 'xlsx') => {
    const job = await getPosApi().exportZReport({ ...zref, format });
    usePos.getState().jobProgress(job);
    setExportJob(job.jobId);
  });
  const closer = useAction(async (day: string) => onDayClosed(await getPosApi().closeBusinessDay({ day })));
  const actions = [printing, saver, closer];
  const busy = actions.some((a) => a.busy);
  // One message at a time: the last thing tried.
  const start = () => actions.forEach((a) => a.setError(null));
  const error = printing.error ?? saver.error ?? (closer.error ? closeDayError(closer.error, t) : null);
  const print = () => {
    start();
    return printing.run();
  };
  const save = (format: 'csv' | 'xlsx') => {
    start();
    return saver.run(format);
  };
  const closeDay = (day: string) => {
    start();
    setConfirming(false);
    return closer.run(day);
  };

  usePrintKey(() => {
    if (printable && !busy) void print();
  });

  return (
    <section className="z-actions" data-testid="z-actions">
      <div className="z-action-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="z-print"
          disabled={busy || !printable}
          onClick={() => void print()}
        >
          {t(jobs.length > 0 ? 'zreport.printAgain' : 'zreport.print')}
        </button>
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn"
            data-testid={`z-export-${format}`}
            disabled={busy}
            onClick={() => void save(format)}
          >
            {t(format === 'csv' ? 'zreport.exportCsv' : 'zreport.exportXlsx')}
          </button>
        ))}
        {closeButton && !confirming && (
          <button
            type="button"
            className="btn z-close-day"
            data-testid="z-close-day"
            disabled={busy}
            onClick={() => {
              start();
              setConfirming(true);
            }}
          >
            {t(closeButton.key)}
          </button>
        )}
      </div>
      {!printable && (
        <p className="hint" data-testid="z-print-later">
          {t(z.scope === 'day' ? 'zreport.printDayFirst' : 'zreport.notCounted')}
        </p>
      )}
      {line && (
        <p className={`receipt-job receipt-job-${line.tone}`} data-testid="z-print-job" data-state={jobs[0]!.state}>
          {t(line.key, line.params)}
          {line.problem ? ` ${t(`printer.problem.${line.problem}`)}` : ''}
        </p>
      )}
      {locked && <p className="hint">{t('zreport.exportOwner')}</p>}
      {z.scope === 'day' && stillOpen.length > 0 && !error && (
        <p className="warn-text" data-testid="z-day-shift-open">
          {t('zreport.closeDayShiftOpen', { names: stillOpen.join(', ') })}
        </p>
      )}
      {confirming && closeButton && (
        <CloseDayConfirm
          day={z.businessDay}
          busy={busy}
          onYes={() => void closeDay(z.businessDay)}
          onNo={() => setConfirming(false)}
        />
      )}
      {error && <ErrorBox error={error} />}
      {exportJob && <JobProgressView jobId={exportJob} />}
    </section>
  );
}
