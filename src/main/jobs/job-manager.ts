import { randomUUID } from 'node:crypto';
import type { JobKind, JobProgress } from '@shared/domain';
import { PosError } from '@shared/errors';

export type JobFile = NonNullable<JobProgress['file']>;
export type JobRun = (report: (done: number, total: number) => void, signal: AbortSignal) => Promise<JobFile | void>;

interface Job {
  progress: JobProgress;
  controller: AbortController;
}

/** Finished jobs kept for a late getter (a window that opens after the job ended). */
const KEEP_FINISHED = 20;

/**
 * Long owner tasks (export, reconciliation) run in the background; every progress change is
 * published through one callback so all windows see the same state. A job ends as done,
 * canceled (its signal fired) or failed (with a PosError's code and message only, never a stack
 * or another error's text).
 */
export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private readonly onProgress: (p: JobProgress) => void;

  constructor(opts: { onProgress: (p: JobProgress) => void }) {
    this.onProgress = opts.onProgress;
  }

  startJob(kind: JobKind, run: JobRun): JobProgress {
    const job: Job = {
      progress: { jobId: randomUUID(), kind, state: 'running', done: 0, total: 0 },
      controller: new AbortController(),
    };
    this.jobs.set(job.progress.jobId, job);
    this.prune();
    const publish = (patch: Partial<JobProgress>) => {
      job.progress = { ...job.progress, ...patch };
      this.onProgress({ ...job.progress });
    };
    const signal = job.controller.signal;
    const report = (done: number, total: number) => {
      if (job.progress.state === 'running') publish({ done, total });
    };
    // Started on the next tick so the caller gets the job id before the first progress event.
    queueMicrotask(() => {
      run(report, signal).then(
        (file) => {
          if (signal.aborted) publish({ state: 'canceled' });
          else
            publish({
              state: 'done',
              done: Math.max(job.progress.done, job.progress.total),
              ...(file ? { file } : {}),
            });
        },
        (err: unknown) => {
          if (signal.aborted) publish({ state: 'canceled' });
          else
            publish({
              state: 'failed',
              error:
                err instanceof PosError
                  ? { code: err.code, message: err.message }
                  : { code: 'internal', message: 'The task failed unexpectedly.' },
            });
        },
      );
    });
    return { ...job.progress };
  }

  cancel(jobId: string): JobProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new PosError('not_found', `No task ${jobId}.`);
    if (job.progress.state === 'running') job.controller.abort();
    return { ...job.progress };
  }

  get(jobId: string): JobProgress | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.progress } : null;
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.progress.state === 'running') job.controller.abort();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.progress.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.progress.jobId);
  }
}
