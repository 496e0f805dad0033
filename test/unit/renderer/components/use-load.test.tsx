// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PosError } from '@shared/errors';
import { useLanguage } from '@renderer/i18n';
import { useLoad } from '@renderer/lib/use-load';

/**
 * A screen's figures read for its inputs (a day, a till): only the newest read fills the
 * screen, so an answer for the day the owner just left never shows under the new day's heading.
 */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => useLanguage.getState().setLang('en'));
afterEach(cleanup);

describe('useLoad', () => {
  it('shows nothing for a new key until its own answer comes, and keeps what is shown across a revision', async () => {
    const answers = new Map([
      ['1', deferred<string>()],
      ['2', deferred<string>()],
    ]);
    let revisionReads = 0;
    const { result, rerender } = renderHook(
      ({ day, revision }) =>
        useLoad(
          () => {
            if (revision > 0) revisionReads += 1;
            return answers.get(day)!.promise;
          },
          day,
          { revision },
        ),
      { initialProps: { day: '1', revision: 0 } },
    );
    await act(async () => answers.get('1')!.resolve('figures of the 1st'));
    expect(result.current.value).toBe('figures of the 1st');
    rerender({ day: '1', revision: 1 });
    expect(result.current.value).toBe('figures of the 1st');
    expect(revisionReads).toBe(1);
    rerender({ day: '2', revision: 1 });
    expect(result.current.value).toBeNull();
    await act(async () => answers.get('2')!.resolve('figures of the 2nd'));
    expect(result.current.value).toBe('figures of the 2nd');
  });

  it('drops a late answer for an earlier key', async () => {
    const answers = new Map([
      ['2026-01-01', deferred<string>()],
      ['2026-01-02', deferred<string>()],
    ]);
    const { result, rerender } = renderHook(({ day }) => useLoad(() => answers.get(day)!.promise, day), {
      initialProps: { day: '2026-01-01' },
    });
    rerender({ day: '2026-01-02' });
    await act(async () => answers.get('2026-01-02')!.resolve('figures of the 2nd'));
    expect(result.current.value).toBe('figures of the 2nd');
    await act(async () => answers.get('2026-01-01')!.resolve('figures of the 1st'));
    expect(result.current.value).toBe('figures of the 2nd');
  });

  it('ignores a late failure for an earlier key', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const { result, rerender } = renderHook(({ read }) => useLoad(() => read.promise, read === first ? 'a' : 'b'), {
      initialProps: { read: first },
    });
    rerender({ read: second });
    await act(async () => second.resolve('b'));
    await act(async () => first.reject(new PosError('internal', 'gone')));
    expect(result.current).toMatchObject({ value: 'b', error: null });
  });

  it('clears the figures and says why when the newest read fails, and reads again on reload', async () => {
    let fail = false;
    let reads = 0;
    const { result, rerender } = renderHook(
      ({ day }) =>
        useLoad(async () => {
          reads += 1;
          if (fail) throw new PosError('storage_io', 'closed');
          return `figures of ${day}`;
        }, day),
      { initialProps: { day: '1' } },
    );
    await waitFor(() => expect(result.current.value).toBe('figures of 1'));
    fail = true;
    rerender({ day: '2' });
    await waitFor(() => expect(result.current.error?.code).toBe('storage_io'));
    expect(result.current.value).toBeNull();
    fail = false;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.value).toBe('figures of 2'));
    expect(result.current.error).toBeNull();
    expect(reads).toBe(3);
  });

  it("words a failure with the screen's own wording when given one", async () => {
    const { result } = renderHook(() =>
      useLoad(() => Promise.reject(new Error('401')), 'k', {
        describe: () => ({ code: 'signed_out', text: 'Sign in again.', issues: [] }),
      }),
    );
    await waitFor(() => expect(result.current.error?.text).toBe('Sign in again.'));
  });

  it('shows an answer already given at once, only under its own key, and reads it again', async () => {
    const reread = deferred<string>();
    let reads = 0;
    const { result, rerender } = renderHook(
      ({ key }) =>
        useLoad(
          () => {
            reads += 1;
            return key === 'shift:A' ? reread.promise : Promise.resolve('the day');
          },
          key,
          { initial: { key: 'shift:A', value: 'closed shift A' } },
        ),
      { initialProps: { key: 'shift:A' } },
    );
    expect(result.current.value).toBe('closed shift A');
    expect(reads).toBe(1);
    await act(async () => reread.resolve('shift A as read'));
    expect(result.current.value).toBe('shift A as read');
    rerender({ key: 'day:2026-11-25' });
    await waitFor(() => expect(result.current.value).toBe('the day'));
  });

  it("shows a call's own answer at once, and drops a read that was already on its way", async () => {
    const reads = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { result, rerender } = renderHook(
      ({ revision }) => useLoad(() => reads[n++]!.promise, 'sale-1', { revision }),
      {
        initialProps: { revision: 0 },
      },
    );
    await act(async () => reads[0]!.resolve('before the refund'));
    // The counter changed (a read starts), then the refund's own answer comes first.
    rerender({ revision: 1 });
    act(() => result.current.show('after the refund'));
    expect(result.current.value).toBe('after the refund');
    await act(async () => reads[1]!.resolve('read started before the answer'));
    expect(result.current.value).toBe('after the refund');
  });
});
