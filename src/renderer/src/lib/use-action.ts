import { useCallback, useRef, useState } from 'react';
import { describeError, type ShownError } from './errors';

export interface Action<A extends unknown[], R> {
  /** True while a run is in progress: its button shows it and refuses a second press. */
  busy: boolean;
  /** Why the last run failed, in the cashier's words; null after a success or a new run. */
  error: ShownError | null;
  /** Runs the call; resolves to its value, or undefined when it failed (the error is set). */
  run: (...args: A) => Promise<R | undefined>;
  setError: (error: ShownError | null) => void;
}

/**
 * The busy and error state of one call a screen makes (save, test the connection, resolve a
 * review...), so no screen writes its own try / catch / finally around a call again.
 */
export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>): Action<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  // The latest call, so `run` stays the same function across renders.
  const latest = useRef(call);
  latest.current = call;
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (err) {
      setError(describeError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
