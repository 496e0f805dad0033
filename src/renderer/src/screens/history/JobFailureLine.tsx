import type { JobProgress } from '@shared/domain';
import { useT } from '../../i18n';
import { jobFailure } from '../../lib/job-view';

/** Why a task failed, the same way wherever one is shown (exports, the check with Pakasir). */
export function JobFailureLine({ job }: { job: JobProgress }) {
  const t = useT();
  const failure = jobFailure(job);
  if (!failure) return null;
  return (
    <span className="error-text" role="alert" data-testid="job-failed" data-code={failure.code}>
      {t(failure.key, { reason: t(failure.reason) })}
    </span>
  );
}
