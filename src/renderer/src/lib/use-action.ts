import { useCallback, useRef, useState } from 'react';
import { describeError, type ShownError } from './errors';

export interface Action<A extends unknown[], R, E = ShownError> {
  /** True while a run is in progress: its button shows it and refuses a second press. */
  busy: boolean;
  /** Why the last run failed, in the cashier's words; null after a success or a new run. */
  error: E | null;
  /** Runs the call; resolves to its value, or undefined when it failed (the error is set). */
  run: (...args: A) => Promise<R | undefined>;
  setError: (error: E | null) => void;
}

/**
 * The busy and error state of one call a screen makes (save, test the connection, resolve a
 * review...), so no screen writes its own try / catch / finally around a call again.
 * `describe` words a failure: main's refusals by default; the owner's page passes the shop
 * server's wording.
 */
export function useAction<A extends unknown[], R, E = ShownError>(
  call: (...args: A) => Promise<R>,
  describe: (err: unknown) => E = describeError as (err: unknown) => E,
): Action<A, R, E> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  // The latest call and wording, so `run` stays the same function across renders.
  const latest = useRef({ call, describe });
  latest.current = { call, describe };
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await latest.current.call(...args);
    } catch (err) {
      setError(latest.current.describe(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
