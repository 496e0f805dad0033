import { useEffect, useState } from 'react';
import type { ReconcileResult } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { describeError, type ShownError } from '../../lib/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { usePos } from '../../stores/pos-store';
import { ReconcileResultView } from './ReconcileResultView';

/** The day's sales checked against Pakasir: start a check, its progress, the last result. */
export function ReconcilePanel({ day }: { day: string }) {
  const t = useT();
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
      {result && <ReconcileResultView result={result} />}
    </section>
  );
}
