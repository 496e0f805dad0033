// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionTestResult } from '@shared/domain';
import { PosError } from '@shared/errors';
import { setPosApi, type PosApi } from '@renderer/api/pos-api';
import { useLanguage } from '@renderer/i18n';
import { TestConnection } from '@renderer/screens/settings/TestConnection';

/**
 * The "test the connection" button as the owner meets it: busy while the test runs (and
 * not pressable twice), then Pakasir's verdict, or why the test itself failed, in words.
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

let pending: ReturnType<typeof deferred<ConnectionTestResult>>;
const testConnection = vi.fn(() => pending.promise);

beforeEach(() => {
  useLanguage.getState().setLang('en');
  pending = deferred<ConnectionTestResult>();
  testConnection.mockClear();
  setPosApi({ testConnection } as unknown as PosApi);
});
afterEach(cleanup);

describe('TestConnection', () => {
  it('is busy while the test runs, then shows the verdict and hands it up', async () => {
    const onResult = vi.fn();
    render(<TestConnection onResult={onResult} />);
    const button = screen.getByTestId('test-connection');
    expect(button.textContent).toBe('Test the connection');
    fireEvent.click(button);
    expect(button.textContent).toBe('Testing…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button);
    expect(testConnection).toHaveBeenCalledTimes(1);
    const verdict: ConnectionTestResult = { ok: true, code: 'ok', latencyMs: 42 } as ConnectionTestResult;
    await act(async () => pending.resolve(verdict));
    expect(screen.getByTestId('test-result').getAttribute('data-code')).toBe('ok');
    expect(screen.getByTestId('test-result').textContent).toContain('Connected');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(onResult).toHaveBeenLastCalledWith(verdict);
  });

  it('says why when the test itself fails, and the button works again', async () => {
    render(<TestConnection onResult={() => undefined} />);
    const button = screen.getByTestId('test-connection');
    fireEvent.click(button);
    await act(async () => pending.reject(new PosError('gateway_network', 'ECONNREFUSED')));
    expect(screen.getByText('Cannot reach Pakasir. Check the internet connection.')).toBeTruthy();
    expect(screen.queryByTestId('test-result')).toBeNull();
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(document.body.textContent).not.toContain('ECONNREFUSED');
  });
});
