import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/shared/domain';
import { PosError } from '../../../src/shared/errors';
import { JobManager } from '../../../src/main/jobs/job-manager';

function manager(): {
  jobs: JobManager;
  events: JobProgress[];
  until: (pred: (p: JobProgress) => boolean) => Promise<JobProgress>;
} {
  const events: JobProgress[] = [];
  const waiters: { pred: (p: JobProgress) => boolean; resolve: (p: JobProgress) => void }[] = [];
  const jobs = new JobManager({
    onProgress: (p) => {
      events.push(p);
      for (const w of waiters.splice(0)) {
        if (w.pred(p)) w.resolve(p);
        else waiters.push(w);
      }
    },
  });
  const until = (pred: (p: JobProgress) => boolean) =>
    new Promise<JobProgress>((resolve) => waiters.push({ pred, resolve }));
  return { jobs, events, until };
}

describe('JobManager', () => {
  it('publishes progress and ends done with the file', async () => {
    const { jobs, events, until } = manager();
    const started = jobs.startJob('export', async (report) => {
      report(1, 3);
      report(3, 3);
      return { name: 'x.csv', path: '/tmp/x.csv', bytes: 10 };
    });
    expect(started).toMatchObject({ kind: 'export', state: 'running', done: 0 });
    const end = await until((p) => p.state !== 'running');
    expect(end).toMatchObject({
      jobId: started.jobId,
      state: 'done',
      done: 3,
      total: 3,
      file: { name: 'x.csv', bytes: 10 },
    });
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 1],
      ['running', 3],
      ['done', 3],
    ]);
    expect(jobs.get(started.jobId)?.state).toBe('done');
  });

  it('cancels through the signal and ends canceled', async () => {
    const { jobs, until } = manager();
    const started = jobs.startJob('reconcile', (report, signal) => {
      report(0, 10);
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new PosError('busy', 'canceled'))),
      );
    });
    await until((p) => p.total === 10);
    expect(jobs.cancel(started.jobId).state).toBe('running');
    expect(await until((p) => p.state !== 'running')).toMatchObject({ state: 'canceled' });
    expect(() => jobs.cancel('nope')).toThrow(/No task/);
  });

  it('fails with the PosError code and message and hides other errors', async () => {
    const { jobs, until } = manager();
    jobs.startJob('export', async () => {
      throw new PosError('export_disk_full', 'disk full');
    });
    expect(await until((p) => p.state === 'failed')).toMatchObject({
      error: { code: 'export_disk_full', message: 'disk full' },
    });
    jobs.startJob('export', async () => {
      throw new Error('ENOENT /home/owner/secret/path');
    });
    const failed = await until((p) => p.state === 'failed');
    expect(failed.error).toEqual({ code: 'internal', message: 'The task failed unexpectedly.' });
  });
});
