import { useState } from 'react';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { formatCount, formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { usePos } from '../../stores/pos-store';
import { JobFailureLine } from './JobFailureLine';
import { ReconcileResultView } from './ReconcileResultView';

/** The day's sales checked against Pakasir: start a check, its progress, the last result. */
export function ReconcilePanel({ day }: { day: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const offline = usePos((s) => s.connectivity.state === 'offline');
  const pushed = usePos((s) => s.reconcile[day]);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePos((s) => (jobId ? s.jobs[jobId] : undefined));
  const status = useLoad(() => getPosApi().getReconcileStatus({ day }), day);
  // A check finished in this session is pushed by main; the stored one is read per day.
  const result = pushed ?? status.value?.lastResult ?? null;
  const start = useAction(async () => {
    const j = await getPosApi().startReconcile({ day });
    usePos.getState().jobProgress(j);
    setJobId(j.jobId);
  });
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
          disabled={running || start.busy}
          data-testid="reconcile-start"
          onClick={() => void start.run()}
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
      {job && <JobFailureLine job={job} />}
      {status.error && <ErrorBox error={status.error} />}
      {start.error && <ErrorBox error={start.error} />}
      {!result && !running && <p className="hint">{t('reconcile.none')}</p>}
      {result && <ReconcileResultView result={result} />}
    </section>
  );
}
