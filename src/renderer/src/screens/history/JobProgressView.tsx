import type { JobProgress } from '@shared/domain';
import { getPosApi } from '../../api/pos-api';
import { useLanguage, useT } from '../../i18n';
import { formatBytes, formatCount } from '../../lib/format';
import { usePos } from '../../stores/pos-store';
import { JobFailureLine } from './JobFailureLine';

/** Progress of one export job, following jobProgress events. */
export function JobProgressView({ jobId }: { jobId: string }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const job: JobProgress | undefined = usePos((s) => s.jobs[jobId]);
  const shell = usePos((s) => s.appInfo?.shell ?? 'browser');
  if (!job) return null;
  return (
    <div className={`job job-${job.state}`} data-testid="job" data-state={job.state}>
      {job.state === 'running' && (
        <>
          <progress max={Math.max(1, job.total)} value={job.done} data-testid="job-progress" />
          <span>
            {t('export.progress', { done: formatCount(job.done, lang), total: formatCount(job.total, lang) })}
          </span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="job-cancel"
            onClick={() => void getPosApi().cancelJob({ jobId })}
          >
            {t('export.cancel')}
          </button>
        </>
      )}
      {job.state === 'done' && job.file && (
        <>
          <span>{t('export.done', { name: job.file.name, size: formatBytes(job.file.bytes) })}</span>
          {shell === 'browser' && job.file.url && (
            <a className="btn btn-small" href={job.file.url} download={job.file.name} data-testid="job-file">
              {t('export.open')}
            </a>
          )}
          {job.file.path && (
            <span className="mono" data-testid="job-path">
              {t('export.savedAt', { path: job.file.path })}
            </span>
          )}
        </>
      )}
      {job.state === 'canceled' && <span>{t('export.canceled')}</span>}
      <JobFailureLine job={job} />
    </div>
  );
}
