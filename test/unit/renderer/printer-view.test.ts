import { describe, expect, it } from 'vitest';
import { PRINT_JOB_KINDS, PRINT_JOB_STATES, PRINTER_PROBLEMS, type PrintJobView } from '@shared/printing';
import { PRINTER_PROBLEM_TEXT } from '@shared/printer-problem-text';
import { en } from '@renderer/i18n/en';
import { id } from '@renderer/i18n/id';
import { bannerOf, draftOf, isDirty, mergeJob, patchOf, statusLine } from '@renderer/lib/printer-view';

const dictionaries = { id, en } as Record<string, Record<string, string>>;

describe('printer words', () => {
  for (const [prefix, members] of [
    ['printer.problem', PRINTER_PROBLEMS],
    ['printer.jobState', PRINT_JOB_STATES],
    ['printer.job', PRINT_JOB_KINDS],
  ] as const) {
    it(`translate every ${prefix} value in both languages`, () => {
      for (const lang of ['id', 'en']) {
        const missing = members.filter((m) => !(`${prefix}.${m}` in dictionaries[lang]!));
        expect(missing, lang).toEqual([]);
      }
    });
  }

  it('show the same problem sentences main logs and puts in its errors', () => {
    for (const p of PRINTER_PROBLEMS) {
      expect(id[`printer.problem.${p}`]).toBe(PRINTER_PROBLEM_TEXT.id[p]);
      expect(en[`printer.problem.${p}`]).toBe(PRINTER_PROBLEM_TEXT.en[p]);
    }
  });
});

const saved = {
  target: { kind: 'tcp' as const, host: '192.168.1.50', port: 9100 },
  paperWidth: 58 as const,
  autoPrint: true,
  statusCheck: true,
  headerLines: ['Jl. Merdeka 1'],
  footerLines: [],
};

describe('the printer form', () => {
  it('round-trips the saved settings and sees no change', () => {
    expect(patchOf(draftOf(saved))).toEqual(saved);
    expect(isDirty(saved, draftOf(saved))).toBe(false);
  });

  it('builds the target from the chosen kind, keeps at most three lines, and drops auto-print without a printer', () => {
    const d = { ...draftOf(saved), header: ' a \n\n b\nc\nd ', port: '9101' };
    expect(patchOf(d)).toMatchObject({ target: { port: 9101 }, headerLines: ['a', 'b', 'c'] });
    expect(patchOf({ ...d, kind: 'none' })).toMatchObject({ target: { kind: 'none' }, autoPrint: false });
    expect(patchOf({ ...d, kind: 'os', deviceName: 'POS-58' }).target).toEqual({ kind: 'os', deviceName: 'POS-58' });
    expect(Number.isNaN((patchOf({ ...d, port: '91x' }).target as { port: number }).port)).toBe(true);
  });
});

describe('printer status for the cashier', () => {
  const status = {
    configured: true,
    state: 'problem' as const,
    problem: 'paper_out' as const,
    paperLow: false,
    waiting: 2,
    checkedAt: null,
  };

  it('says the problem, or ready, or that there is no printer', () => {
    expect(statusLine(status)).toEqual({ key: 'printer.problem.paper_out', tone: 'bad' });
    expect(statusLine({ ...status, state: 'ready', problem: null })).toEqual({
      key: 'printer.status.ready',
      tone: 'ok',
    });
    expect(statusLine({ ...status, configured: false, problem: null }).key).toBe('printer.status.none');
  });

  it('shows a banner only while receipts wait on a problem', () => {
    expect(bannerOf(status)).toEqual({ waiting: 2, problemKey: 'printer.problem.paper_out' });
    expect(bannerOf({ ...status, waiting: 0 })).toBeNull();
    expect(bannerOf({ ...status, problem: null, state: 'ready' })).toBeNull();
  });

  it('keeps the newest view of each job, newest job first', () => {
    const job = (id: number, state: PrintJobView['state']): PrintJobView => ({
      id,
      kind: 'sale_receipt',
      ref: `R${id}`,
      receiptNo: `KSR1-00000${id}`,
      reprint: 0,
      state,
      attempts: 0,
      lastProblem: null,
      lastDetail: null,
      opensDrawer: false,
      createdAt: '',
      updatedAt: '',
      printedAt: null,
    });
    const list = mergeJob([job(2, 'queued'), job(1, 'done')], job(2, 'done'), 8);
    expect(list.map((j) => [j.id, j.state])).toEqual([
      [2, 'done'],
      [1, 'done'],
    ]);
    expect(mergeJob(list, job(3, 'queued'), 2).map((j) => j.id)).toEqual([3, 2]);
  });

  it('never lets a late answer (queued) undo the event that said the job printed', () => {
    const at = (id: number, state: PrintJobView['state'], updatedAt: string): PrintJobView => ({
      id,
      kind: 'z_report',
      ref: 'SH-1',
      receiptNo: 'Z1',
      reprint: 1,
      state,
      attempts: 0,
      lastProblem: null,
      lastDetail: null,
      opensDrawer: false,
      createdAt: '2026-11-25T07:00:00.000Z',
      updatedAt,
      printedAt: null,
    });
    const printed = [at(4, 'done', '2026-11-25T07:00:00.200Z')];
    expect(mergeJob(printed, at(4, 'queued', '2026-11-25T07:00:00.000Z'), 8)[0]!.state).toBe('done');
    // Same instant: finished wins over waiting.
    expect(mergeJob(printed, at(4, 'queued', '2026-11-25T07:00:00.200Z'), 8)[0]!.state).toBe('done');
    // A retry after a failure is a later update: it shows as waiting again.
    const failed = [at(4, 'failed', '2026-11-25T07:00:01.000Z')];
    expect(mergeJob(failed, at(4, 'queued', '2026-11-25T07:00:05.000Z'), 8)[0]!.state).toBe('queued');
  });
});
