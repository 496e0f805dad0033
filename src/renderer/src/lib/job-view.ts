import type { JobKind, JobProgress } from '@shared/domain';
import type { ErrorCode } from '@shared/errors';
import type { MessageKey } from '../i18n';
import { knownErrorCode } from './errors';

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

export interface JobFailureView {
  code: ErrorCode;
  /** The sentence for the task, with {reason} filled by `reason`. */
  key: MessageKey;
  reason: MessageKey;
}

const KINDS: Record<JobKind, true> = { export: true, reconcile: true, recovery: true };

/**
 * Why a task failed, in the window's language: the sentence for main's code, never main's
 * own (English) text, and the generic sentence for a code this build does not know.
 */
export function jobFailure(job: JobProgress): JobFailureView | null {
  if (job.state !== 'failed') return null;
  const code = knownErrorCode((job.error as { code?: unknown } | undefined)?.code);
  const kind: JobKind = Object.prototype.hasOwnProperty.call(KINDS, job.kind) ? job.kind : 'export';
  return { code, key: `job.failed.${kind}`, reason: `error.${code}` };
}
