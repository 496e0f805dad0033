import type { JobProgress } from '@shared/domain';

/**
 * A call's answer (the job as it was when it started) can arrive after the job's own
 * progress events: a finished job never goes back to running, and progress never goes back.
 */
export function newerJob(current: JobProgress | undefined, incoming: JobProgress): JobProgress {
  if (!current) return incoming;
  if (current.state !== 'running') return current;
  if (incoming.state === 'running' && incoming.done < current.done) return current;
  return incoming;
}
