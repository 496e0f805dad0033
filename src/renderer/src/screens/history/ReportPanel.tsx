import { useEffect, useState } from 'react';
import type { DailyReport, ReconcileResult } from '@shared/domain';
import { formatRupiah } from '@shared/money';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { pakasirStatusState } from '../../lib/event-text';
import { formatCount, formatDateTime } from '../../lib/format';
import { DateField } from '../../components/DateField';
import { usePos } from '../../stores/pos-store';
import { JobProgressView } from './JobProgressView';
import { ReportFigures } from '../../components/ReportFigures';

function Reconcile({ day }: { day: string }) {
  const t = useT();
  const pakasirWord = (raw: string): string => {
    const state = pakasirStatusState(raw);
    return state ? t(`state.${state}`) : raw;
  };
  const lang = useLanguage((s) => s.lang);
  const offline = usePos((s) => s.connectivity.state === 'offline');
  const pushed = usePos((s) => s.reconcile[day]);
  const [last, setLast] = useState<ReconcileResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePos((s) => (jobId ? s.jobs[jobId] : undefined));
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    setLast(null);
    getPosApi()
      .getReconcileStatus({ day })
      .then(
        (s) => setLast(s.lastResult),
        (e: unknown) => setError(describeError(e)),
      );
  }, [day]);
  const result = pushed ?? last;
  const start = async () => {
    setError(null);
    try {
      const j = await getPosApi().startReconcile({ day });
      usePos.getState().jobProgress(j);
      setJobId(j.jobId);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const running = job?.state === 'running';
  return (
    <section className="reconcile" data-testid="reconcile">
      <h3>{t('reconcile.title')}</h3>
      {offline ? (
        <p className="warn-text" data-testid="reconcile-offline">
          {result
            ? t('reconcile.offline', { time: formatDateTime(result.checkedAt, lang) })
            : t('reconcile.offlineNever')}
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={running}
          data-testid="reconcile-start"
          onClick={() => void start()}
        >
          {t('reconcile.start')}
        </button>
      )}
      {running && job && (
        <div className="job">
          <progress max={Math.max(1, job.total)} value={job.done} />
          <span>
            {t('reconcile.running', { done: formatCount(job.done, lang), total: formatCount(job.total, lang) })}
          </span>
        </div>
      )}
      {error && <ErrorBox error={error} />}
      {!result && !running && <p className="hint">{t('reconcile.none')}</p>}
      {result && (
        <div data-testid="reconcile-result">
          <p className="hint">{t('reconcile.checkedAt', { time: formatDateTime(result.checkedAt, lang) })}</p>
          {result.differences.length === 0 ? (
            <p className="ok-text">{t('reconcile.ok', { checked: formatCount(result.checked, lang) })}</p>
          ) : (
            <>
              <p className="warn-text">
                {t('reconcile.diffs', {
                  count: formatCount(result.differences.length, lang),
                  checked: formatCount(result.checked, lang),
                })}
              </p>
              <table className="table" data-testid="reconcile-diffs">
                <thead>
                  <tr>
                    <th>{t('history.col.order')}</th>
                    <th className="num">{t('history.col.amount')}</th>
                    <th>{t('reconcile.col.local')}</th>
                    <th>{t('reconcile.col.gateway')}</th>
                    <th>{t('reconcile.col.kind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.differences.map((d) => (
                    <tr key={d.orderId}>
                      <td className="mono">{d.orderId}</td>
                      <td className="num">{formatRupiah(d.amount)}</td>
                      <td>{t(`state.${d.localState}`)}</td>
                      <td>{pakasirWord(d.gatewayStatus)}</td>
                      <td>{t(`reconcile.kind.${d.kind}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {result.unchecked > 0 && (
            <p className="warn-text">{t('reconcile.unchecked', { count: formatCount(result.unchecked, lang) })}</p>
          )}
        </div>
      )}
    </section>
  );
}

/** `today` is main's business day; the report opens on it and "today" returns to it. */
export function ReportPanel({ today }: { today: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const revision = usePos((s) => s.orderRevision);
  const [day, setDay] = useState(today);
  const [report, setReport] = useState<DailyReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    getPosApi()
      .getDailyReport({ day })
      .then(setReport, (e: unknown) => setError(describeError(e)));
  }, [day, revision]);
  const exportReport = async (format: 'csv' | 'xlsx') => {
    setError(null);
    try {
      const j = await getPosApi().exportDailyReport({ day, format });
      usePos.getState().jobProgress(j);
      setJobId(j.jobId);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="report-panel">
      <div className="report-head">
        <label className="field field-inline">
          <span>{t('report.day')}</span>
          <DateField value={day} onChange={(d) => d && setDay(d)} testId="report-day" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setDay(today)} data-testid="report-today">
          {t('report.today')}
        </button>
        {report && (
          <span className="hint">
            {t('report.cutoff', { hour: String(report.cutoffHour).padStart(2, '0') })}{' '}
            {t('report.range', {
              from: formatDateTime(report.startsAt, lang),
              to: formatDateTime(report.endsAt, lang),
            })}
          </span>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {report && (
        <>
          <ReportFigures report={report}>
            {report.needsReview.length > 0 && (
              <p className="warn-text">
                {t('report.needsReview', { count: formatCount(report.needsReview.length, lang) })}
              </p>
            )}
          </ReportFigures>
        </>
      )}
      <section className="export-panel">
        <h3>{t('export.daily')}</h3>
        <div className="export-row">
          <button
            type="button"
            className="btn"
            data-testid="report-export-csv"
            onClick={() => void exportReport('csv')}
          >
            {t('export.csv')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="report-export-xlsx"
            onClick={() => void exportReport('xlsx')}
          >
            {t('export.xlsx')}
          </button>
        </div>
        {jobId && <JobProgressView jobId={jobId} />}
      </section>
      <Reconcile day={day} />
    </div>
  );
}
