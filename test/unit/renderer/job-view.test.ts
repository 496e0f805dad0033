import { describe, expect, it } from 'vitest';
import type { JobProgress } from '@shared/domain';
import { t } from '@renderer/i18n';
import { jobFailure, newerJob } from '@renderer/lib/job-view';

const job = (over: Partial<JobProgress>): JobProgress => ({
  jobId: 'j1',
  kind: 'export',
  state: 'failed',
  done: 10,
  total: 100,
  ...over,
});

const shown = (j: JobProgress, lang: 'id' | 'en') => {
  const f = jobFailure(j)!;
  return t(f.key, { reason: t(f.reason, undefined, lang) }, lang);
};

describe('a failed task, as the window says it', () => {
  it('an export to a full stick reads in the shop’s language, with nothing of main’s English inside', () => {
    const failed = job({
      error: {
        code: 'export_disk_full',
        message: 'The export could not be written: no room left there (E:\\x.csv, ENOSPC).',
      },
    });
    expect(jobFailure(failed)).toEqual({
      code: 'export_disk_full',
      key: 'job.failed.export',
      reason: 'error.export_disk_full',
    });
    const id = shown(failed, 'id');
    expect(id).toMatch(/^Ekspor gagal/);
    expect(id).toContain('penuh');
    expect(id).not.toContain('could not');
    expect(id).not.toContain('ENOSPC');
    expect(shown(failed, 'en')).toMatch(/^Export failed/);
  });

  it('each kind of task has its own sentence; a damaged journal during a check says so', () => {
    expect(jobFailure(job({ kind: 'reconcile', error: { code: 'storage_corrupt', message: 'x' } }))).toEqual({
      code: 'storage_corrupt',
      key: 'job.failed.reconcile',
      reason: 'error.storage_corrupt',
    });
    expect(jobFailure(job({ kind: 'recovery', error: { code: 'database', message: 'x' } }))?.key).toBe(
      'job.failed.recovery',
    );
  });

  it('a code or a kind this build does not know, or no error at all, reads as the generic sentence', () => {
    const unknown = job({ error: { code: 'from_a_newer_main', message: 'x' } as never });
    expect(jobFailure(unknown)).toMatchObject({ code: 'internal', reason: 'error.internal' });
    expect(jobFailure(job({ error: 'The task failed unexpectedly.' as never }))?.code).toBe('internal');
    expect(jobFailure(job({}))?.code).toBe('internal');
    expect(jobFailure(job({ kind: 'defrag' as never }))?.key).toBe('job.failed.export');
  });

  it('a task that did not fail has no failure line', () => {
    for (const state of ['running', 'done', 'canceled'] as const) expect(jobFailure(job({ state }))).toBeNull();
  });

  it('a late answer never takes a failed task back to running', () => {
    const failed = job({ error: { code: 'export_not_writable', message: 'x' } });
    expect(newerJob(failed, job({ state: 'running', done: 0 }))).toBe(failed);
  });
});
